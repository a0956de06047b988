#include "SyncEngine.h"

#include "AuditUpload.h"
#include "SyncConflicts.h"
#include "SyncResources.h"
#include "access/ServerAccounts.h"
#include "database/Database.h"
#include "domain/RecordMeta.h"
#include "fhir/BookingMapping.h"
#include "fhir/BundleText.h"
#include "fhir/CommunicationMapping.h"
#include "fhir/Etag.h"
#include "fhir/FhirJson.h"
#include "storage/MessageRetention.h"
#include "storage/Outbox.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QSet>
#include <QThreadPool>

#include <algorithm>
#include <future>
#include <memory>
#include <utility>

namespace frontdesk {

namespace {

constexpr int kMaxPushRows = 500;
// Bounds one round, so a worker that is asked to stop is not stuck in it for long.
constexpr int kMaxPushesPerRound = 200;
constexpr int kMaxPagesPerRound = 10000;
// A year of a busy workstation's trail goes up in a few rounds.
constexpr int kMaxAuditPages = 40;

QString compact(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

} // namespace

QString SyncEngine::diagnostics(const QByteArray &body)
{
    QStringList parts;
    const QJsonObject outcome = QJsonDocument::fromJson(body).object();
    for (const QJsonValue &issue : outcome.value(QStringLiteral("issue")).toArray()) {
        const QString d = issue.toObject().value(QStringLiteral("diagnostics")).toString();
        if (!d.isEmpty())
            parts << d;
    }
    if (parts.isEmpty())
        return QString::fromUtf8(body.left(300)).simplified();
    return parts.join(QStringLiteral("; "));
}

SyncEngine::SyncEngine(Database &db, SyncTransport &transport)
    : m_db(db), m_transport(transport),
      m_jitter([] { return 0.5 + QRandomGenerator::global()->generateDouble() / 2; })
{}

qint64 SyncEngine::backoffMs(int attempts, double jitter)
{
    constexpr qint64 base = 5000;
    constexpr qint64 cap = qint64(15) * 60 * 1000;
    qint64 delay = base;
    for (int i = 1; i < attempts && delay < cap; ++i)
        delay *= 2;
    return qint64(double(std::min(delay, cap)) * std::clamp(jitter, 0.0, 1.0));
}

SyncRound SyncEngine::round()
{
    SyncRound r;
    push(r);
    if (r.problem.isEmpty())
        pull(r);
    if (r.problem.isEmpty() && m_transport.isWorkstation()) {
        const AuditUpload::Outcome audit = AuditUpload(m_db, m_transport).run(kMaxAuditPages);
        r.auditUploaded = audit.uploaded;
        r.problem = audit.problem;
    }
    if (r.problem.isEmpty())
        accounts(r);
    if (r.problem.isEmpty()) {
        if (auto s = setMeta(lastSyncKey(), QString::number(m_db.clock().nowMs())); !s)
            r.problem = s.error();
    }
    return r;
}

Status SyncEngine::setMeta(const QString &key, const QString &value)
{
    auto q =
        m_db.query(QStringLiteral("INSERT OR REPLACE INTO sync_meta (key, value) VALUES (?, ?)"),
                   {key, value});
    if (!q)
        return fail(q.error());
    return {};
}

void SyncEngine::noteReached(SyncRound &round, bool reached)
{
    round.reached = round.reached || reached;
    // Since when the server could not be reached, for the status bar; kept from the first miss.
    auto q = reached ? m_db.query(QStringLiteral("DELETE FROM sync_meta WHERE key = ?"),
                                  {offlineSinceKey()})
                     : m_db.query(QStringLiteral("INSERT OR IGNORE INTO sync_meta (key, value) "
                                                 "VALUES (?, ?)"),
                                  {offlineSinceKey(), QString::number(m_db.clock().nowMs())});
    if (!q && round.problem.isEmpty())
        round.problem = q.error();
}

void SyncEngine::push(SyncRound &round)
{
    // A workstation enrolled with a seeded demo clinic sends it as the administrator who
    // enrolled it (README "Sync"), queued 20,000 records to a transaction, so that a stop
    // halfway loses nothing and queues nothing twice.
    // Once all of it is queued, a mark in sync_meta spares later rounds the look through every
    // table; a new seeding (DemoSeeder) takes the mark away.
    if (m_transport.isWorkstation()) {
        const QString enrolledBy = m_db.setting(QStringLiteral("sync_enrolled_by"));
        auto queuedAll = m_db.scalar(QStringLiteral("SELECT value FROM sync_meta WHERE key = ?"),
                                     {SyncResources::demoQueuedKey()});
        if (!queuedAll) {
            round.problem = queuedAll.error();
            return;
        }
        if (!queuedAll->isValid() && !enrolledBy.isEmpty()) {
            for (qint64 queued = 1; queued > 0;) {
                auto q = SyncResources::queueDemoRecords(m_db, enrolledBy, 20000);
                if (!q) {
                    round.problem = q.error();
                    return;
                }
                queued = *q;
            }
            if (auto s = setMeta(SyncResources::demoQueuedKey(), QStringLiteral("1")); !s) {
                round.problem = s.error();
                return;
            }
        }
    }
    qint64 total = 0;
    if (m_progress) {
        auto waiting = Outbox(m_db).waitingRecords();
        total = waiting ? *waiting : 0;
    }
    for (int i = 0; i < kMaxPushesPerRound; ++i) {
        auto next = nextPush();
        if (!next) {
            round.problem = next.error();
            return;
        }
        if (!next->has_value())
            return;
        auto sent = send(**next, round);
        if (!sent) {
            round.problem = sent.error();
            return;
        }
        if (*sent == Sent::Waiting)
            return;
        if (m_progress && total > 0)
            m_progress({SyncProgress::Phase::Push,
                        std::min<qint64>(round.pushed + round.rejected + round.conflicts, total),
                        total});
    }
}

Result<std::optional<SyncEngine::Push>> SyncEngine::nextPush()
{
    const qint64 now = m_db.clock().nowMs();
    const auto readRows = [&](const QString &where, const QVariantList &binds) -> Result<Push> {
        auto q = m_db.query(QStringLiteral("SELECT seq, request_id, resource_type, resource_id, "
                                           "attempts, actor FROM outbox WHERE %1 ORDER BY seq "
                                           "LIMIT %2")
                                .arg(where)
                                .arg(kMaxPushRows),
                            binds);
        if (!q)
            return fail(q.error());
        Push push;
        while (q->next()) {
            push.rows << Row{q->value(0).toLongLong(), q->value(1).toString(),
                             q->value(2).toString(), q->value(3).toString(), q->value(4).toInt()};
            push.actor = q->value(5).toString();
        }
        if (!push.rows.isEmpty())
            push.id = push.rows.first().requestId;
        return push;
    };

    // A push already named goes first and alone, exactly as it was named: it may have reached
    // the server already, and only the same request id gets its answer back.
    auto frozen = m_db.query(
        QStringLiteral("SELECT push_id, min(next_attempt_at) FROM outbox WHERE push_id IS NOT "
                       "NULL GROUP BY push_id ORDER BY min(seq) LIMIT 1"));
    if (!frozen)
        return fail(frozen.error());
    if (frozen->next()) {
        if (frozen->value(1).toLongLong() > now)
            return std::optional<Push>();
        auto push = readRows(QStringLiteral("push_id = ?"), {frozen->value(0)});
        if (!push)
            return fail(push.error());
        return std::optional<Push>(*push);
    }

    const QStringList types = SyncResources::outboxTypes();
    QVariantList binds{now};
    for (const QString &t : types)
        binds << t;
    const QString due =
        QStringLiteral("push_id IS NULL AND next_attempt_at <= ? AND resource_type IN (%1)")
            .arg(QStringList(types.size(), QStringLiteral("?")).join(QStringLiteral(", ")));
    // One push is one staff member's changes, so the server can check that person's role.
    auto actor = m_db.scalar(
        QStringLiteral("SELECT actor FROM outbox WHERE %1 ORDER BY seq LIMIT 1").arg(due), binds);
    if (!actor)
        return fail(actor.error());
    if (!actor->isValid())
        return std::optional<Push>();
    auto push = readRows(due + QStringLiteral(" AND actor = ?"), binds + QVariantList{*actor});
    if (!push)
        return fail(push.error());
    const Status named = m_db.write([&]() -> Status {
        for (const Row &row : std::as_const(push->rows)) {
            if (auto q = m_db.query(QStringLiteral("UPDATE outbox SET push_id = ? WHERE seq = ?"),
                                    {push->id, row.seq});
                !q)
                return fail(q.error());
        }
        return {};
    });
    if (!named)
        return fail(tr("Could not prepare the changes to send: %1").arg(named.error()));
    return std::optional<Push>(*push);
}

Result<SyncEngine::Sent> SyncEngine::send(const Push &push, SyncRound &round)
{
    struct Entry
    {
        QString type;
        QString id;
        std::optional<QJsonObject> resource; // nullopt: a delete
        QString basedOn;                     // the server's version it changed; empty: none
    };
    QList<Entry> entries;
    QJsonArray bundleEntries;
    QSet<QString> seen;
    for (const Row &row : push.rows) {
        const QString key = row.type + QLatin1Char('/') + row.id;
        if (seen.contains(key))
            continue;
        seen.insert(key);
        auto current = SyncResources::current(m_db, row.type, row.id);
        if (!current)
            return fail(tr("Could not read the %1 %2 to send it: %3")
                            .arg(row.type, row.id, current.error()));
        // Gone from the table, or made and deleted here before the server saw it: nothing to
        // send, and nothing the server should hear of.
        if (!current->has_value() ||
            (!(*current)->resource && (*current)->meta.serverVersion.isEmpty()))
            continue;
        const auto &c = **current;
        const QString serverType = SyncResources::serverType(row.type);
        QJsonObject request{{QStringLiteral("method"),
                             c.resource ? QStringLiteral("PUT") : QStringLiteral("DELETE")},
                            {QStringLiteral("url"), serverType + QLatin1Char('/') + row.id}};
        // Changed from the server's version this workstation has; or, never received from the
        // server, made only where there is none yet: one made under the same id elsewhere (the
        // clinic's settings) is answered 412 and merged here (merge), not overwritten there.
        if (!c.meta.serverVersion.isEmpty())
            request.insert(QStringLiteral("ifMatch"),
                           QStringLiteral("W/\"%1\"").arg(c.meta.serverVersion));
        else if (c.resource)
            request.insert(QStringLiteral("ifNoneMatch"), QStringLiteral("*"));
        QJsonObject entry{{QStringLiteral("request"), request}};
        if (c.resource)
            entry.insert(QStringLiteral("resource"), *c.resource);
        bundleEntries.append(entry);
        entries << Entry{row.type, row.id, c.resource, c.meta.serverVersion};
    }
    if (entries.isEmpty()) {
        auto q = m_db.query(QStringLiteral("DELETE FROM outbox WHERE push_id = ?"), {push.id});
        if (!q)
            return fail(q.error());
        return Sent::Done;
    }

    const QJsonObject bundle{
        {QStringLiteral("resourceType"), QStringLiteral("Bundle")},
        {QStringLiteral("type"), QStringLiteral("transaction")},
        {QStringLiteral("identifier"),
         QJsonObject{{QStringLiteral("system"), QStringLiteral("urn:frontdesk:push")},
                     {QStringLiteral("value"), push.id}}},
        {QStringLiteral("entry"), bundleEntries}};
    m_transport.setActingFor(push.actor);
    const HttpReply reply = m_transport.send(
        "POST", QStringLiteral("fhir"), QJsonDocument(bundle).toJson(QJsonDocument::Compact),
        // Only each entry's new version is read from the answer, not the stored resource.
        {{QByteArrayLiteral("X-Request-Id"), push.id.toUtf8()},
         {QByteArrayLiteral("Prefer"), QByteArrayLiteral("return=minimal")}});
    noteReached(round, reply.reached());

    if (!reply.reached() || reply.status >= 500 || reply.status == 429 || reply.status == 401) {
        const QString error = reply.reached() ? tr("The server answered %1 to the changes sent: %2")
                                                    .arg(reply.status)
                                                    .arg(diagnostics(reply.body))
                                              : reply.error;
        if (auto s = postpone(push, error); !s)
            return fail(s.error());
        round.problem = error;
        return Sent::Waiting;
    }

    if (reply.status == 200) {
        const QJsonArray answers =
            QJsonDocument::fromJson(reply.body).object().value(QStringLiteral("entry")).toArray();
        if (answers.size() != entries.size()) {
            const QString error =
                tr("The server's answer to the changes sent has %1 entries for %2 sent.")
                    .arg(answers.size())
                    .arg(entries.size());
            if (auto s = postpone(push, error); !s)
                return fail(s.error());
            round.problem = error;
            return Sent::Waiting;
        }
        const Status kept = m_db.write([&]() -> Status {
            for (qsizetype i = 0; i < entries.size(); ++i) {
                const Entry &e = entries[i];
                const auto version = versionFromEtag(answers[i]
                                                         .toObject()
                                                         .value(QStringLiteral("response"))
                                                         .toObject()
                                                         .value(QStringLiteral("etag"))
                                                         .toString());
                if (!version)
                    return fail(
                        tr("The server's answer for %1 %2 names no version.").arg(e.type, e.id));
                // Table names come from the repositories, never from input.
                if (auto q = m_db.query(
                        QStringLiteral(
                            "UPDATE %1 SET server_version = ?, sync_state = CASE WHEN EXISTS "
                            "(SELECT 1 FROM outbox WHERE resource_type = ? AND resource_id = ? AND "
                            "(push_id IS NULL OR push_id <> ?)) THEN 'pending' ELSE 'synced' END "
                            "WHERE id = ?")
                            .arg(SyncResources::tableOf(m_db, e.type, e.id)),
                        {QString::number(*version), e.type, e.id, push.id, e.id});
                    !q)
                    return fail(q.error());
                if (auto k = keepBase(e.type, e.id, *version,
                                      e.resource ? compact(*e.resource) : QString());
                    !k)
                    return k;
                round.changed[e.type] << e.id;
            }
            if (auto q =
                    m_db.query(QStringLiteral("DELETE FROM outbox WHERE push_id = ?"), {push.id});
                !q)
                return fail(q.error());
            return {};
        });
        if (!kept)
            return fail(tr("The server took the changes, but recording that here failed (they "
                           "go again under the same request id, and the server answers the "
                           "same): %1")
                            .arg(kept.error()));
        round.pushed += int(entries.size());
        return Sent::Done;
    }

    // A transaction is all or nothing, and its refusal names one entry in words only: alone,
    // each record's own answer says which one the server refused.
    if (entries.size() > 1) {
        if (auto s = split(push); !s)
            return fail(s.error());
        return Sent::Split;
    }
    const Entry &e = entries.first();
    if (!e.resource && (reply.status == 404 || reply.status == 410)) {
        // Deleted there as well: what the delete wanted.
        const Status gone = m_db.write([&]() -> Status {
            if (auto q =
                    m_db.query(QStringLiteral("UPDATE %1 SET sync_state = 'synced' WHERE id = ?")
                                   .arg(SyncResources::tableOf(m_db, e.type, e.id)),
                               {e.id});
                !q)
                return fail(q.error());
            auto q = m_db.query(QStringLiteral("DELETE FROM outbox WHERE push_id = ?"), {push.id});
            return q ? Status() : fail(q.error());
        });
        if (!gone)
            return fail(gone.error());
        round.changed[e.type] << e.id;
        return Sent::Done;
    }
    QString reason = diagnostics(reply.body);
    Theirs theirs;
    if (reply.status == 412 && e.resource) {
        auto merged = merge(push, e.type, e.id, e.basedOn, round, theirs);
        if (!merged)
            return fail(merged.error());
        if (!merged->has_value())
            return Sent::Done;
        reason = **merged;
    }
    // The server's version this change started from, kept beside it for a person (Conflicts):
    // the server's side until a pull brings a newer one, and what taking the server's restores.
    // After a merge that met a clash it is kept already.
    auto base = baseOf(e.type, e.id, e.basedOn);
    if (!base)
        return fail(base.error());
    if (!base->problem.isEmpty() && !reason.contains(base->problem))
        reason += QLatin1Char(' ') + base->problem;
    const QString state = reply.status == 412 ? SyncState::conflict() : SyncState::rejected();
    const qint64 now = m_db.clock().nowMs();
    const Status kept = m_db.write([&]() -> Status {
        if (auto q = m_db.query(QStringLiteral("UPDATE %1 SET sync_state = ? WHERE id = ?")
                                    .arg(SyncResources::tableOf(m_db, e.type, e.id)),
                                {state, e.id});
            !q)
            return fail(q.error());
        if (auto k =
                keepRow(e.type, e.id, QStringLiteral("problem = ?, mine_by = ?, updated_at = ?"),
                        {tr("HTTP %1: %2").arg(reply.status).arg(reason), push.actor, now});
            !k)
            return k;
        // What the server holds, so a person can compare and take it (Conflicts).
        if (theirs.version > 0) {
            if (auto k = keepTheirs(e.type, e.id, theirs.version, theirs.resource); !k)
                return k;
        }
        // Kept in its table, flagged with the reason; the outbox would only send it again.
        auto q = m_db.query(QStringLiteral("DELETE FROM outbox WHERE push_id = ?"), {push.id});
        return q ? Status() : fail(q.error());
    });
    if (!kept)
        return fail(kept.error());
    if (state == SyncState::conflict())
        ++round.conflicts;
    else
        ++round.rejected;
    round.changed[e.type] << e.id;
    return Sent::Done;
}

Result<std::optional<QString>> SyncEngine::merge(const Push &push, const QString &type,
                                                 const QString &id, const QString &basedOn,
                                                 SyncRound &round, Theirs &theirsOut)
{
    using Outcome = std::optional<QString>;
    const HttpReply reply = m_transport.send(
        "GET", QStringLiteral("fhir/%1/%2").arg(SyncResources::serverType(type), id));
    if (reply.status != 200)
        return Outcome(tr("Changed at the server since; its version could not be read to merge "
                          "(%1).")
                           .arg(reply.reached() ? diagnostics(reply.body) : reply.error));
    const QJsonObject theirs = QJsonDocument::fromJson(reply.body).object();
    bool ok = false;
    const qint64 version = theirs.value(QStringLiteral("meta"))
                               .toObject()
                               .value(QStringLiteral("versionId"))
                               .toString()
                               .toLongLong(&ok);
    if (ok) {
        theirsOut.resource = theirs;
        theirsOut.version = version;
    }
    if (!ok)
        return Outcome(tr("Changed at the server since; its answer names no version to merge "
                          "against."));
    // The version both sides started from: the server's version this workstation's change
    // was based on; for a record this workstation made and never received, none (every value
    // was set on one side only, or on both: alike, or a conflict).
    auto base = baseOf(type, id, basedOn);
    if (!base)
        return fail(base.error());
    if (!base->problem.isEmpty())
        return Outcome(tr("Changed here and at the server, and there is nothing to merge against: "
                          "%1")
                           .arg(base->problem));
    Result<QVariantMap> baseValues = QVariantMap();
    if (!base->resource.isEmpty())
        baseValues = SyncResources::serverValues(
            m_db, type, QJsonDocument::fromJson(base->resource.toUtf8()).object());
    auto theirValues = SyncResources::serverValues(m_db, type, theirs);
    auto mine = SyncResources::localValues(m_db, type, id);
    if (!baseValues || !theirValues || !mine)
        return Outcome(tr("Changed here and at the server, and the versions could not be "
                          "compared: %1")
                           .arg(!baseValues    ? baseValues.error()
                                : !theirValues ? theirValues.error()
                                               : mine.error()));

    // Field by field against the version both started from: what only one side changed is
    // taken from that side; what both changed alike is kept; what both changed differently is
    // for a person.
    const auto same = [](const QVariant &a, const QVariant &b) {
        if (a.isNull() || b.isNull())
            return a.toString().isEmpty() && b.toString().isEmpty();
        return a.toString() == b.toString();
    };
    QVariantMap merged = *mine;
    QStringList clashes;
    for (auto it = theirValues->cbegin(); it != theirValues->cend(); ++it) {
        const QVariant was = baseValues->value(it.key());
        const QVariant here = mine->value(it.key());
        if (same(here, was))
            merged.insert(it.key(), it.value());
        else if (!same(it.value(), was) && !same(it.value(), here))
            clashes << tr("%1 (here \"%2\", at the server \"%3\")")
                           .arg(SyncConflicts::fieldLabel(it.key()), here.toString(),
                                it.value().toString());
    }
    if (!clashes.isEmpty())
        return Outcome(
            tr("Changed here and at the server: %1.").arg(clashes.join(QStringLiteral("; "))));

    bool sendBack = false;
    for (auto it = merged.cbegin(); it != merged.cend(); ++it)
        sendBack = sendBack || !same(it.value(), theirValues->value(it.key()));
    const Status kept = m_db.write([&]() -> Status {
        if (auto s = SyncResources::applyValues(m_db, type, id, merged, version); !s)
            return s;
        if (auto k = keepBase(type, id, version, compact(theirs)); !k)
            return k;
        if (auto q = m_db.query(QStringLiteral("DELETE FROM outbox WHERE push_id = ?"), {push.id});
            !q)
            return fail(q.error());
        if (!sendBack)
            return {};
        // The merge is this workstation's change on top of the server's version (applyValues
        // made it the record's), made for the same person as the change it carries.
        return SyncResources::queueAgain(m_db, type, id, push.actor);
    });
    if (!kept)
        return fail(tr("Could not keep the merge of %1 %2: %3").arg(type, id, kept.error()));
    round.changed[type] << id;
    return Outcome();
}

Status SyncEngine::postpone(const Push &push, const QString &error)
{
    int attempts = 0;
    for (const Row &row : push.rows)
        attempts = std::max(attempts, row.attempts);
    const qint64 next = m_db.clock().nowMs() + backoffMs(attempts + 1, m_jitter());
    auto q = m_db.query(QStringLiteral("UPDATE outbox SET attempts = ?, next_attempt_at = ?, "
                                       "last_error = ? WHERE push_id = ?"),
                        {attempts + 1, next, error, push.id});
    if (!q)
        return fail(q.error());
    return {};
}

Status SyncEngine::split(const Push &push)
{
    return m_db.write([&]() -> Status {
        QHash<QString, QString> pushOf;
        for (const Row &row : push.rows) {
            const QString key = row.type + QLatin1Char('/') + row.id;
            if (!pushOf.contains(key))
                pushOf.insert(key, row.requestId);
            if (auto q = m_db.query(QStringLiteral("UPDATE outbox SET push_id = ? WHERE seq = ?"),
                                    {pushOf.value(key), row.seq});
                !q)
                return fail(q.error());
        }
        return {};
    });
}

bool SyncEngine::olderThanKept(const QJsonObject &communication) const
{
    const int days = MessageRetention::days(m_db);
    if (days == 0)
        return false;
    auto message = CommunicationMapping::messageFromFhir(communication);
    if (!message)
        return false; // the apply says what is wrong with it
    // When it went or came; a version from before it went (queued) by when the server stored it.
    const QDateTime when = message->sentAt.isValid() ? message->sentAt
                           : message->deliveredAt.isValid()
                               ? message->deliveredAt
                               : QDateTime::fromString(communication.value(QStringLiteral("meta"))
                                                           .toObject()
                                                           .value(QStringLiteral("lastUpdated"))
                                                           .toString(),
                                                       Qt::ISODateWithMs);
    return when.isValid() &&
           when.toMSecsSinceEpoch() < m_db.clock().nowMs() - qint64(days) * 24 * 3600 * 1000;
}

Status SyncEngine::keepUnapplied(const QString &type, const QString &id, qint64 version,
                                 const QJsonObject &resource, bool exists, const QString &problem)
{
    const qint64 now = m_db.clock().nowMs();
    // A record held here waits as a conflict: its own version stays until a person takes the
    // server's (tried again then) or keeps this one (sent on top of the server's).
    if (exists) {
        if (auto q = m_db.query(QStringLiteral("UPDATE %1 SET sync_state = ? WHERE id = ?")
                                    .arg(SyncResources::tableOf(m_db, type, id)),
                                {SyncState::conflict(), id});
            !q)
            return fail(q.error());
    }
    if (auto k = keepRow(type, id, QStringLiteral("problem = ?, updated_at = ?"), {problem, now});
        !k)
        return k;
    return keepTheirs(type, id, version, resource);
}

Status SyncEngine::keepRow(const QString &type, const QString &id, const QString &assignments,
                           const QVariantList &values)
{
    if (auto q = m_db.query(QStringLiteral("INSERT OR IGNORE INTO sync_records (resource_type, "
                                           "resource_id, updated_at) VALUES (?, ?, ?)"),
                            {type, id, m_db.clock().nowMs()});
        !q)
        return fail(q.error());
    auto q = m_db.query(
        QStringLiteral("UPDATE sync_records SET %1 WHERE resource_type = ? AND resource_id = ?")
            .arg(assignments),
        values + QVariantList{type, id});
    return q ? Status() : fail(q.error());
}

Status SyncEngine::keepTheirs(const QString &type, const QString &id, qint64 version,
                              const QJsonObject &resource)
{
    auto q = m_db.query(QStringLiteral("UPDATE sync_records SET theirs = ?, theirs_version = ?, "
                                       "theirs_by = ? WHERE resource_type = ? AND resource_id = ?"),
                        {resource.isEmpty() ? QString() : compact(resource), version,
                         FhirJson::changedBy(resource), type, id});
    return q ? Status() : fail(q.error());
}

void SyncEngine::accounts(SyncRound &round)
{
    // Read by the workstation itself: the person the last push was for may be the one the
    // server has just disabled.
    m_transport.setActingFor(QString());
    const HttpReply reply = m_transport.send("GET", QStringLiteral("auth/staff"));
    if (!reply.reached()) {
        noteReached(round, false);
        round.problem = reply.error;
        return;
    }
    noteReached(round, true);
    if (reply.status == 403 || reply.status == 404)
        return;
    if (reply.status < 200 || reply.status >= 300) {
        round.problem = tr("The server did not give its staff accounts (HTTP %1): %2")
                            .arg(reply.status)
                            .arg(QString::fromUtf8(reply.body.left(200)).simplified());
        return;
    }
    const QJsonValue staff =
        QJsonDocument::fromJson(reply.body).object().value(QStringLiteral("staff"));
    if (!staff.isArray()) {
        round.problem = tr("The server's answer about staff accounts is not a list of them.");
        return;
    }
    auto states = ServerAccounts::parse(staff.toArray());
    if (!states) {
        round.problem = states.error();
        return;
    }
    auto applied = ServerAccounts(m_db).apply(*states);
    if (!applied) {
        round.problem = applied.error();
        return;
    }
    round.accountsChanged = applied->changed;
    round.accountsDisabled = applied->disabled;
}

Status SyncEngine::keepBase(const QString &type, const QString &id, qint64 version,
                            const QString &resource)
{
    // An UPDATE and, for a record new here, an INSERT rather than one INSERT OR REPLACE: SQLite
    // journals every page a REPLACE touches for the statement's sake (a copy SQLCipher encrypts);
    // a plain INSERT needs no such journal. The row ends as a replaced one would: every other
    // column (a conflict's) at its default.
    auto refreshed = refreshBase(type, id, version, resource);
    if (!refreshed)
        return fail(refreshed.error());
    if (*refreshed)
        return {};
    auto inserted = m_db.exec(QStringLiteral("INSERT INTO sync_records (resource_type, "
                                             "resource_id, server_version, resource, problem, "
                                             "updated_at) VALUES (?, ?, ?, ?, '', ?)"),
                              {type, id, version, resource, m_db.clock().nowMs()});
    return inserted ? Status() : fail(inserted.error());
}

Result<bool> SyncEngine::refreshBase(const QString &type, const QString &id, qint64 version,
                                     const QString &resource)
{
    auto updated = m_db.exec(QStringLiteral("UPDATE sync_records SET server_version = ?, "
                                            "resource = ?, problem = '', updated_at = ?, "
                                            "theirs = '', theirs_version = 0, theirs_by = '', "
                                            "mine_by = '' WHERE resource_type = ? AND "
                                            "resource_id = ?"),
                             {version, resource, m_db.clock().nowMs(), type, id});
    if (!updated)
        return fail(updated.error());
    return *updated > 0;
}

Result<SyncEngine::Base> SyncEngine::baseOf(const QString &type, const QString &id,
                                            const QString &version)
{
    if (version.isEmpty())
        return Base();
    auto kept = m_db.query(QStringLiteral("SELECT server_version, resource FROM sync_records "
                                          "WHERE resource_type = ? AND resource_id = ?"),
                           {type, id});
    if (!kept)
        return fail(kept.error());
    if (kept->next() && QString::number(kept->value(0).toLongLong()) == version &&
        !kept->value(1).toString().isEmpty())
        return Base{kept->value(1).toString(), QString()};

    const HttpReply reply = m_transport.send(
        "GET",
        QStringLiteral("fhir/%1/%2/_history/%3").arg(SyncResources::serverType(type), id, version));
    const QJsonObject read =
        reply.status == 200 ? QJsonDocument::fromJson(reply.body).object() : QJsonObject();
    if (read.value(QStringLiteral("meta")).toObject().value(QStringLiteral("versionId")) !=
        QJsonValue(version)) {
        const QString why = !reply.reached()      ? reply.error
                            : reply.status != 200 ? diagnostics(reply.body)
                                                  : tr("its answer is not that version");
        return Base{QString(), tr("The server's version %1, which the change here started "
                                  "from, could not be read (%2).")
                                   .arg(version, why)};
    }
    const QString text = compact(read);
    // Kept beside the record: the Conflicts panel shows it, and a second merge needs no read.
    const Status stored = m_db.write([&]() -> Status {
        return keepRow(type, id, QStringLiteral("server_version = ?, resource = ?"),
                       {version.toLongLong(), text});
    });
    if (!stored)
        return fail(stored.error());
    return Base{text, QString()};
}

Status SyncEngine::applyPage(const Page &received, bool guarded, SyncRound &page, bool &entryFailed)
{
    if (!received.problem.isEmpty())
        return fail(received.problem);
    const QList<Pulled> &entries = received.entries;
    // One look at the outbox per page: a new workstation's first pull (and most later ones) has
    // nothing queued, and then no entry needs its own count. Applying a server's version writes
    // no outbox entry (ServerCopy), so the answer holds for the whole page.
    auto queued = m_db.scalar(QStringLiteral("SELECT EXISTS (SELECT 1 FROM outbox)"));
    if (!queued)
        return fail(queued.error());
    const bool anyQueued = queued->toLongLong() != 0;
    // Likewise whether any server's copy is kept here to refresh (refreshBase): none on a new
    // workstation. A change that cannot be written makes one (keepUnapplied).
    auto copies = m_db.scalar(QStringLiteral("SELECT EXISTS (SELECT 1 FROM sync_records)"));
    if (!copies)
        return fail(copies.error());
    bool anyKept = copies->toLongLong() != 0;
    bool spansFound = false;
    std::optional<QList<BundleText::Span>> spans;
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const Pulled &entry = entries.at(i);
        const QString &type = entry.type;
        if (type.isEmpty())
            continue;
        const QString &id = entry.id;
        const bool deleted = entry.deleted;
        const QJsonObject &resource = entry.resource;
        const qint64 version = entry.version;
        bool exists = false;
        qint64 localVersion = 0;
        QString state;
        // A deletion's table is the one that holds the record (where two share a type).
        const QString table = deleted ? SyncResources::tableOf(m_db, type, id) : entry.mapped.table;
        if (auto s = m_db.each(
                QStringLiteral("SELECT server_version, sync_state FROM %1 WHERE id = ?").arg(table),
                {id},
                [&](const QSqlQuery &row) {
                    exists = true;
                    localVersion = row.value(0).toLongLong();
                    state = row.value(1).toString();
                    return false;
                });
            !s)
            return s;
        if (exists) {
            // Already here: this workstation's own push coming back, or a page seen twice.
            if (localVersion >= version)
                continue;
            // Refused or in conflict: kept as it is for a person to settle, who sees the
            // server's newest version beside it.
            if (state == SyncState::conflict() || state == SyncState::rejected()) {
                if (auto k = keepTheirs(type, id, version, resource); !k)
                    return k;
                page.changed[type] << id;
                continue;
            }
        }
        // Changed here and not yet taken by the server: the push settles it (the server answers
        // 412 and the record waits for a person), never the pull.
        if (anyQueued) {
            auto waiting = m_db.scalar(QStringLiteral("SELECT count(*) FROM outbox WHERE "
                                                      "resource_type = ? AND resource_id = ?"),
                                       {type, id});
            if (!waiting)
                return fail(waiting.error());
            if (waiting->toLongLong() > 0)
                continue;
        }
        if (deleted && !exists)
            continue;
        // Messages older than this workstation keeps (MessageRetention) stay at the server: a
        // new workstation's first pull does not bring back what the others removed.
        if (!deleted && !exists && type == QLatin1String("Communication") &&
            olderThanKept(resource))
            continue;
        // One change that cannot be written here (refused by the mapping, a name or number
        // already used here, a record it names missing) must not hold up the rest: it is
        // undone alone and kept for a person (Conflicts), the page goes on.
        if (guarded) {
            if (auto s = m_db.exec(QStringLiteral("SAVEPOINT pull_entry")); !s)
                return fail(s.error());
        }
        const Status s = deleted ? SyncResources::applyDelete(m_db, entry.serverType, id, version)
                                 : SyncResources::apply(m_db, entry.mapped, version);
        if (!s) {
            entryFailed = true;
            if (!guarded)
                return s;
            if (auto q = m_db.exec(QStringLiteral("ROLLBACK TO pull_entry")); !q)
                return fail(q.error());
            if (auto q = m_db.exec(QStringLiteral("RELEASE pull_entry")); !q)
                return fail(q.error());
            if (auto k = keepUnapplied(type, id, version, resource, exists,
                                       tr("Version %1 from the server could not be written "
                                          "here: %2")
                                           .arg(version)
                                           .arg(s.error()));
                !k)
                return k;
            anyKept = true;
            page.changed[type] << id;
            ++page.unapplied;
            continue;
        }
        if (guarded) {
            if (auto q = m_db.exec(QStringLiteral("RELEASE pull_entry")); !q)
                return fail(q.error());
        }
        if (anyKept) {
            QString base;
            if (!deleted) {
                // Found in the text once a page has a copy to refresh: none on a first pull.
                if (!spansFound) {
                    spansFound = true;
                    spans = BundleText::entryResources(received.text);
                    if (spans && spans->size() != entries.size())
                        spans.reset();
                }
                const BundleText::Span span = spans ? spans->at(i) : BundleText::Span();
                base = span.length > 0
                           ? QString::fromUtf8(received.text.constData() + span.offset, span.length)
                           : compact(resource);
            }
            if (auto k = refreshBase(type, id, version, base); !k)
                return fail(k.error());
        }
        page.changed[type] << id;
        ++page.pulled;
    }
    return setMeta(historyCursorKey(), QString::number(received.next));
}

SyncEngine::PageRead SyncEngine::readPage(const QByteArray &body, qint64 cursor)
{
    PageRead read;
    const QJsonObject bundle = QJsonDocument::fromJson(body).object();
    const QJsonObject identifier = bundle.value(QStringLiteral("identifier")).toObject();
    bool ok = false;
    const qint64 next = identifier.value(QStringLiteral("value")).toString().toLongLong(&ok);
    if (bundle.value(QStringLiteral("type")).toString() != QLatin1String("history") ||
        identifier.value(QStringLiteral("system")).toString() !=
            QLatin1String("urn:frontdesk:history-cursor") ||
        !ok || next < cursor) {
        read.problem = tr("The server's list of changes is not a history Bundle with a cursor "
                          "(Bundle.identifier, system urn:frontdesk:history-cursor); nothing of "
                          "it was applied.");
        return read;
    }
    for (const QJsonValue &link : bundle.value(QStringLiteral("link")).toArray())
        read.more = read.more || link.toObject().value(QStringLiteral("relation")).toString() ==
                                     QLatin1String("next");
    Page &page = read.page;
    page.next = next;
    page.text = body;
    const QJsonArray entries = bundle.value(QStringLiteral("entry")).toArray();
    page.entries.reserve(entries.size());
    for (const QJsonValue &value : entries) {
        const QJsonObject entry = value.toObject();
        const QJsonObject request = entry.value(QStringLiteral("request")).toObject();
        const QStringList url = request.value(QStringLiteral("url"))
                                    .toString()
                                    .split(QLatin1Char('/'), Qt::SkipEmptyParts);
        const auto version = versionFromEtag(entry.value(QStringLiteral("response"))
                                                 .toObject()
                                                 .value(QStringLiteral("etag"))
                                                 .toString());
        if (url.size() != 2 || !version) {
            page.problem = tr("A change from the server names no resource and version "
                              "(request.url TYPE/ID, response.etag).");
            page.entries.clear();
            return read;
        }
        Pulled pulled;
        pulled.serverType = url[0];
        pulled.type = SyncResources::localType(url[0]);
        pulled.id = url[1];
        pulled.version = *version;
        pulled.deleted =
            request.value(QStringLiteral("method")).toString() == QLatin1String("DELETE") ||
            !entry.contains(QStringLiteral("resource"));
        if (!pulled.type.isEmpty() && !pulled.deleted) {
            pulled.resource = entry.value(QStringLiteral("resource")).toObject();
            pulled.mapped = SyncResources::map(pulled.serverType, pulled.id, pulled.resource);
        }
        page.entries.append(std::move(pulled));
    }
    return read;
}

// The pull's reader: one thread that reads each page (readPage: its JSON parsed and its
// resources mapped, about two fifths of a new workstation's work) while the sync worker writes
// the pages before it, and frees the pages once they are written. One thread does both, so
// that memory is freed on the thread that took it.
class SyncEngine::PageReader
{
public:
    PageReader()
    {
        m_thread.setMaxThreadCount(1);
        m_thread.setExpiryTimeout(-1);
    }

