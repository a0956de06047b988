#pragma once

#include "core/Result.h"
#include "domain/StatusChange.h"

#include <QCoreApplication>
#include <QList>

namespace frontdesk {

// The legal life of an appointment:
//   booked -> confirmed -> arrived -> in-room -> completed
//   booked | confirmed | arrived -> cancelled (with a reason, by the patient or the clinic)
//   booked | confirmed -> no-show (only once the appointment has begun)
// Completed, cancelled and no-show are final; a mistaken change is undone by a revert, which
// restores the status before it and leaves both rows in the history.
class StatusTransitions
{
    Q_DECLARE_TR_FUNCTIONS(StatusTransitions)
public:
    struct Request
    {
        AppointmentStatus to = AppointmentStatus::Booked;
        QString reason;
        CancelledBy cancelledBy = CancelledBy::Nobody;
    };

    static bool isAllowed(AppointmentStatus from, AppointmentStatus to);
    static QList<AppointmentStatus> next(AppointmentStatus from);
    static bool isFinal(AppointmentStatus status) { return next(status).isEmpty(); }

    // Whether appointment may change as asked at nowMs; the refusal says why.
    static Status check(const Appointment &appointment, const Request &request, qint64 nowMs);

    // The change a revert would undo: the latest change not already undone, when the
    // appointment is still in the status it set. History in the order it was written.
    static std::optional<StatusChange> revertible(const QList<StatusChange> &history,
                                                  AppointmentStatus current);
    // When the patient checked in, if the arrival stands (was not reverted since).
    static std::optional<qint64> arrivedAtMs(const QList<StatusChange> &history);
};

} // namespace frontdesk
