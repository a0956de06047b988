#include "PractitionerRepository.h"

namespace frontdesk {

RecordStore::Table PractitionerRepository::table()
{
    return {QStringLiteral("practitioners"),
            QStringLiteral("Practitioner"),
            {QStringLiteral("family_name"), QStringLiteral("given_name"), QStringLiteral("prefix"),
             QStringLiteral("specialty"), QStringLiteral("phone"), QStringLiteral("email"),
             QStringLiteral("slot_minutes"), QStringLiteral("color"), QStringLiteral("active")},
            {}};
}

PractitionerRepository::PractitionerRepository(Database &db) : Repository(db, table()) {}

QVariantMap PractitionerRepository::toValues(const Practitioner &p) const
{
    return {{QStringLiteral("family_name"), p.familyName},
            {QStringLiteral("given_name"), p.givenName},
            {QStringLiteral("prefix"), p.prefix},
            {QStringLiteral("specialty"), p.specialty},
            {QStringLiteral("phone"), p.phone},
            {QStringLiteral("email"), p.email},
            {QStringLiteral("slot_minutes"), p.slotMinutes},
            {QStringLiteral("color"), p.color},
            {QStringLiteral("active"), p.active ? 1 : 0}};
}

Practitioner PractitionerRepository::fromRecord(const QSqlRecord &r) const
{
    Practitioner p;
    p.meta = RecordStore::metaFrom(r);
    p.familyName = r.value(QStringLiteral("family_name")).toString();
    p.givenName = r.value(QStringLiteral("given_name")).toString();
    p.prefix = r.value(QStringLiteral("prefix")).toString();
    p.specialty = r.value(QStringLiteral("specialty")).toString();
    p.phone = r.value(QStringLiteral("phone")).toString();
    p.email = r.value(QStringLiteral("email")).toString();
    p.slotMinutes = r.value(QStringLiteral("slot_minutes")).toInt();
    p.color = r.value(QStringLiteral("color")).toString();
    p.active = r.value(QStringLiteral("active")).toInt() != 0;
    return p;
}

Status PractitionerRepository::validate(const Practitioner &p) const
{
    if (p.familyName.trimmed().isEmpty())
        return fail(tr("A practitioner needs a family name."));
    if (p.slotMinutes < 5 || p.slotMinutes > 240)
        return fail(
            tr("The slot length must be between 5 and 240 minutes; got %1.").arg(p.slotMinutes));
    return {};
}

Result<QList<Practitioner>> PractitionerRepository::active() const
{
    return select(
        QStringLiteral("WHERE deleted = 0 AND active = 1 ORDER BY family_name, given_name"));
}

RecordStore::Table WorkingHoursRepository::table()
{
    return {QStringLiteral("working_hours"),
            QStringLiteral("Schedule"),
            {QStringLiteral("practitioner_id"), QStringLiteral("weekday"),
             QStringLiteral("start_minute"), QStringLiteral("end_minute"),
             QStringLiteral("location_id")},
            {},
            QStringLiteral("PractitionerRole")};
}

WorkingHoursRepository::WorkingHoursRepository(Database &db) : Repository(db, table()) {}

QVariantMap WorkingHoursRepository::toValues(const WorkingHours &w) const
{
    return {{QStringLiteral("practitioner_id"), w.practitionerId},
            {QStringLiteral("weekday"), w.weekday},
            {QStringLiteral("start_minute"), w.startMinute},
            {QStringLiteral("end_minute"), w.endMinute},
            {QStringLiteral("location_id"),
             w.locationId.isEmpty() ? QVariant() : QVariant(w.locationId)}};
}

WorkingHours WorkingHoursRepository::fromRecord(const QSqlRecord &r) const
{
    WorkingHours w;
    w.meta = RecordStore::metaFrom(r);
    w.practitionerId = r.value(QStringLiteral("practitioner_id")).toString();
    w.weekday = r.value(QStringLiteral("weekday")).toInt();
    w.startMinute = r.value(QStringLiteral("start_minute")).toInt();
    w.endMinute = r.value(QStringLiteral("end_minute")).toInt();
    w.locationId = r.value(QStringLiteral("location_id")).toString();
    return w;
}

Status WorkingHoursRepository::validate(const WorkingHours &w) const
{
    if (w.weekday < 1 || w.weekday > 7)
        return fail(tr("The weekday must be 1 (Monday) to 7 (Sunday); got %1.").arg(w.weekday));
    if (w.startMinute < 0 || w.endMinute > 24 * 60 || w.endMinute <= w.startMinute)
        return fail(tr("Working hours must end after they start, within one day."));
    return {};
}

Result<QList<WorkingHours>>
WorkingHoursRepository::forPractitioner(const QString &practitionerId) const
{
    return select(
        QStringLiteral("WHERE deleted = 0 AND practitioner_id = ? ORDER BY weekday, start_minute"),
        {practitionerId});
}

Result<QList<WorkingHours>> WorkingHoursRepository::all() const
{
    return select(
        QStringLiteral("WHERE deleted = 0 ORDER BY practitioner_id, weekday, start_minute"));
}

} // namespace frontdesk
