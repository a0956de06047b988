#include "DispatchQueue.h"

#include "ResourceStore.h"
#include "ResourceTypes.h"
#include "access/AuditLog.h"
#include "database/Database.h"
#include "fhir/CommunicationMapping.h"

#include <QDateTime>
#include <QJsonObject>
#include <QSqlQuery>
#include <QUuid>

namespace frontdesk::server {

namespace {

const QString kCommunication = QStringLiteral("Communication");

} // namespace

Status DispatchQueue::noteStored(Database &db, const QString &communicationId, const Message &m)
{
    if (m.direction != QLatin1String("outbound") || m.status != QLatin1String("queued"))
        return {};
    const qint64 now = db.clock().nowMs();
    auto state =
        db.scalar(QStringLiteral("SELECT state FROM message_dispatch WHERE communication_id = ?"),
                  {communicationId});
    if (!state)
        return fail(state.error());
    if (!state->isValid()) {
        if (auto q = db.query(QStringLiteral("INSERT INTO message_dispatch (communication_id, "
                                             "channel, state, next_attempt_at, updated_at) "
                                             "VALUES (?, ?, 'due', ?, ?)"),
                              {communicationId, m.channel, now, now});
            !q)
            return fail(q.error());
        return {};
    }
    const QString current = state->toString();
    if (current != QLatin1String("failed") && current != QLatin1String("unknown"))
        return {};
    if (auto q = db.query(QStringLiteral("UPDATE message_dispatch SET channel = ?, state = 'due', "
                                         "attempts = 0, next_attempt_at = ?, lease_owner = '', "
                                         "lease_until = 0, last_error = '', updated_at = ? "
                                         "WHERE communication_id = ?"),
                          {m.channel, now, now, communicationId});
        !q)
        return fail(q.error());
    return {};
}

Result<std::optional<DispatchQueue::Claim>> DispatchQueue::claimNext(const QStringList &channels,
                                                                     qint64 leaseMs)
{
    std::optional<Claim> claim;
    if (channels.isEmpty())
        return claim;
    QStringList marks;
    QVariantList values{m_db.clock().nowMs()};
    for (const QString &c : channels) {
        marks << QStringLiteral("?");
        values << c;
    }
    // A look without a transaction first: most polls find nothing, and need no write lock.
    auto due = m_db.scalar(QStringLiteral("SELECT count(*) FROM message_dispatch WHERE state = "
                                          "'due' AND next_attempt_at <= ? AND channel IN (%1)")
                               .arg(marks.join(QStringLiteral(", "))),
                           values);
    if (!due)
        return fail(due.error());
    if (due->toLongLong() == 0)
        return claim;
    const Status s = m_db.write([&]() -> Status {
        const qint64 now = m_db.clock().nowMs();
        values[0] = now;
        // Another process's claim in flight is skipped, not waited for.
        const QString lock = m_db.dialect() == Database::Dialect::PostgreSql
                                 ? QStringLiteral(" FOR UPDATE SKIP LOCKED")
                                 : QString();
        auto q = m_db.query(QStringLiteral("SELECT communication_id, channel, attempts FROM "
                                           "message_dispatch WHERE state = 'due' AND "
                                           "next_attempt_at <= ? AND channel IN (%1) ORDER BY "
                                           "next_attempt_at, communication_id LIMIT 1%2")
                                .arg(marks.join(QStringLiteral(", ")), lock),
                            values);
        if (!q)
            return fail(q.error());
        if (!q->next())
            return {};
        Claim c{q->value(0).toString(), q->value(1).toString(), q->value(2).toInt() + 1};
        auto taken = m_db.query(
            QStringLiteral("UPDATE message_dispatch SET state = 'sending', lease_owner = ?, "
                           "lease_until = ?, attempts = ?, updated_at = ? "
                           "WHERE communication_id = ? AND state = 'due'"),
            {m_owner, now + leaseMs, c.attempts, now, c.communicationId});
        if (!taken)
            return fail(taken.error());
        if (taken->numRowsAffected() == 1)
            claim = c;
        return {};
    });
    if (!s)
        return fail(s.error());
    return claim;
}

Result<int> DispatchQueue::expireLeases()
{
    const qint64 now = m_db.clock().nowMs();
    auto q = m_db.query(QStringLiteral("SELECT communication_id FROM message_dispatch WHERE "
                                       "state = 'sending' AND lease_until < ?"),
                        {now});
    if (!q)
        return fail(q.error());
    QStringList expired;
    while (q->next())
        expired << q->value(0).toString();
    int found = 0;
    for (const QString &id : expired) {
        const QString reason =
            tr("The server stopped while sending this message: it may or may not have reached "
               "the patient. It was not sent again; queue it again to send it.");
        bool mine = false;
        const Status s = m_db.write([&]() -> Status {
            auto taken = m_db.query(
                QStringLiteral("UPDATE message_dispatch SET state = 'unknown', last_error = ?, "
                               "updated_at = ? WHERE communication_id = ? AND state = 'sending' "
                               "AND lease_until < ?"),
                {reason, now, id, now});
            if (!taken)
                return fail(taken.error());
            mine = taken->numRowsAffected() == 1;
            if (!mine)
                return {};
            return updateMessage(id, QStringLiteral("message-outcome-unknown"), [&](Message &m) {
                m.status = QStringLiteral("failed");
                m.failureReason = reason;
            });
        });
        if (!s)
            return fail(s.error());
        found += mine ? 1 : 0;
    }
    return found;
}

Status DispatchQueue::record(const Claim &claim, Outcome outcome, const QString &detail,
                             qint64 retryAt)
{
    return m_db.write([&]() -> Status {
        const qint64 now = m_db.clock().nowMs();
        QString sql;
        QVariantList values;
        switch (outcome) {
        case Outcome::Sent:
            // Also after the lease ran out and another process called the outcome unknown: now
            // it is known.
            sql = QStringLiteral("UPDATE message_dispatch SET state = 'sent', provider_id = ?, "
                                 "last_error = '', lease_until = 0, updated_at = ? WHERE "
                                 "communication_id = ? AND lease_owner = ? AND state IN "
                                 "('sending', 'unknown')");
            values = {detail, now, claim.communicationId, m_owner};
            break;
        case Outcome::Retry:
            sql = QStringLiteral("UPDATE message_dispatch SET state = 'due', next_attempt_at = ?, "
                                 "last_error = ?, lease_owner = '', lease_until = 0, "
                                 "updated_at = ? WHERE communication_id = ? AND lease_owner = ? "
                                 "AND state = 'sending'");
            values = {retryAt, detail, now, claim.communicationId, m_owner};
            break;
        case Outcome::Held:
            // Not an attempt: the claim's count is taken back.
            sql = QStringLiteral("UPDATE message_dispatch SET state = 'due', next_attempt_at = ?, "
                                 "attempts = ?, last_error = ?, lease_owner = '', "
                                 "lease_until = 0, updated_at = ? WHERE communication_id = ? AND "
                                 "lease_owner = ? AND state = 'sending'");
            values = {retryAt, claim.attempts - 1, detail, now, claim.communicationId, m_owner};
            break;
        case Outcome::Unknown:
            sql = QStringLiteral("UPDATE message_dispatch SET state = 'unknown', last_error = ?, "
                                 "lease_until = 0, updated_at = ? WHERE communication_id = ? AND "
                                 "lease_owner = ? AND state = 'sending'");
            values = {detail, now, claim.communicationId, m_owner};
            break;
        case Outcome::Failed:
            sql = QStringLiteral("UPDATE message_dispatch SET state = 'failed', last_error = ?, "
                                 "lease_until = 0, updated_at = ? WHERE communication_id = ? AND "
                                 "lease_owner = ? AND state IN ('sending', 'unknown')");
            values = {detail, now, claim.communicationId, m_owner};
            break;
        }
        auto q = m_db.query(sql, values);
        if (!q)
            return fail(q.error());
        if (q->numRowsAffected() != 1) {
            if (outcome == Outcome::Sent)
                return recordSentAfterReport(claim, detail);
            return fail(tr("The message %1 is no longer this server's to record.")
                            .arg(claim.communicationId));
        }
        if (outcome == Outcome::Held) {
            AuditEntry entry;
            entry.action = QStringLiteral("message-held");
            entry.entityType = kCommunication;
            entry.entityId = claim.communicationId;
            entry.detail = {
                {QStringLiteral("channel"), claim.channel},
                {QStringLiteral("until"),
                 QDateTime::fromMSecsSinceEpoch(retryAt, Qt::UTC).toString(Qt::ISODate)},
                {QStringLiteral("via"), QStringLiteral("frontdesk-server dispatch")}};
            if (auto appended = AuditLog(m_db).append(entry); !appended)
                return fail(appended.error());
            return {};
        }
        if (outcome == Outcome::Retry)
            return {};
        if (outcome == Outcome::Sent)
            return updateMessage(claim.communicationId, QStringLiteral("message-sent"),
                                 [&](Message &m) {
                                     m.status = QStringLiteral("sent");
                                     m.sentAt = QDateTime::fromMSecsSinceEpoch(now, Qt::UTC);
                                     m.providerMessageId = detail;
                                     m.failureReason.clear();
                                 });
        const bool unknown = outcome == Outcome::Unknown;
        return updateMessage(
            claim.communicationId,
            unknown ? QStringLiteral("message-outcome-unknown") : QStringLiteral("message-failed"),
            [&](Message &m) {
                m.status = QStringLiteral("failed");
                m.failureReason = unknown ? tr("%1 It may or may not have reached the patient; "
                                               "it was not sent again. Queue it again to send it.")
                                                .arg(detail)
                                          : detail;
            });
    });
}

Status DispatchQueue::recordSentAfterReport(const Claim &claim, const QString &providerId)
{
    // The gateway's delivery report can come back before the answer to the send is read: the
    // report already recorded the outcome, and only the provider's id is left to keep.
    auto q = m_db.query(QStringLiteral("UPDATE message_dispatch SET provider_id = ?, "
                                       "lease_until = 0 WHERE communication_id = ? AND "
                                       "lease_owner = ? AND state IN ('sent', 'failed') AND "
                                       "provider_id = ''"),
                        {providerId, claim.communicationId, m_owner});
    if (!q)
        return fail(q.error());
    if (q->numRowsAffected() != 1)
        return fail(
            tr("The message %1 is no longer this server's to record.").arg(claim.communicationId));
    return updateMessage(claim.communicationId, QStringLiteral("message-sent"),
                         [&](Message &m) { m.providerMessageId = providerId; });
}

Result<bool> DispatchQueue::recordDelivery(const QString &communicationId, bool delivered,
                                           const QString &reason)
{
    bool found = false;
    const Status s = m_db.write([&]() -> Status {
        auto state = m_db.scalar(
            QStringLiteral("SELECT state FROM message_dispatch WHERE communication_id = ?"),
            {communicationId});
        if (!state)
            return fail(state.error());
        found = state->isValid();
        if (!found)
            return {};
        const qint64 now = m_db.clock().nowMs();
        // A report is proof it went out, also for a message whose outcome was unknown.
        if (auto q = m_db.query(QStringLiteral("UPDATE message_dispatch SET state = ?, "
                                               "last_error = ?, updated_at = ? "
                                               "WHERE communication_id = ?"),
                                {delivered ? QStringLiteral("sent") : QStringLiteral("failed"),
                                 delivered ? QString() : reason, now, communicationId});
            !q)
            return fail(q.error());
        return updateMessage(communicationId,
                             delivered ? QStringLiteral("message-delivered")
                                       : QStringLiteral("message-undelivered"),
                             [&](Message &m) {
                                 m.deliveredAt = QDateTime::fromMSecsSinceEpoch(now, Qt::UTC);
                                 // A report that beats the answer to the send: it left by now.
                                 if (!m.sentAt.isValid())
                                     m.sentAt = m.deliveredAt;
                                 if (delivered) {
                                     m.status = QStringLiteral("delivered");
                                     m.failureReason.clear();
                                 } else {
                                     m.status = QStringLiteral("failed");
                                     m.failureReason = reason;
                                     m.deliveredAt = QDateTime();
                                 }
                             });
    });
    if (!s)
        return fail(s.error());
    return found;
}

Result<QString> DispatchQueue::storeInbound(const Message &inbound)
{
    Message m = inbound;
    // A reply read as a survey answer already has the id the answer names.
    if (m.meta.id.isEmpty())
        m.meta.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    auto indexed = ResourceTypes::read(kCommunication, m.meta.id, CommunicationMapping::toFhir(m));
    if (!indexed)
        return fail(indexed.error());
    const Status s = m_db.write([&]() -> Status {
        if (auto saved = ResourceStore(m_db).save(kCommunication, m.meta.id, *indexed,
                                                  QStringLiteral("POST"));
            !saved)
            return fail(saved.error());
        return audit(QStringLiteral("message-received"), m,
                     {{QStringLiteral("candidates"), int(m.candidatePatientIds.size())}});
    });
    if (!s)
        return fail(s.error());
    return m.meta.id;
}

Result<DispatchQueue::Overview> DispatchQueue::overview(int limit) const
{
    Overview o;
    auto counts = m_db.query(QStringLiteral("SELECT channel, state, count(*) FROM "
                                            "message_dispatch GROUP BY channel, state "
                                            "ORDER BY channel, state"));
    if (!counts)
        return fail(counts.error());
    while (counts->next())
        o.counts.append({counts->value(0).toString(), counts->value(1).toString(),
                         counts->value(2).toLongLong()});
    auto rows = m_db.query(
        QStringLiteral("SELECT communication_id, channel, state, attempts, updated_at, "
                       "next_attempt_at, last_error FROM message_dispatch WHERE state IN "
                       "('failed', 'unknown') OR (state = 'due' AND attempts > 0) "
                       "ORDER BY updated_at DESC, communication_id LIMIT ?"),
        {limit});
    if (!rows)
        return fail(rows.error());
    while (rows->next())
        o.attention.append({rows->value(0).toString(), rows->value(1).toString(),
                            rows->value(2).toString(), rows->value(3).toInt(),
                            rows->value(4).toLongLong(), rows->value(5).toLongLong(),
                            rows->value(6).toString()});
    return o;
}

Result<Message> DispatchQueue::message(const QString &communicationId) const
{
    auto stored = ResourceStore(m_db).current(kCommunication, communicationId);
    if (!stored)
        return fail(stored.error());
    if (!stored->has_value() || (*stored)->deleted)
        return fail(tr("There is no Communication %1.").arg(communicationId));
    auto m = CommunicationMapping::messageFromFhir((*stored)->content);
    if (!m)
        return fail(m.error());
    m->meta.id = communicationId;
    return *m;
}

Status DispatchQueue::updateMessage(const QString &communicationId, const QString &action,
                                    const std::function<void(Message &)> &change)
{
    return m_db.write([&]() -> Status {
        // A message deleted meanwhile keeps its dispatch state, and nothing else.
        auto stored = ResourceStore(m_db).current(kCommunication, communicationId);
        if (!stored)
            return fail(stored.error());
        if (!stored->has_value() || (*stored)->deleted)
            return {};
        auto m = message(communicationId);
        if (!m)
            return fail(m.error());
        change(*m);
        auto indexed =
            ResourceTypes::read(kCommunication, communicationId, CommunicationMapping::toFhir(*m));
        if (!indexed)
            return fail(indexed.error());
        if (auto saved = ResourceStore(m_db).save(kCommunication, communicationId, *indexed,
                                                  QStringLiteral("PUT"));
            !saved)
            return fail(saved.error());
        return audit(action, *m, {});
    });
}

Status DispatchQueue::audit(const QString &action, const Message &m, const QJsonObject &detail)
{
    AuditEntry entry;
    entry.action = action;
    entry.entityType = kCommunication;
    entry.entityId = m.meta.id;
    entry.patientId = m.patientId;
    entry.detail = detail;
    entry.detail.insert(QStringLiteral("channel"), m.channel);
    entry.detail.insert(QStringLiteral("status"), m.status);
    entry.detail.insert(QStringLiteral("via"), QStringLiteral("frontdesk-server dispatch"));
    if (auto appended = AuditLog(m_db).append(entry); !appended)
        return fail(appended.error());
    return {};
}

} // namespace frontdesk::server
