#include "TimeSpan.h"

#include <algorithm>

namespace frontdesk {

QList<TimeSpan> TimeSpan::merged(QList<TimeSpan> spans)
{
    std::sort(spans.begin(), spans.end(),
              [](const TimeSpan &a, const TimeSpan &b) { return a.startMs < b.startMs; });
    QList<TimeSpan> out;
    for (const TimeSpan &s : spans) {
        if (s.endMs <= s.startMs)
            continue;
        if (!out.isEmpty() && s.startMs <= out.last().endMs)
            out.last().endMs = std::max(out.last().endMs, s.endMs);
        else
            out.append(s);
    }
    return out;
}

QList<TimeSpan> TimeSpan::subtract(const QList<TimeSpan> &available, const QList<TimeSpan> &busy)
{
    QList<TimeSpan> out;
    qsizetype b = 0;
    for (TimeSpan a : available) {
        while (b < busy.size() && busy.at(b).endMs <= a.startMs)
            ++b;
        qsizetype i = b;
        while (i < busy.size() && busy.at(i).startMs < a.endMs) {
            if (busy.at(i).startMs > a.startMs)
                out.append({a.startMs, busy.at(i).startMs});
            a.startMs = std::max(a.startMs, busy.at(i).endMs);
            ++i;
        }
        if (a.startMs < a.endMs)
            out.append(a);
    }
    return out;
}

qint64 TimeSpan::totalMs(const QList<TimeSpan> &spans)
{
    qint64 total = 0;
    for (const TimeSpan &s : spans)
        total += s.endMs - s.startMs;
    return total;
}

} // namespace frontdesk
