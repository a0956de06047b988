#include "UsualRoom.h"

#include <QHash>

#include <limits>

namespace frontdesk {

QString UsualRoom::at(const QList<WorkingHours> &hours, int weekday, int minute)
{
    QString nearest;
    int nearestDistance = std::numeric_limits<int>::max();
    QHash<QString, int> minutesPerRoom;
    QString most;
    for (const WorkingHours &h : hours) {
        if (h.locationId.isEmpty())
            continue;
        const int length = h.endMinute - h.startMinute;
        const int total = minutesPerRoom[h.locationId] += length;
        // Ties go to the room that comes first, so the answer does not depend on hash order.
        if (most.isEmpty() || total > minutesPerRoom.value(most))
            most = h.locationId;
        if (h.weekday != weekday)
            continue;
        if (minute >= h.startMinute && minute < h.endMinute)
            return h.locationId;
        const int distance =
            minute < h.startMinute ? h.startMinute - minute : minute - h.endMinute + 1;
        if (distance < nearestDistance) {
            nearestDistance = distance;
            nearest = h.locationId;
        }
    }
    return nearest.isEmpty() ? most : nearest;
}

} // namespace frontdesk
