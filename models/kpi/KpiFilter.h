#pragma once

#include "core/Result.h"

#include <QCoreApplication>
#include <QDate>
#include <QString>

namespace frontdesk {

// Which appointments a dashboard counts: a range of local days in the clinic's time zone and
// optional narrowing by practitioner, location and appointment type.
struct KpiFilter
{
    Q_DECLARE_TR_FUNCTIONS(frontdesk::KpiFilter)
public:
    QDate from;              // first local day (clinic time zone), inclusive
    QDate to;                // last local day, inclusive
    QString practitionerId;  // empty = all
    QString locationId;      // empty = all
    QString appointmentType; // empty = all (appointment_types code as stored in appointments.type)

    static constexpr int MaxDays = 366 * 3;

    int days() const;
    // Same filters, the same number of days immediately before `from`.
    KpiFilter previous() const;
    Status validate() const;
};

} // namespace frontdesk
