#include "StatusHistoryRepository.h"

namespace frontdesk {

RecordStore::Table StatusHistoryRepository::table()
{
    return {QStringLiteral("appointment_status_history"),
            QStringLiteral("AppointmentStatusChange"),
            {QStringLiteral("appointment_id"), QStringLiteral("patient_id"),
             QStringLiteral("from_status"), QStringLiteral("to_status"),
             QStringLiteral("changed_at"), QStringLiteral("changed_by"), QStringLiteral("reason"),
             QStringLiteral("cancelled_by"), QStringLiteral("reverts_id")},
            QStringLiteral("patient_id"),
            QStringLiteral("Provenance")};
}

StatusHistoryRepository::StatusHistoryRepository(Database &db) : Repository(db, table()) {}

QVariantMap StatusHistoryRepository::toValues(const StatusChange &c) const
{
    return {{QStringLiteral("appointment_id"), c.appointmentId},
            {QStringLiteral("patient_id"), c.patientId},
            {QStringLiteral("from_status"), c.from ? appointmentStatusName(*c.from) : QString()},
            {QStringLiteral("to_status"), appointmentStatusName(c.to)},
            {QStringLiteral("changed_at"), c.changedAtMs},
            {QStringLiteral("changed_by"), c.changedBy},
            {QStringLiteral("reason"), c.reason},
            {QStringLiteral("cancelled_by"), cancelledByName(c.cancelledBy)},
            {QStringLiteral("reverts_id"), c.revertsId}};
}

StatusChange StatusHistoryRepository::fromRecord(const QSqlRecord &r) const
{
    StatusChange c;
    c.meta = RecordStore::metaFrom(r);
    c.appointmentId = r.value(QStringLiteral("appointment_id")).toString();
    c.patientId = r.value(QStringLiteral("patient_id")).toString();
    c.from = appointmentStatusFromName(r.value(QStringLiteral("from_status")).toString());
    c.to = appointmentStatusFromName(r.value(QStringLiteral("to_status")).toString())
               .value_or(AppointmentStatus::Booked);
    c.changedAtMs = r.value(QStringLiteral("changed_at")).toLongLong();
    c.changedBy = r.value(QStringLiteral("changed_by")).toString();
    c.reason = r.value(QStringLiteral("reason")).toString();
    c.cancelledBy = cancelledByFromName(r.value(QStringLiteral("cancelled_by")).toString())
                        .value_or(CancelledBy::Nobody);
    c.revertsId = r.value(QStringLiteral("reverts_id")).toString();
    return c;
}

Status StatusHistoryRepository::validate(const StatusChange &c) const
{
    if (!c.meta.isNew())
        return fail(tr("The status history is never rewritten; record a revert instead."));
    if (c.appointmentId.isEmpty())
        return fail(tr("A status change belongs to an appointment."));
    return {};
}

Result<QList<StatusChange>>
StatusHistoryRepository::forAppointment(const QString &appointmentId) const
{
    return select(QStringLiteral("WHERE deleted = 0 AND appointment_id = ? "
                                 "ORDER BY changed_at, created_at, rowid"),
                  {appointmentId});
}

Result<QHash<QString, QList<StatusChange>>>
StatusHistoryRepository::forAppointments(const QStringList &ids) const
{
    auto rows = selectIn(QStringLiteral("deleted = 0"), QStringLiteral("appointment_id"), ids,
                         QStringLiteral("ORDER BY changed_at, created_at, rowid"));
    if (!rows)
        return fail(rows.error());
    QHash<QString, QList<StatusChange>> out;
    for (const StatusChange &c : *rows)
        out[c.appointmentId].append(c);
    return out;
}

} // namespace frontdesk
