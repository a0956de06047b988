#pragma once

#include <QList>

namespace frontdesk {

// A half-open span of time [startMs, endMs) in UTC milliseconds, and the set operations that
// scheduling (free slots) and the dashboard (available minutes) both build on.
struct TimeSpan
{
    qint64 startMs = 0;
    qint64 endMs = 0;
    bool overlaps(const TimeSpan &o) const { return startMs < o.endMs && o.startMs < endMs; }

    // Sorted by start, overlapping or touching spans joined, empty spans dropped.
    static QList<TimeSpan> merged(QList<TimeSpan> spans);
    // available minus busy; both sorted and merged (see merged()).
    static QList<TimeSpan> subtract(const QList<TimeSpan> &available, const QList<TimeSpan> &busy);
    static qint64 totalMs(const QList<TimeSpan> &spans);
};

} // namespace frontdesk
