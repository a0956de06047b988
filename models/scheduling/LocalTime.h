#pragma once

#include <QDate>
#include <QDateTime>
#include <QTimeZone>

#include <optional>

namespace frontdesk {

// Wall-clock times in the clinic's zone and the instants they name. Qt 6.4 calls a time in a
// DST gap invalid and picks the later instant of a repeated hour; scheduling needs both
// cases decided the same way everywhere, so they are decided here (as RFC 5545 does).
class LocalTime
{
public:
    // The instant of a wall time: in a gap (02:30 on a spring-forward night) the offset from
    // before the gap is used, giving 03:30 summer time; in a repeated hour the first one.
    static QDateTime toUtc(QDate date, int minuteOfDay, const QTimeZone &zone);
    // The instant only when that wall time exists on that day (nullopt in a gap).
    static std::optional<QDateTime> exactUtc(QDate date, int minuteOfDay, const QTimeZone &zone);
    // Minutes after local midnight of an instant, in the zone.
    static int minuteOfDay(const QDateTime &utc, const QTimeZone &zone);
};

} // namespace frontdesk
