#include "WaitlistMatcher.h"

#include "scheduling/LocalTime.h"

#include <algorithm>

namespace frontdesk {

bool WaitlistMatcher::suits(const WaitlistEntry &e, const FreeSlot &slot) const
{
    if (e.status != QLatin1String("waiting") || e.meta.deleted)
        return false;
    if (!e.practitionerId.isEmpty() && e.practitionerId != slot.practitionerId)
        return false;
    if (slot.startUtc.secsTo(slot.endUtc) < qint64(e.minutes) * 60)
        return false;
    if (e.notAfter.isValid() && slot.startUtc >= e.notAfter)
        return false;
    const QDateTime local = slot.startUtc.toTimeZone(m_zone);
    if (!e.weekdays.isEmpty() && !e.weekdays.contains(local.date().dayOfWeek()))
        return false;
    const int minute = LocalTime::minuteOfDay(slot.startUtc, m_zone);
    return minute >= e.earliestMinute && minute + e.minutes <= e.latestMinute;
}

QList<WaitlistEntry> WaitlistMatcher::matches(const QList<WaitlistEntry> &entries,
                                              const FreeSlot &slot) const
{
    QList<WaitlistEntry> out;
    for (const WaitlistEntry &e : entries) {
        if (suits(e, slot))
            out.append(e);
    }
    std::stable_sort(out.begin(), out.end(), [](const WaitlistEntry &a, const WaitlistEntry &b) {
        return a.meta.createdAt < b.meta.createdAt;
    });
    return out;
}

} // namespace frontdesk
