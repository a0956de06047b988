#include "LocalTime.h"

#include <algorithm>
#include <array>

namespace frontdesk {

namespace {
constexpr qint64 kMsPerMinute = 60 * 1000;
constexpr qint64 kMsPerDay = 24 * 60 * kMsPerMinute;

// The wall time read as if it were UTC: what an offset is subtracted from.
qint64 naiveMs(QDate date, int minuteOfDay)
{
    return QDateTime(date, QTime(0, 0), Qt::UTC).toMSecsSinceEpoch() + minuteOfDay * kMsPerMinute;
}

int offsetMsAt(const QTimeZone &zone, qint64 utcMs)
{
    return zone.offsetFromUtc(QDateTime::fromMSecsSinceEpoch(utcMs, Qt::UTC)) * 1000;
}

// Every instant whose wall time in the zone is naive, earliest first. Zones change their
// offset at most once within a day and a half, so the offsets around are all candidates.
std::optional<qint64> firstMatching(qint64 naive, const QTimeZone &zone)
{
    const std::array<int, 3> offsets{offsetMsAt(zone, naive - kMsPerDay * 3 / 2),
                                     offsetMsAt(zone, naive),
                                     offsetMsAt(zone, naive + kMsPerDay * 3 / 2)};
    std::optional<qint64> best;
    for (int offset : offsets) {
        const qint64 utc = naive - offset;
        if (offsetMsAt(zone, utc) == offset && (!best || utc < *best))
            best = utc;
    }
    return best;
}
} // namespace

std::optional<QDateTime> LocalTime::exactUtc(QDate date, int minuteOfDay, const QTimeZone &zone)
{
    const auto utc = firstMatching(naiveMs(date, minuteOfDay), zone);
    if (!utc)
        return std::nullopt;
    return QDateTime::fromMSecsSinceEpoch(*utc, Qt::UTC);
}

QDateTime LocalTime::toUtc(QDate date, int minuteOfDay, const QTimeZone &zone)
{
    const qint64 naive = naiveMs(date, minuteOfDay);
    if (const auto utc = firstMatching(naive, zone))
        return QDateTime::fromMSecsSinceEpoch(*utc, Qt::UTC);
    const int before = offsetMsAt(zone, naive - kMsPerDay * 3 / 2);
    return QDateTime::fromMSecsSinceEpoch(naive - before, Qt::UTC);
}

int LocalTime::minuteOfDay(const QDateTime &utc, const QTimeZone &zone)
{
    const QTime t = utc.toTimeZone(zone).time();
    return t.hour() * 60 + t.minute();
}

} // namespace frontdesk
