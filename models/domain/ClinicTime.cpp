#include "ClinicTime.h"

#include "core/Clock.h"

namespace frontdesk {

ClinicTime ClinicTime::fromZoneName(const QString &ianaName)
{
    if (!ianaName.isEmpty()) {
        QTimeZone zone(ianaName.toUtf8());
        if (zone.isValid())
            return ClinicTime(zone);
    }
    return ClinicTime(QTimeZone::systemTimeZone());
}

QDate ClinicTime::today(const Clock &clock) const
{
    return clock.nowUtc().toTimeZone(m_zone).date();
}

QDateTime ClinicTime::startOfDayUtc(QDate day) const
{
    return day.startOfDay(m_zone).toUTC();
}

} // namespace frontdesk
