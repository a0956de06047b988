#pragma once

#include "core/Result.h"
#include "domain/AuditEntry.h"

#include <QCoreApplication>
#include <QJsonValue>
#include <QSqlQuery>
#include <QString>

#include <functional>
#include <optional>

namespace frontdesk {

class AuditRedaction;
class Database;

// The append-only, hash-chained audit trail. Appends join the caller's transaction, so an
// entry exists exactly when the change it records does.
class AuditLog
{
    Q_DECLARE_TR_FUNCTIONS(AuditLog)
public:
    explicit AuditLog(Database &db) : m_db(db) {}

    static QString genesisHash() { return QString(64, QLatin1Char('0')); }
    // The columns entryFrom() reads, in its order, for "SELECT <columns> FROM audit_log ...".
    static QString columns();
    static AuditEntry entryFrom(const QSqlQuery &row);

    // Fills id, time, actor (from the database's current actor) and the chain fields.
    Result<AuditEntry> append(AuditEntry entry);
    // append() for many entries at once (a server's transaction Bundle): one read of the chain's
    // end and a few multi-row statements; the same entries, in this order, as append() one by
    // one would make.
    Status appendAll(QList<AuditEntry> entries);
    // Stores a setting and its audit entry (before and after) in one transaction.
    Status changeSetting(const QString &key, int before, int after);
    // The same for any value (a number or a text), written by `write` (e.g. a shared setting
    // queued for the server) in the entry's transaction.
    Status changeSetting(const QString &key, const QJsonValue &before, const QJsonValue &after,
                         const std::function<Status()> &write);
    Result<qint64> count() const;
    // The entries after sequence number `seq`, oldest first, at most `limit`: what the sync
    // uploads to the server. Copying the trail is no one's reading of it, so it leaves no entry.
    Result<QList<AuditEntry>> after(qint64 seq, int limit) const;
    // The entry with sequence number `seq`, if there is one.
    Result<std::optional<AuditEntry>> at(qint64 seq) const;

private:
    // Fills the entry's chain link (after previousHash), redacted detail, id, time, actor and
    // hash: what append() and appendAll() do to each entry.
    Status seal(AuditEntry &entry, const QString &previousHash, AuditRedaction &redaction) const;

    Database &m_db;
};

} // namespace frontdesk
