#pragma once

#include "SyncReport.h"
#include "SyncResources.h"
#include "SyncTransport.h"
#include "core/Result.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QMetaType>
#include <QStringList>

#include <functional>
#include <optional>

namespace frontdesk {

class Database;

// What one round of sync did.
struct SyncRound
{
    bool reached = false;    // the server answered (a refusal counts: it was reached)
    int pushed = 0;          // records the server took
    int pulled = 0;          // changes from the server written here
    int conflicts = 0;       // records the server had changed meanwhile (412), kept for a person
    int rejected = 0;        // records the server refused (409 ...), kept with the reason
    int unapplied = 0;       // changes from the server that could not be written here, kept (as
                             // conflicts for a person; frontdeskctl sync counts them so)
    int auditUploaded = 0;   // entries of this workstation's audit trail the server took
    int accountsChanged = 0; // local staff accounts changed to the server's state
    QStringList accountsDisabled; // of them, those the server has disabled (or does not know)
    QString problem;              // why the round stopped early; empty when it completed
    // Local resource type (as the outbox names it) → ids the round changed here (pulled, or
    // whose sync state changed), so the models can refresh those rows.
    QHash<QString, QStringList> changed;
};

// Push and pull over one connection (the sync worker's, or frontdeskctl's): the protocol of
// ARCHITECTURE.md "Sync protocol" against frontdesk-server or any FHIR R4 server with the
// same interactions.
//
// Push: the due outbox rows (next_attempt_at ≤ now) of one staff member go as one transaction
// Bundle, several edits of a record coalesced into its current state, each entry with ifMatch
// from the server version the record is based on. The rows of a push are marked with its id
// (the request id of its first row) before it is sent, so a retry after a timeout or a crash
// sends the same push under the same id and the server applies it once. A refused bundle is
// split into one push per record (each named by that record's first request id) to find the
// record the server refused: 409 and other refusals → rejected with the reason; 412 → a
// field-level merge against the base copy kept from the server, sent again, or a conflict when
// both sides changed the same field; the other records go on. Unreachable, 5xx and 429 → every row
// of the push waits with exponential backoff and jitter (attempts, next_attempt_at, last_error).
//
// Then, with the workstation's own credential, the audit trail goes up (AuditUpload).
//
// Pull: GET _history from the cursor in sync_meta, each page written in one local transaction
// with the new cursor, without outbox rows; a change the workstation already holds (its own
// push coming back, or a page seen twice) is skipped by version; a record with local changes
// not yet taken by the server is left for the push to settle; a change that cannot be written
// here is undone alone (a savepoint) and kept for a person, and the page goes on.
class SyncEngine
{
    Q_DECLARE_TR_FUNCTIONS(SyncEngine)
public:
    SyncEngine(Database &db, SyncTransport &transport);

    // Push, then pull, then the staff accounts; stops early (problem set) when the server
    // cannot be reached.
    SyncRound round();
    void push(SyncRound &round);
    void pull(SyncRound &round);
    // The server is the authority for staff accounts: GET /auth/staff, and every local account
    // set to its state in one transaction (ServerAccounts::apply). A server that keeps no
    // accounts (404) or does not show them to this connection (403) leaves them alone.
    void accounts(SyncRound &round);

    void setPageSize(int entries) { m_pageSize = entries; }
    // Pulled pages are written together until they hold at least this many changes (about
    // 0.2 s of a new workstation's first pull at 2,000, the default): the UI's writes wait no
    // longer than that.
    void setEntriesPerTransaction(qsizetype entries) { m_entriesPerTransaction = entries; }
    // A first pull of at least this many changes (a new workstation of a large clinic) writes
    // its rows with the synced tables' non-unique indexes set aside and makes them again at its
    // end (Database::deferIndexes); meanwhile the calendar and searches here read without them.
    void setDeferIndexesFrom(qint64 changes) { m_deferIndexesFrom = changes; }
    // Told after each push and after each transaction of pulled pages.
    void setProgress(std::function<void(const SyncProgress &)> progress)
    {
        m_progress = std::move(progress);
    }
    // In [0.5, 1) of the delay; injectable so tests can pin it.
    void setJitter(std::function<double()> jitter) { m_jitter = std::move(jitter); }

    // The wait before the next try after `attempts` failed ones: 5 s doubling to at most
    // 15 minutes, times the jitter factor.
    static qint64 backoffMs(int attempts, double jitter);

    // What an OperationOutcome in a reply's body says, for a person.
    static QString diagnostics(const QByteArray &body);

