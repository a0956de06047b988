#pragma once

#include "core/Result.h"

#include <QString>

namespace frontdesk {

// Quiet hours as minutes after local midnight; start == end means none. May wrap midnight.
struct QuietHours
{
    int startMinute = 0;
    int endMinute = 0;

    bool isEmpty() const { return startMinute == endMinute; }
    bool contains(int minuteOfDay) const;
    // "HH:MM-HH:MM"; an empty text is no quiet hours, anything else unreadable fails.
    static Result<QuietHours> parse(const QString &text);
    QString toString() const;
};

} // namespace frontdesk
