#include "Outbox.h"

#include "database/Database.h"

#include <QUuid>

namespace frontdesk {

QString OutboxEntry::operationName(Operation op)
{
    switch (op) {
    case Operation::Create:
        return QStringLiteral("create");
    case Operation::Update:
        return QStringLiteral("update");
    case Operation::Delete:
        return QStringLiteral("delete");
    }
    return {};
}

Status Outbox::enqueue(OutboxEntry entry)
{
    if (entry.requestId.isEmpty())
        entry.requestId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    // The staff member who made the change, for the server to check their role on it.
    const QString actor = m_db.actor().kind == Actor::Kind::Staff ? m_db.actor().name : QString();
    auto q =
        m_db.query(QStringLiteral("INSERT INTO outbox (request_id, resource_type, resource_id, "
                                  "operation, base_version, local_version, created_at, actor) "
                                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
                   {entry.requestId, entry.resourceType, entry.resourceId,
                    OutboxEntry::operationName(entry.operation),
                    entry.baseVersion.isEmpty() ? QVariant() : QVariant(entry.baseVersion),
                    entry.localVersion, m_db.clock().nowMs(), actor});
    if (!q)
        return fail(tr("Could not queue the change for sync: %1").arg(q.error()));
    return {};
}

Result<qint64> Outbox::waitingRecords() const
{
    // A history row or photo whose own row is gone (it cannot be: both are append-only and
    // kept) would still count, under its own id.
    auto v = m_db.scalar(QStringLiteral(
        "SELECT count(*) FROM (SELECT DISTINCT "
        "CASE WHEN h.id IS NOT NULL THEN 'Appointment' "
        "WHEN p.id IS NOT NULL THEN 'Patient' ELSE o.resource_type END, "
        "coalesce(h.appointment_id, p.patient_id, o.resource_id) "
        "FROM outbox o "
        "LEFT JOIN appointment_status_history h "
        "ON o.resource_type = 'Provenance' AND h.id = o.resource_id "
        "LEFT JOIN patient_photos p ON o.resource_type = 'Binary' AND p.id = o.resource_id)"));
    if (!v)
        return fail(v.error());
    return v->toLongLong();
}

} // namespace frontdesk
