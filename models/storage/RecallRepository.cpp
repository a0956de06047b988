#include "RecallRepository.h"

#include "database/SqlRow.h"
#include "domain/ClinicTime.h"

#include <optional>

namespace frontdesk {

RecordStore::Table RecallRepository::table()
{
    return {QStringLiteral("recalls"),
            QStringLiteral("Recall"),
            {QStringLiteral("patient_id"), QStringLiteral("practitioner_id"),
             QStringLiteral("reason"), QStringLiteral("due_on"), QStringLiteral("status")},
            QStringLiteral("patient_id"),
            QStringLiteral("Task")};
}

RecallRepository::RecallRepository(Database &db) : Repository(db, table()) {}

QVariantMap RecallRepository::toValues(const Recall &r) const
{
    return {{QStringLiteral("patient_id"), r.patientId},
            {QStringLiteral("practitioner_id"),
             r.practitionerId.isEmpty() ? QVariant() : QVariant(r.practitionerId)},
            {QStringLiteral("reason"), r.reason},
            {QStringLiteral("due_on"), r.dueOn.toString(Qt::ISODate)},
            {QStringLiteral("status"), r.status}};
}

Recall RecallRepository::fromRecord(const QSqlRecord &r) const
{
    Recall recall;
    recall.meta = RecordStore::metaFrom(r);
    recall.patientId = r.value(QStringLiteral("patient_id")).toString();
    recall.practitionerId = r.value(QStringLiteral("practitioner_id")).toString();
    recall.reason = r.value(QStringLiteral("reason")).toString();
    recall.dueOn = QDate::fromString(r.value(QStringLiteral("due_on")).toString(), Qt::ISODate);
    recall.status = r.value(QStringLiteral("status")).toString();
    return recall;
}

Status RecallRepository::validate(const Recall &r) const
{
    if (r.patientId.isEmpty())
        return fail(tr("A recall needs a patient."));
    if (!r.dueOn.isValid())
        return fail(tr("A recall needs a due date."));
    if (r.status != Recall::open() && r.status != Recall::done() && r.status != Recall::cancelled())
        return fail(tr("Unknown recall status \"%1\" (open, done or cancelled).").arg(r.status));
    auto patient =
        m_db.scalar(QStringLiteral("SELECT count(*) FROM patients WHERE id = ? AND deleted = 0"),
                    {r.patientId});
    if (!patient)
        return fail(patient.error());
    if (patient->toLongLong() == 0)
        return fail(tr("There is no patient with the id %1.").arg(r.patientId));
    if (!r.practitionerId.isEmpty()) {
        auto practitioner = m_db.scalar(
            QStringLiteral("SELECT count(*) FROM practitioners WHERE id = ? AND deleted = 0"),
            {r.practitionerId});
        if (!practitioner)
            return fail(practitioner.error());
        if (practitioner->toLongLong() == 0)
            return fail(tr("There is no practitioner with the id %1.").arg(r.practitionerId));
    }
    return {};
}

Result<QList<Recall>> RecallRepository::list(const QString &patientId) const
{
    if (patientId.isEmpty())
        return select(QStringLiteral("WHERE deleted = 0 ORDER BY due_on, id"));
    return select(QStringLiteral("WHERE deleted = 0 AND patient_id = ? ORDER BY due_on, id"),
                  {patientId});
}

std::pair<QString, QVariantList>
RecallRepository::overdueStatement(const QString &columns, QDate before, const QString &patientId,
                                   const QString &practitionerId) const
{
    // The patient's latest visit that happened or may still happen, looked for only from a day
    // before the due date in UTC (the clinic's midnight lies within 14 hours of UTC's), so the
    // index on (patient_id, start_at) skips the patient's older visits and their rows are never
    // read; whether it starts on or after the due date is decided by coveredBy, in the clinic's
    // zone.
    QString statement =
        QStringLiteral(
            "SELECT %1, (SELECT max(a.start_at) FROM appointments a "
            "WHERE a.patient_id = r.patient_id "
            "AND a.start_at >= (CAST(strftime('%s', r.due_on) AS INTEGER) - 86400) * 1000 "
            "AND a.deleted = 0 AND a.status NOT IN ('cancelled', 'no-show')) "
            "AS latest_visit "
            "FROM recalls r WHERE r.deleted = 0 AND r.status = 'open' AND r.due_on < ?")
            .arg(columns);
    QVariantList values{before.toString(Qt::ISODate)};
    if (!patientId.isEmpty()) {
        statement += QStringLiteral(" AND r.patient_id = ?");
        values << patientId;
    }
    if (!practitionerId.isEmpty()) {
        statement += QStringLiteral(" AND (r.practitioner_id = ? OR r.practitioner_id IS NULL)");
        values << practitionerId;
    }
    statement += QStringLiteral(" ORDER BY r.due_on, r.id");
    return {statement, values};
}

namespace {
// Whether the patient's latest visit (if any) closes a recall due on `due`.
bool coveredBy(std::optional<qint64> latestVisitMs, QDate due, const ClinicTime &clinic)
{
    return latestVisitMs && *latestVisitMs >= clinic.startOfDayUtc(due).toMSecsSinceEpoch();
}
} // namespace

Result<QList<Recall>> RecallRepository::overdue(QDate before, const QString &patientId,
                                                const QString &practitionerId) const
{
    if (auto s = AccessGuard(m_db).requireRead(table().resourceType); !s)
        return fail(s.error());
    const auto [statement, values] = overdueStatement(m_store.selectList(QStringLiteral("r")),
                                                      before, patientId, practitionerId);
    auto q = m_db.query(statement, values);
    if (!q)
        return fail(q.error());
    const ClinicTime clinic = ClinicTime::fromZoneName(m_db.setting(ClinicTime::settingKey()));
    QList<Recall> out;
    while (q->next()) {
        const QSqlRecord record = q->record();
        Recall recall = fromRecord(record);
        const QVariant latest = record.value(QStringLiteral("latest_visit"));
        if (!coveredBy(latest.isNull() ? std::nullopt : std::optional(latest.toLongLong()),
                       recall.dueOn, clinic))
            out.append(recall);
    }
    return out;
}

Result<QList<RecallDue>> RecallRepository::overdueDue(QDate before,
                                                      const QString &practitionerId) const
{
    if (auto s = AccessGuard(m_db).requireRead(table().resourceType); !s)
        return fail(s.error());
    const auto [statement, values] =
        overdueStatement(QStringLiteral("r.id, r.due_on"), before, {}, practitionerId);
    const ClinicTime clinic = ClinicTime::fromZoneName(m_db.setting(ClinicTime::settingKey()));
    QList<RecallDue> out;
    Status read = m_db.scan(statement, values, [&](const SqlRow &row) {
        const QDate due = QDate::fromString(row.text(1), Qt::ISODate);
        if (!coveredBy(row.isNull(2) ? std::nullopt : std::optional(row.integer(2)), due, clinic))
            out.append({row.text(0), due});
    });
    if (!read)
        return fail(read.error());
    return out;
}

Status RecallRepository::close(const QString &id, const QString &status)
{
    auto recall = get(id);
    if (!recall)
        return fail(recall.error());
    if (recall->meta.deleted)
        return fail(tr("The recall %1 was deleted.").arg(id));
    if (recall->status != Recall::open())
        return fail(tr("The recall %1 is already %2.").arg(id, recall->status));
    recall->status = status;
    return save(*recall);
}

} // namespace frontdesk
