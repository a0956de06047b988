#pragma once

#include "domain/RecordMeta.h"

#include <QDate>
#include <QString>

namespace frontdesk {

// The rule a recurring series was expanded from (appointment_series); its occurrences are
// ordinary appointments that name it (appointments.series_id). Local dates and the minute of
// day are in timeZone, so the series keeps its wall time across DST changes.
struct AppointmentSeries
{
    RecordMeta meta;
    QString frequency = QStringLiteral("weekly"); // weekly | monthly
    int interval = 1;                             // every N weeks / months
    QDate firstLocalDate;
    int localStartMinute = 0;
    int minutes = 15;
    QDate until;         // last day an occurrence may fall on; or
    int occurrences = 0; // the number of occurrences (0: until decides)
    QString timeZone;    // IANA name, e.g. "Europe/Berlin"
};

} // namespace frontdesk