    static QString historyCursorKey() { return QStringLiteral("history_cursor"); }
    static QString lastSyncKey() { return QStringLiteral("last_sync_at"); }
    static QString offlineSinceKey() { return QStringLiteral("offline_since"); }

private:
    struct Row
    {
        qint64 seq = 0;
        QString requestId;
        QString type;
        QString id;
        int attempts = 0;
    };
    struct Push
    {
        QString id;
        QString actor;
        QList<Row> rows;
    };
    // The server's version of a record, as read for a merge.
    struct Theirs
    {
        QJsonObject resource;
        qint64 version = 0; // 0: not read
    };
    enum class Sent
    {
        Done,
        Split,
        Waiting // not reached, or refused in a way a later try may get past
    };

    Result<std::optional<Push>> nextPush();
    Result<Sent> send(const Push &push, SyncRound &round);
    // After a 412: the server's version merged field by field with this workstation's against
    // the base (baseOf: the server's version basedOn, which the change started from), written
    // here and queued to go back; nullopt when that was done, else why not (the fields both sides
    // changed), for the record's conflict, with the server's version in `theirs` when it could be
    // read.
    Result<std::optional<QString>> merge(const Push &push, const QString &type, const QString &id,
                                         const QString &basedOn, SyncRound &round, Theirs &theirs);
    // The record's row of sync_records (made with every column at its default when there is
    // none) with `assignments` set: fixed SQL ("column = ?, ..."), `values` bound in order.
    Status keepRow(const QString &type, const QString &id, const QString &assignments,
                   const QVariantList &values);
    // The server's version of a record waiting for a person, beside it in sync_records (an
    // empty resource: deleted there).
    Status keepTheirs(const QString &type, const QString &id, qint64 version,
                      const QJsonObject &resource);
    // A change from the server that could not be written here, kept in sync_records for a
    // person; a record held here is flagged as a conflict.
    Status keepUnapplied(const QString &type, const QString &id, qint64 version,
                         const QJsonObject &resource, bool exists, const QString &problem);
    // A message sent or received before what this workstation keeps (MessageRetention).
    bool olderThanKept(const QJsonObject &communication) const;
    // A change of a history page, read from its entry (readPage).
    struct Pulled
    {
        QString serverType;
        QString type; // the outbox's name of serverType; empty: a type not kept here
        QString id;
        qint64 version = 0;
        bool deleted = false;
        QJsonObject resource;         // empty when deleted
        SyncResources::Mapped mapped; // the record it becomes (not when deleted)
    };
    // A history page as it came: its changes, where the next one starts, and its text (where
    // a server's copy kept here is refreshed from, BundleText). problem: an entry that names no
    // resource and version, which refuses the page.
    struct Page
    {
        QList<Pulled> entries;
        qint64 next = 0;
        QByteArray text;
        QString problem;
    };
    // A history page read from the server's answer (its JSON parsed and every resource mapped
    // to its record, without the database: on the pull's reader thread), and whether the
    // server has more after it; or why it is not a history page from the cursor asked for
    // (problem).
    struct PageRead
    {
        Page page;
        bool more = false;
        QString problem;
    };
    static PageRead readPage(const QByteArray &body, qint64 cursor);
    class PageReader;
    // One history page in the pull's transaction, the cursor moved to its next. guarded: each
    // entry in a savepoint of its own, one that cannot be written undone alone and kept for a
    // person; else the first such entry sets entryFailed and fails the page, to be applied
    // again guarded.
    Status applyPage(const Page &received, bool guarded, SyncRound &page, bool &entryFailed);
    // The server's version of a record just written here, the base of a later merge (an empty
    // resource: deleted there), with no problem.
    Status keepBase(const QString &type, const QString &id, qint64 version,
                    const QString &resource);
    // The same for a record whose copy is kept already (one pushed, merged or waiting for a
    // person here); false: none is kept, and none is made. A pull keeps no copy of what it
    // writes: a new workstation would write the clinic twice, and the server keeps every
    // version (baseOf reads the one a merge needs).
    Result<bool> refreshBase(const QString &type, const QString &id, qint64 version,
                             const QString &resource);
    // The server's version `version` of a record (the one its change here was based on, its
    // server_version): the copy kept in sync_records when it is of that version, else read
    // from the server (vread) and kept. An empty resource: none (an empty version: never
    // received from the server). problem: why the server could not give that version.
    struct Base
    {
        QString resource;
        QString problem;
    };
    Result<Base> baseOf(const QString &type, const QString &id, const QString &version);
    Status postpone(const Push &push, const QString &error);
    Status split(const Push &push);
    Status setMeta(const QString &key, const QString &value);
    void noteReached(SyncRound &round, bool reached);

    Database &m_db;
    SyncTransport &m_transport;
    int m_pageSize = 2000;
    qsizetype m_entriesPerTransaction = 2000;
    qint64 m_deferIndexesFrom = 5000;
    std::function<double()> m_jitter;
    std::function<void(const SyncProgress &)> m_progress;
};

} // namespace frontdesk

Q_DECLARE_METATYPE(frontdesk::SyncRound)
