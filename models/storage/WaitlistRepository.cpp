#include "WaitlistRepository.h"

#include <algorithm>

namespace frontdesk {

RecordStore::Table WaitlistRepository::table()
{
    return {QStringLiteral("waitlist"),
            QStringLiteral("WaitlistEntry"),
            {QStringLiteral("patient_id"), QStringLiteral("practitioner_id"),
             QStringLiteral("type"), QStringLiteral("minutes"),
             QStringLiteral("preferred_weekdays"), QStringLiteral("earliest_minute"),
             QStringLiteral("latest_minute"), QStringLiteral("not_after"), QStringLiteral("note"),
             QStringLiteral("status")},
            QStringLiteral("patient_id"),
            QStringLiteral("Appointment")};
}

WaitlistRepository::WaitlistRepository(Database &db) : Repository(db, table()) {}

QVariantMap WaitlistRepository::toValues(const WaitlistEntry &e) const
{
    QList<int> days(e.weekdays.begin(), e.weekdays.end());
    std::sort(days.begin(), days.end());
    QStringList dayNames;
    for (int d : days)
        dayNames << QString::number(d);
    return {
        {QStringLiteral("patient_id"), e.patientId},
        {QStringLiteral("practitioner_id"),
         e.practitionerId.isEmpty() ? QVariant() : QVariant(e.practitionerId)},
        {QStringLiteral("type"), e.type},
        {QStringLiteral("minutes"), e.minutes},
        {QStringLiteral("preferred_weekdays"), dayNames.join(QLatin1Char(','))},
        {QStringLiteral("earliest_minute"), e.earliestMinute},
        {QStringLiteral("latest_minute"), e.latestMinute},
        {QStringLiteral("not_after"), e.notAfter.isValid() ? e.notAfter.toMSecsSinceEpoch() : 0},
        {QStringLiteral("note"), e.note},
        {QStringLiteral("status"), e.status}};
}

WaitlistEntry WaitlistRepository::fromRecord(const QSqlRecord &r) const
{
    WaitlistEntry e;
    e.meta = RecordStore::metaFrom(r);
    e.patientId = r.value(QStringLiteral("patient_id")).toString();
    e.practitionerId = r.value(QStringLiteral("practitioner_id")).toString();
    e.type = r.value(QStringLiteral("type")).toString();
    e.minutes = r.value(QStringLiteral("minutes")).toInt();
    for (const QString &d : r.value(QStringLiteral("preferred_weekdays"))
                                .toString()
                                .split(QLatin1Char(','), Qt::SkipEmptyParts))
        e.weekdays.insert(d.toInt());
    e.earliestMinute = r.value(QStringLiteral("earliest_minute")).toInt();
    e.latestMinute = r.value(QStringLiteral("latest_minute")).toInt();
    const qint64 notAfter = r.value(QStringLiteral("not_after")).toLongLong();
    if (notAfter > 0)
        e.notAfter = QDateTime::fromMSecsSinceEpoch(notAfter, Qt::UTC);
    e.note = r.value(QStringLiteral("note")).toString();
    e.status = r.value(QStringLiteral("status")).toString();
    return e;
}

Status WaitlistRepository::validate(const WaitlistEntry &e) const
{
    if (e.patientId.isEmpty())
        return fail(tr("A waitlist entry needs a patient."));
    if (e.minutes < 5 || e.minutes > 24 * 60)
        return fail(tr("The wanted length must be between 5 minutes and 24 hours."));
    if (e.earliestMinute < 0 || e.latestMinute > 24 * 60 || e.latestMinute <= e.earliestMinute)
        return fail(tr("The time-of-day window must end after it starts, within one day."));
    for (int d : e.weekdays) {
        if (d < 1 || d > 7)
            return fail(tr("Weekdays are 1 (Monday) to 7 (Sunday); got %1.").arg(d));
    }
    if (e.status != QLatin1String("waiting") && e.status != QLatin1String("booked") &&
        e.status != QLatin1String("removed"))
        return fail(tr("Unknown waitlist status \"%1\".").arg(e.status));
    return {};
}

Result<QList<WaitlistEntry>> WaitlistRepository::waiting() const
{
    return select(QStringLiteral("WHERE deleted = 0 AND status = 'waiting' ORDER BY created_at"));
}

} // namespace frontdesk
