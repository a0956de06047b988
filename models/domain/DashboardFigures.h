#pragma once

#include "domain/Appointment.h"

#include <QList>
#include <QMap>

#include <optional>

namespace frontdesk {

// The front-desk figures for a period, and the one place that defines them.
//
// A period is a range of whole local days in the clinic's time zone, [first day 00:00, day
// after the last 00:00); an appointment belongs to the period its start falls in. Only live
// (not deleted) appointments count.
//   appointments    every appointment in the period, whatever its status
//   completed       status completed
//   no-shows        status no-show
//   cancellations   status cancelled
//   no-show rate    no-shows / (appointments - cancellations): of the visits that were meant
//                   to happen, the share the patient missed. Undefined when that is zero.
//                   Visits still to come in the period count in the denominator, so a day's
//                   rate rises as the day goes on.
//   patients seen   distinct patients with an appointment in room or completed
//                   (arrived means waiting, not yet seen)
struct DashboardFigures
{
    qint64 appointments = 0;
    qint64 completed = 0;
    qint64 noShows = 0;
    qint64 cancellations = 0;
    qint64 patientsSeen = 0;

    static DashboardFigures fromCounts(const QMap<AppointmentStatus, qint64> &byStatus,
                                       qint64 patientsSeen);
    static QList<AppointmentStatus> seenStatuses()
    {
        return {AppointmentStatus::InRoom, AppointmentStatus::Completed};
    }
    // A fraction from 0 to 1.
    std::optional<double> noShowRate() const;
};

} // namespace frontdesk
