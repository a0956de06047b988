#include "AppointmentRepository.h"

namespace frontdesk {

namespace {
// The longest appointment we accept; lets "overlaps a day" use the start index.
constexpr qint64 kMaxAppointmentMs = qint64(24) * 60 * 60 * 1000;
} // namespace

RecordStore::Table AppointmentRepository::table()
{
    return {QStringLiteral("appointments"),
            QStringLiteral("Appointment"),
            {QStringLiteral("patient_id"), QStringLiteral("practitioner_id"),
             QStringLiteral("location_id"), QStringLiteral("start_at"), QStringLiteral("end_at"),
             QStringLiteral("type"), QStringLiteral("status"), QStringLiteral("reason"),
             QStringLiteral("notes")},
            QStringLiteral("patient_id")};
}

AppointmentRepository::AppointmentRepository(Database &db) : Repository(db, table()) {}

QVariantMap AppointmentRepository::columnValues(const Appointment &a)
{
    return {{QStringLiteral("patient_id"), a.patientId},
            {QStringLiteral("practitioner_id"), a.practitionerId},
            {QStringLiteral("location_id"),
             a.locationId.isEmpty() ? QVariant() : QVariant(a.locationId)},
            {QStringLiteral("start_at"), a.start.toMSecsSinceEpoch()},
            {QStringLiteral("end_at"), a.end.toMSecsSinceEpoch()},
            {QStringLiteral("type"), a.type},
            {QStringLiteral("status"), appointmentStatusName(a.status)},
            {QStringLiteral("reason"), a.reason},
            {QStringLiteral("notes"), a.notes}};
}

Appointment AppointmentRepository::appointmentFrom(const QSqlRecord &r)
{
    Appointment a;
    a.meta = RecordStore::metaFrom(r);
    a.patientId = r.value(QStringLiteral("patient_id")).toString();
    a.practitionerId = r.value(QStringLiteral("practitioner_id")).toString();
    a.locationId = r.value(QStringLiteral("location_id")).toString();
    a.start =
        QDateTime::fromMSecsSinceEpoch(r.value(QStringLiteral("start_at")).toLongLong(), Qt::UTC);
    a.end = QDateTime::fromMSecsSinceEpoch(r.value(QStringLiteral("end_at")).toLongLong(), Qt::UTC);
    a.type = r.value(QStringLiteral("type")).toString();
    a.status = appointmentStatusFromName(r.value(QStringLiteral("status")).toString())
                   .value_or(AppointmentStatus::Booked);
    a.reason = r.value(QStringLiteral("reason")).toString();
    a.notes = r.value(QStringLiteral("notes")).toString();
    return a;
}

AppointmentRow AppointmentRepository::rowFrom(const QSqlRecord &r)
{
    return {
        appointmentFrom(r),
        r.value(QStringLiteral("patient_name")).toString(),
        r.value(QStringLiteral("practitioner_name")).toString(),
        r.value(QStringLiteral("location_name")).toString(),
        QDate::fromString(r.value(QStringLiteral("patient_birth_date")).toString(), Qt::ISODate),
        r.value(QStringLiteral("patient_phone")).toString()};
}

QVariantMap AppointmentRepository::toValues(const Appointment &a) const
{
    return columnValues(a);
}

Appointment AppointmentRepository::fromRecord(const QSqlRecord &r) const
{
    return appointmentFrom(r);
}

Status AppointmentRepository::validate(const Appointment &a) const
{
    if (a.patientId.isEmpty())
        return fail(tr("An appointment needs a patient."));
    if (a.practitionerId.isEmpty())
        return fail(tr("An appointment needs a practitioner."));
    if (!a.start.isValid() || !a.end.isValid() || a.end <= a.start)
        return fail(tr("An appointment must end after it starts."));
    if (a.start.msecsTo(a.end) > kMaxAppointmentMs)
        return fail(tr("An appointment can last at most 24 hours."));
    return {};
}

Result<QList<AppointmentRow>> AppointmentRepository::rowsBetween(const QDateTime &fromUtc,
                                                                 const QDateTime &toUtc) const
{
    if (auto s = AccessGuard(m_db).requireRead(m_store.table().resourceType); !s)
        return fail(s.error());
    const qint64 from = fromUtc.toMSecsSinceEpoch();
    const qint64 to = toUtc.toMSecsSinceEpoch();
    auto q = m_db.query(
        QStringLiteral(
            "SELECT %1, p.family_name || ', ' || p.given_name AS patient_name, "
            "TRIM(pr.prefix || ' ' || pr.given_name || ' ' || pr.family_name) AS "
            "practitioner_name, "
            "l.name AS location_name, p.birth_date AS patient_birth_date, "
            "CASE WHEN p.phone_mobile != '' THEN p.phone_mobile ELSE p.phone_home END AS "
            "patient_phone "
            "FROM appointments a JOIN patients p ON p.id = a.patient_id "
            "JOIN practitioners pr ON pr.id = a.practitioner_id "
            "LEFT JOIN locations l ON l.id = a.location_id "
            "WHERE a.deleted = 0 AND a.start_at >= ? AND a.start_at < ? AND a.end_at > ? "
            "ORDER BY a.start_at, practitioner_name")
            .arg(m_store.selectList(QStringLiteral("a"))),
        {from - kMaxAppointmentMs, to, from});
    if (!q)
        return fail(q.error());
    QList<AppointmentRow> rows;
    while (q->next())
        rows.append(rowFrom(q->record()));
    return rows;
}

Result<QList<Appointment>> AppointmentRepository::forPatient(const QString &patientId) const
{
    return select(QStringLiteral("WHERE deleted = 0 AND patient_id = ? ORDER BY start_at DESC"),
                  {patientId});
}

Result<qint64> AppointmentRepository::count() const
{
    auto v = m_db.scalar(QStringLiteral("SELECT count(*) FROM appointments WHERE deleted = 0"));
    if (!v)
        return fail(v.error());
    return v->toLongLong();
}

Result<QMap<AppointmentStatus, qint64>>
AppointmentRepository::countByStatus(const QDateTime &fromUtc, const QDateTime &toUtc) const
{
    auto q = m_db.query(
        QStringLiteral("SELECT status, count(*) FROM appointments "
                       "WHERE deleted = 0 AND start_at >= ? AND start_at < ? GROUP BY status"),
        {fromUtc.toMSecsSinceEpoch(), toUtc.toMSecsSinceEpoch()});
    if (!q)
        return fail(q.error());
    QMap<AppointmentStatus, qint64> counts;
    while (q->next()) {
        const QString name = q->value(0).toString();
        const auto status = appointmentStatusFromName(name);
        if (!status)
            return fail(tr("Unknown appointment status \"%1\" in the database.").arg(name));
        counts[*status] += q->value(1).toLongLong();
    }
    return counts;
}

Result<qint64> AppointmentRepository::countPatients(const QDateTime &fromUtc,
                                                    const QDateTime &toUtc,
                                                    const QList<AppointmentStatus> &statuses) const
{
    if (statuses.isEmpty())
        return qint64(0);
    QStringList marks;
    QVariantList values{fromUtc.toMSecsSinceEpoch(), toUtc.toMSecsSinceEpoch()};
    for (AppointmentStatus s : statuses) {
        marks << QStringLiteral("?");
        values << appointmentStatusName(s);
    }
    auto v = m_db.scalar(
        QStringLiteral("SELECT count(DISTINCT patient_id) FROM appointments "
                       "WHERE deleted = 0 AND start_at >= ? AND start_at < ? AND status IN (%1)")
            .arg(marks.join(QStringLiteral(", "))),
        values);
    if (!v)
        return fail(v.error());
    return v->toLongLong();
}

} // namespace frontdesk
