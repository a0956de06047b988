#include "AppointmentSeriesRepository.h"

#include "storage/ColumnValues.h"

#include <QTimeZone>

namespace frontdesk {

RecordStore::Table AppointmentSeriesRepository::table()
{
    return {QStringLiteral("appointment_series"),
            QStringLiteral("AppointmentSeries"),
            {QStringLiteral("frequency"), QStringLiteral("interval_count"),
             QStringLiteral("first_local_date"), QStringLiteral("local_start_minute"),
             QStringLiteral("minutes"), QStringLiteral("until_date"),
             QStringLiteral("occurrence_count"), QStringLiteral("time_zone")},
            {},
            QStringLiteral("ServiceRequest")};
}

AppointmentSeriesRepository::AppointmentSeriesRepository(Database &db) : Repository(db, table()) {}

QVariantMap AppointmentSeriesRepository::columnValues(const AppointmentSeries &s)
{
    return {{QStringLiteral("frequency"), s.frequency},
            {QStringLiteral("interval_count"), s.interval},
            {QStringLiteral("first_local_date"), columns::fromDate(s.firstLocalDate)},
            {QStringLiteral("local_start_minute"), s.localStartMinute},
            {QStringLiteral("minutes"), s.minutes},
            {QStringLiteral("until_date"), columns::fromDate(s.until)},
            {QStringLiteral("occurrence_count"), s.occurrences},
            {QStringLiteral("time_zone"), s.timeZone}};
}

QVariantMap AppointmentSeriesRepository::toValues(const AppointmentSeries &s) const
{
    return columnValues(s);
}

AppointmentSeries AppointmentSeriesRepository::fromRecord(const QSqlRecord &rec) const
{
    AppointmentSeries s;
    s.meta = RecordStore::metaFrom(rec);
    s.frequency = rec.value(QStringLiteral("frequency")).toString();
    s.interval = rec.value(QStringLiteral("interval_count")).toInt();
    s.firstLocalDate = columns::toDate(rec.value(QStringLiteral("first_local_date")));
    s.localStartMinute = rec.value(QStringLiteral("local_start_minute")).toInt();
    s.minutes = rec.value(QStringLiteral("minutes")).toInt();
    s.until = columns::toDate(rec.value(QStringLiteral("until_date")));
    s.occurrences = rec.value(QStringLiteral("occurrence_count")).toInt();
    s.timeZone = rec.value(QStringLiteral("time_zone")).toString();
    return s;
}

Status AppointmentSeriesRepository::validate(const AppointmentSeries &s) const
{
    if (s.frequency != QLatin1String("weekly") && s.frequency != QLatin1String("monthly"))
        return fail(tr("A series repeats weekly or monthly, not \"%1\".").arg(s.frequency));
    if (s.interval < 1 || s.interval > 52)
        return fail(
            tr("A series repeats every 1 to 52 weeks or months, not every %1.").arg(s.interval));
    if (!s.firstLocalDate.isValid())
        return fail(tr("A series needs the date of its first appointment."));
    if (s.localStartMinute < 0 || s.localStartMinute >= 24 * 60 || s.minutes <= 0)
        return fail(tr("A series needs a time of day and a length in minutes."));
    if (!QTimeZone(s.timeZone.toUtf8()).isValid())
        return fail(tr("The series' time zone \"%1\" is not known here.").arg(s.timeZone));
    return {};
}

Status AppointmentSeriesRepository::linkFromServer(const QString &appointmentId,
                                                   const QString &seriesId)
{
    // A row already linked so (a booking pulled just now, most of them in no series) is not
    // written again.
    const QVariant series = seriesId.isEmpty() ? QVariant() : QVariant(seriesId);
    auto q = m_db.exec(QStringLiteral("UPDATE appointments SET series_id = ? WHERE id = ? AND "
                                      "series_id IS NOT ?"),
                       {series, appointmentId, series});
    if (!q)
        return fail(
            tr("Could not keep the series of appointment %1: %2").arg(appointmentId, q.error()));
    return {};
}

} // namespace frontdesk
