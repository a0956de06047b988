#include "Recurrence.h"

#include "core/LocaleFormat.h"
#include "scheduling/LocalTime.h"

#include <QLocale>

namespace frontdesk {

QString Recurrence::frequencyName(Frequency f)
{
    return f == Frequency::Weekly ? QStringLiteral("weekly") : QStringLiteral("monthly");
}

std::optional<Recurrence::Frequency> Recurrence::frequencyFromName(const QString &name)
{
    if (name == QLatin1String("weekly"))
        return Frequency::Weekly;
    if (name == QLatin1String("monthly"))
        return Frequency::Monthly;
    return std::nullopt;
}

Status Recurrence::validate(QDate firstDate) const
{
    if (!firstDate.isValid())
        return fail(tr("A series needs a first date."));
    if (interval < 1 || interval > 52)
        return fail(tr("A series repeats every 1 to 52 weeks or months; got %1.").arg(interval));
    if (until.isValid() == (count > 0))
        return fail(tr("A series ends either on a date or after a number of appointments."));
    if (count > MaxOccurrences)
        return fail(tr("A series can have at most %1 appointments.").arg(MaxOccurrences));
    if (count < 0)
        return fail(tr("The number of appointments must be positive."));
    if (until.isValid() && until < firstDate)
        return fail(
            tr("The series would end (%1) before it starts (%2).")
                .arg(LocaleFormat::fullYearDate(until), LocaleFormat::fullYearDate(firstDate)));
    return {};
}

Result<QList<QDate>> Recurrence::dates(QDate firstDate) const
{
    if (auto s = validate(firstDate); !s)
        return fail(s.error());
    QList<QDate> out;
    for (int i = 0;; ++i) {
        QDate d;
        if (frequency == Frequency::Weekly) {
            d = firstDate.addDays(qint64(i) * 7 * interval);
        } else {
            // QDate::addMonths clamps to the month's last day and counts from the first date.
            d = firstDate.addMonths(i * interval);
        }
        if (count > 0 && i >= count)
            break;
        if (until.isValid() && d > until)
            break;
        if (out.size() >= MaxOccurrences)
            return fail(tr("The series would have more than %1 appointments; end it sooner.")
                            .arg(MaxOccurrences));
        out.append(d);
    }
    return out;
}

Result<QList<Recurrence::Occurrence>> Recurrence::expand(QDate firstDate, int minuteOfDay,
                                                         int minutes, const QTimeZone &zone) const
{
    if (minuteOfDay < 0 || minuteOfDay >= 24 * 60)
        return fail(tr("The time of day must lie within the day."));
    if (minutes <= 0)
        return fail(tr("An appointment must last at least a minute."));
    auto ds = dates(firstDate);
    if (!ds)
        return fail(ds.error());
    QList<Occurrence> out;
    for (int i = 0; i < ds->size(); ++i) {
        const QDateTime start = LocalTime::toUtc(ds->at(i), minuteOfDay, zone);
        out.append({i, ds->at(i), start, start.addSecs(qint64(minutes) * 60)});
    }
    return out;
}

} // namespace frontdesk