    std::future<PageRead> read(const QByteArray &body, qint64 cursor)
    {
        auto promise = std::make_shared<std::promise<PageRead>>();
        std::future<PageRead> answer = promise->get_future();
        m_thread.start([promise, body, cursor] { promise->set_value(readPage(body, cursor)); });
        return answer;
    }

    void discard(QList<Page> pages)
    {
        m_thread.start([doomed = std::move(pages)]() mutable { doomed.clear(); });
    }

private:
    QThreadPool m_thread;
};

void SyncEngine::pull(SyncRound &round)
{
    // The workstation reads for everyone; the person of the last push is not asked for.
    m_transport.setActingFor(QString());
    const bool outerTransaction = m_db.inTransaction();
    auto held = m_db.scalar(QStringLiteral("SELECT value FROM sync_meta WHERE key = ?"),
                            {historyCursorKey()});
    if (!held) {
        round.problem = held.error();
        return;
    }
    const bool firstPull = !held->isValid();
    qint64 cursor = firstPull ? 0 : held->toLongLong();
    const qint64 start = cursor;
    qint64 newest = -1;
    // Whatever way the pull ends, indexes it set aside are made again (or, if that fails, at
    // the next open of the database); a progress bar says so meanwhile, rather than standing
    // at the last page.
    bool deferred = false;
    const auto restore = qScopeGuard([&] {
        if (!deferred)
            return;
        const auto step = [this](int made, int of) {
            if (m_progress)
                m_progress({SyncProgress::Phase::Indexes, made, of});
        };
        if (auto s = m_db.restoreIndexes(step); !s && round.problem.isEmpty())
            round.problem = s.error();
    });
    const auto pagePath = [this](qint64 from) {
        return QStringLiteral("fhir/_history?_cursor=%1&_count=%2").arg(from).arg(m_pageSize);
    };

    // A page is applied in one transaction, or several small ones together (up to
    // m_entriesPerTransaction entries): each commit writes every database page its entries
    // touched (encrypted) to the log. Each page keeps its own cursor in sync_meta, so what was
    // committed is never asked for again.
    PageReader reader;
    QList<Page> group;
    qsizetype grouped = 0;
    const auto applyGroup = [&]() -> bool {
        if (group.isEmpty())
            return true;
        // Without a savepoint per entry: each savepoint journals every database page an entry
        // touches (encrypted, like the file), about a quarter of the pull's CPU. Only when an
        // entry cannot be written are the pages undone and applied again with one per entry,
        // so that entry alone is left out (inside a caller's transaction, which a failed try
        // cannot undo, always with them).
        SyncRound applied;
        bool entryFailed = false;
        const auto applyAll = [&](bool guarded) {
            return m_db.write([&]() -> Status {
                for (const Page &page : std::as_const(group)) {
                    if (auto s = applyPage(page, guarded, applied, entryFailed); !s)
                        return s;
                }
                return {};
            });
        };
        Status written = applyAll(outerTransaction);
        if (!written && entryFailed && !outerTransaction) {
            applied = SyncRound();
            written = applyAll(true);
        }
        const qint64 last = group.last().next;
        reader.discard(std::exchange(group, {}));
        grouped = 0;
        if (!written) {
            round.problem = tr("Changes from the server could not be applied; none of them was "
                               "kept, and the next sync asks for them again: %1")
                                .arg(written.error());
            return false;
        }
        round.pulled += applied.pulled;
        round.unapplied += applied.unapplied;
        for (auto it = applied.changed.cbegin(); it != applied.changed.cend(); ++it)
            round.changed[it.key()] += it.value();
        if (m_progress && newest > start)
            m_progress({SyncProgress::Phase::Pull, std::min(last, newest) - start, newest - start});
        return true;
    };

    // Stopped early: the pages already here are kept, and then the problem is why it stopped
    // (unless keeping them failed, which applyGroup said).
    const auto stopWith = [&](const QString &problem) {
        if (applyGroup())
            round.problem = problem;
    };

    // The next page is asked for before the last one is applied: the server reads it while
    // this workstation writes. A page is read (readPage) on the reader's thread while the pages
    // before it are written; the server names the next page's cursor in a header, so the next
    // page is asked for before this one is read (from a server that does not, once it is).
    std::unique_ptr<SyncTransport::Pending> pending = m_transport.start(pagePath(cursor));
    for (int page = 0; page < kMaxPagesPerRound && pending; ++page) {
        const HttpReply reply = pending->wait();
        pending.reset();
        noteReached(round, reply.reached());
        if (!reply.reached()) {
            stopWith(reply.error);
            return;
        }
        if (reply.status != 200) {
            stopWith(tr("The server did not send its changes (HTTP %1): %2")
                         .arg(reply.status)
                         .arg(diagnostics(reply.body)));
            return;
        }
        std::future<PageRead> reading = reader.read(reply.body, cursor);
        bool announcedOk = false;
        const qint64 announced = reply.nextCursor.toLongLong(&announcedOk);
        const bool early = announcedOk && announced > cursor;
        if (early)
            pending = m_transport.start(pagePath(announced));
        bool newestOk = false;
        const qint64 newestNow = reply.newestChange.toLongLong(&newestOk);
        if (newestOk)
            newest = newestNow;
        // Keeping a dozen indexes row by row cost a new workstation a fifth of its first pull
        // at 1k patients / 10k appointments and two fifths at 10k/100k (keys spread over each
        // index, so every transaction rewrites most of its pages, encrypted); made at the end,
        // each is one sort.
        if (firstPull && page == 0 && !outerTransaction && newest - start >= m_deferIndexesFrom) {
            auto set = m_db.deferIndexes(SyncResources::distinctTables());
            if (!set) {
                stopWith(set.error());
                return;
            }
            deferred = *set > 0;
        }
        // Meanwhile the pages before it are written.
        if (grouped >= m_entriesPerTransaction && !applyGroup())
            return;
        PageRead read = reading.get();
        if (!read.problem.isEmpty()) {
            stopWith(read.problem);
            return;
        }
        if (early && (!read.more || read.page.next != announced)) {
            stopWith(tr("The server's page of changes names %1 as the next page's cursor in its "
                        "header and %2 in the Bundle; nothing of it was applied.")
                         .arg(announced)
                         .arg(read.more ? QString::number(read.page.next) : tr("no next page")));
            return;
        }
        if (!early && read.more && read.page.next != cursor)
            pending = m_transport.start(pagePath(read.page.next));
        grouped += read.page.entries.size();
        cursor = read.page.next;
        group.append(std::move(read.page));
        if (!pending && !applyGroup())
            return;
    }
    applyGroup();
}

} // namespace frontdesk
