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
             QStringLiteral("reason"), QStringLiteral("due_on"), QStringLiteral("status"),
             QStringLiteral("kind"), QStringLiteral("contacted_at"),
             QStringLiteral("contact_channel"), QStringLiteral("contact_ref")},
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
            {QStringLiteral("status"), r.status},
            {QStringLiteral("kind"), r.kind},
            {QStringLiteral("contacted_at"),
             r.contactedAt.isValid() ? QVariant(r.contactedAt.toMSecsSinceEpoch()) : QVariant()},
            {QStringLiteral("contact_channel"), r.contactChannel},
            {QStringLiteral("contact_ref"), r.contactRef}};
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
    recall.kind = r.value(QStringLiteral("kind")).toString();
    const QVariant contacted = r.value(QStringLiteral("contacted_at"));
    if (!contacted.isNull())
        recall.contactedAt = QDateTime::fromMSecsSinceEpoch(contacted.toLongLong(), Qt::UTC);
    recall.contactChannel = r.value(QStringLiteral("contact_channel")).toString();
    recall.contactRef = r.value(QStringLiteral("contact_ref")).toString();
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
    if (!Recall::kinds().contains(r.kind))
        return fail(tr("Unknown kind of task \"%1\" (recall, call, letter or offer).").arg(r.kind));
    if (r.contacted() != !r.contactChannel.isEmpty() ||
        (r.contacted() && !Recall::contactChannels().contains(r.contactChannel)))
        return fail(tr("A recall's contact needs both its time and its channel (SMS, e-mail, "
                       "call or letter)."));
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
            "FROM recalls r WHERE r.deleted = 0 AND r.status = 'open' AND r.kind = 'recall' "
            "AND r.due_on < ?")
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

Result<QList<LapsedPatient>> RecallRepository::lapsed(const QDateTime &cutoffUtc) const
{
    if (auto s = AccessGuard(m_db).requireRead(table().resourceType); !s)
        return fail(s.error());
    // patient_first_visits counts missed visits too: a patient who only ever missed one has no
    // latest visit and is left out.
    const QString statement = QStringLiteral(
        "SELECT f.patient_id, (SELECT max(a.start_at) FROM appointments a "
        "WHERE a.patient_id = f.patient_id AND a.start_at < ? AND a.deleted = 0 "
        "AND a.status NOT IN ('cancelled', 'no-show')) AS latest_visit "
        "FROM patient_first_visits f JOIN patients p ON p.id = f.patient_id "
        "WHERE f.first_start_at < ? AND p.deleted = 0 AND p.merged_into = '' "
        "AND NOT EXISTS (SELECT 1 FROM appointments a WHERE a.patient_id = f.patient_id "
        "AND a.start_at >= ? AND a.deleted = 0 AND a.status NOT IN ('cancelled', 'no-show')) "
        "AND NOT EXISTS (SELECT 1 FROM recalls r WHERE r.patient_id = f.patient_id "
        "AND r.deleted = 0 AND r.status = 'open') "
        "ORDER BY latest_visit, f.patient_id");
    const qint64 cutoff = cutoffUtc.toMSecsSinceEpoch();
    QList<LapsedPatient> out;
    Status read = m_db.scan(statement, {cutoff, cutoff, cutoff}, [&](const SqlRow &row) {
        if (!row.isNull(1))
            out.append({row.text(0), QDateTime::fromMSecsSinceEpoch(row.integer(1), Qt::UTC)});
    });
    if (!read)
        return fail(read.error());
    return out;
}

Result<QList<WorklistTask>> RecallRepository::worklist(QDate upTo, const QString &kind) const
{
    if (auto s = AccessGuard(m_db).requireRead(table().resourceType); !s)
        return fail(s.error());
    if (auto s = AccessGuard(m_db).requireRead(QStringLiteral("Patient")); !s)
        return fail(s.error());
    QString statement =
        QStringLiteral("SELECT %1, p.family_name, p.given_name, p.mrn, p.phone_mobile, "
                       "p.phone_home FROM recalls r JOIN patients p ON p.id = r.patient_id "
                       "WHERE r.deleted = 0 AND r.status = 'open' AND r.due_on <= ?")
            .arg(m_store.selectList(QStringLiteral("r")));
    QVariantList values{upTo.toString(Qt::ISODate)};
    if (!kind.isEmpty()) {
        statement += QStringLiteral(" AND r.kind = ?");
        values << kind;
    }
    statement += QStringLiteral(" ORDER BY r.due_on, p.family_name, p.given_name, r.id");
    auto q = m_db.query(statement, values);
    if (!q)
        return fail(q.error());
    QList<WorklistTask> out;
    while (q->next()) {
        const QSqlRecord record = q->record();
        WorklistTask t;
        t.task = fromRecord(record);
        t.patientName = record.value(QStringLiteral("family_name")).toString() +
                        QStringLiteral(", ") +
                        record.value(QStringLiteral("given_name")).toString();
        t.mrn = record.value(QStringLiteral("mrn")).toString();
        const QString mobile = record.value(QStringLiteral("phone_mobile")).toString().trimmed();
        t.phone = mobile.isEmpty() ? record.value(QStringLiteral("phone_home")).toString().trimmed()
                                   : mobile;
        out.append(t);
    }
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
