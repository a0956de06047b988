#pragma once

#include "domain/RecordMeta.h"

#include <QString>

namespace frontdesk {

// What can be booked; appointments.type holds the code.
struct AppointmentType
{
    RecordMeta meta;
    QString code; // "consultation"
    QString name; // "Consultation"
    int defaultMinutes = 15;
    QString color; // #rrggbb
    bool active = true;
};

} // namespace frontdesk
