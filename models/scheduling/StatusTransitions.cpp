#include "StatusTransitions.h"

#include "domain/AppointmentLabels.h"

namespace frontdesk {

namespace {
using S = AppointmentStatus;

// The changes still in force: reverts take back the change they name.
QList<StatusChange> standing(const QList<StatusChange> &history)
{
    QList<StatusChange> stack;
    for (const StatusChange &c : history) {
        if (!c.isRevert()) {
            stack.append(c);
            continue;
        }
        for (qsizetype i = stack.size() - 1; i >= 0; --i) {
            if (stack.at(i).meta.id == c.revertsId) {
                stack.remove(i);
                break;
            }
        }
    }
    return stack;
}

QString statusLabel(AppointmentStatus s)
{
    return AppointmentLabels::status(s);
}
} // namespace

QList<AppointmentStatus> StatusTransitions::next(AppointmentStatus from)
{
    switch (from) {
    case S::Booked:
        return {S::Confirmed, S::Arrived, S::Cancelled, S::NoShow};
    case S::Confirmed:
        return {S::Arrived, S::Cancelled, S::NoShow};
    case S::Arrived:
        return {S::InRoom, S::Cancelled};
    case S::InRoom:
        return {S::Completed};
    case S::Completed:
    case S::Cancelled:
    case S::NoShow:
        return {};
    }
    return {};
}

bool StatusTransitions::isAllowed(AppointmentStatus from, AppointmentStatus to)
{
    return next(from).contains(to);
}

Status StatusTransitions::check(const Appointment &a, const Request &r, qint64 nowMs)
{
    if (a.status == r.to)
        return fail(tr("The appointment is already “%1”.").arg(statusLabel(r.to)));
    if (!isAllowed(a.status, r.to)) {
        if (isFinal(a.status))
            return fail(tr("The appointment is “%1”, which is final: it cannot become “%2”. If the "
                           "status was set by mistake, revert it.")
                            .arg(statusLabel(a.status), statusLabel(r.to)));
        return fail(tr("An appointment that is “%1” cannot become “%2”.")
                        .arg(statusLabel(a.status), statusLabel(r.to)));
    }
    if (r.to == S::Cancelled) {
        if (r.reason.trimmed().isEmpty())
            return fail(tr("Say why the appointment is cancelled."));
        if (r.cancelledBy == CancelledBy::Nobody)
            return fail(tr("Say who cancelled the appointment: the patient or the clinic."));
    } else if (r.cancelledBy != CancelledBy::Nobody) {
        return fail(tr("Only a cancellation names who cancelled."));
    }
    if (r.to == S::NoShow && nowMs < a.start.toMSecsSinceEpoch())
        return fail(tr("A patient can only be marked as not having come once the appointment "
                       "has begun."));
    return {};
}

std::optional<StatusChange> StatusTransitions::revertible(const QList<StatusChange> &history,
                                                          AppointmentStatus current)
{
    const QList<StatusChange> stack = standing(history);
    if (stack.isEmpty())
        return std::nullopt;
    const StatusChange &last = stack.last();
    // The booking itself is not a status change that can be taken back.
    if (!last.from || last.to != current)
        return std::nullopt;
    return last;
}

std::optional<qint64> StatusTransitions::arrivedAtMs(const QList<StatusChange> &history)
{
    const QList<StatusChange> stack = standing(history);
    for (qsizetype i = stack.size() - 1; i >= 0; --i) {
        if (stack.at(i).to == S::Arrived)
            return stack.at(i).changedAtMs;
    }
    return std::nullopt;
}

} // namespace frontdesk
