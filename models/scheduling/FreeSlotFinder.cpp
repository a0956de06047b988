#include "FreeSlotFinder.h"

#include "scheduling/LocalTime.h"

#include <algorithm>

namespace frontdesk {

namespace {
constexpr qint64 kMsPerMinute = 60 * 1000;

bool inside(const QList<TimeSpan> &free, qint64 start, qint64 end)
{
    auto it = std::upper_bound(free.begin(), free.end(), start,
                               [](qint64 v, const TimeSpan &s) { return v < s.startMs; });
    if (it == free.begin())
        return false;
    --it;
    return it->startMs <= start && end <= it->endMs;
}
} // namespace

QList<FreeSlot> FreeSlotFinder::findFor(const PractitionerAvailability &p, const SlotQuery &q) const
{
    QList<FreeSlot> out;
    if (q.minutes <= 0 || q.count <= 0 || p.slotMinutes <= 0 || !(q.fromUtc < q.untilUtc))
        return out;
    const qint64 from = q.fromUtc.toMSecsSinceEpoch();
    const qint64 until = q.untilUtc.toMSecsSinceEpoch();
    const qint64 length = q.minutes * kMsPerMinute;
    const QDate firstDay = q.fromUtc.toTimeZone(m_zone).date();
    const QDate lastDay = q.untilUtc.toTimeZone(m_zone).date();

    // Working time from the day before (a block ending at midnight joins the next day's) to
    // the day after the last one (a slot may run into it).
    QList<TimeSpan> working;
    for (QDate day = firstDay.addDays(-1); day <= lastDay.addDays(1); day = day.addDays(1)) {
        for (const WorkingHours &h : p.hours) {
            if (h.weekday != day.dayOfWeek())
                continue;
            working.append({LocalTime::toUtc(day, h.startMinute, m_zone).toMSecsSinceEpoch(),
                            LocalTime::toUtc(day, h.endMinute, m_zone).toMSecsSinceEpoch()});
        }
    }
    const QList<TimeSpan> free =
        TimeSpan::subtract(TimeSpan::merged(working), TimeSpan::merged(p.busy));
    if (free.isEmpty())
        return out;

    QList<WorkingHours> hours = p.hours;
    std::sort(hours.begin(), hours.end(), [](const WorkingHours &a, const WorkingHours &b) {
        return a.startMinute < b.startMinute;
    });
    for (QDate day = firstDay; day <= lastDay && out.size() < q.count; day = day.addDays(1)) {
        if (!q.weekdays.isEmpty() && !q.weekdays.contains(day.dayOfWeek()))
            continue;
        for (const WorkingHours &h : hours) {
            if (h.weekday != day.dayOfWeek())
                continue;
            for (int m = h.startMinute; m < h.endMinute && out.size() < q.count;
                 m += p.slotMinutes) {
                if (!q.windows.isEmpty()) {
                    const bool fits = std::any_of(
                        q.windows.begin(), q.windows.end(), [&](const std::pair<int, int> &w) {
                            return m >= w.first && m + q.minutes <= w.second;
                        });
                    if (!fits)
                        continue;
                }
                const auto start = LocalTime::exactUtc(day, m, m_zone);
                if (!start)
                    continue;
                const qint64 s = start->toMSecsSinceEpoch();
                if (s < from || s >= until)
                    continue;
                if (!inside(free, s, s + length))
                    continue;
                if (!out.isEmpty() && out.last().startUtc.toMSecsSinceEpoch() == s)
                    continue; // two blocks on one grid point
                out.append({p.practitionerId, *start,
                            QDateTime::fromMSecsSinceEpoch(s + length, Qt::UTC)});
            }
        }
    }
    return out;
}

QList<FreeSlot> FreeSlotFinder::find(const QList<PractitionerAvailability> &practitioners,
                                     const SlotQuery &query) const
{
    QList<FreeSlot> all;
    QHash<QString, int> order;
    for (const PractitionerAvailability &p : practitioners) {
        order.insert(p.practitionerId, int(order.size()));
        all += findFor(p, query);
    }
    std::stable_sort(all.begin(), all.end(), [&](const FreeSlot &a, const FreeSlot &b) {
        if (a.startUtc != b.startUtc)
            return a.startUtc < b.startUtc;
        return order.value(a.practitionerId) < order.value(b.practitionerId);
    });
    if (all.size() > query.count)
        all.resize(query.count);
    return all;
}

} // namespace frontdesk
