#pragma once

#include "domain/RecordMeta.h"

#include <QString>

namespace frontdesk {

struct Practitioner
{
    RecordMeta meta;
    QString familyName;
    QString givenName;
    QString prefix; // "Dr."
    QString specialty;
    QString phone;
    QString email;
    int slotMinutes = 15;
    QString color; // #rrggbb, for the schedule
    bool active = true;

    QString displayName() const
    {
        const QString name =
            givenName.isEmpty() ? familyName : givenName + QLatin1Char(' ') + familyName;
        return prefix.isEmpty() ? name : prefix + QLatin1Char(' ') + name;
    }
};

// A weekly block of working time, in minutes after local midnight in the clinic's time zone.
struct WorkingHours
{
    RecordMeta meta;
    QString practitionerId;
    int weekday = 1; // 1 = Monday ... 7 = Sunday (Qt::DayOfWeek)
    int startMinute = 0;
    int endMinute = 0;
    QString locationId;
};

} // namespace frontdesk
