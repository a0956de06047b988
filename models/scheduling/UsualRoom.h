#pragma once

#include "domain/Practitioner.h"

#include <QList>
#include <QString>

namespace frontdesk {

// The room a practitioner usually works in at a time, from their weekly working hours: the
// room of the block that covers the time, else of that weekday's block nearest to it, else of
// the room they are scheduled in most across the week. Empty when no block names a room. A
// booking starts with it, and a person may still choose another.
struct UsualRoom
{
    // weekday: 1 = Monday ... 7 = Sunday; minute: after local midnight in the clinic's zone.
    static QString at(const QList<WorkingHours> &hours, int weekday, int minute);
};

} // namespace frontdesk
