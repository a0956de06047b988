#pragma once

#include "domain/Appointment.h"
#include "domain/Practitioner.h"
#include "domain/Recall.h"
#include "scheduling/ScheduleException.h"

#include <QDate>
#include <QHash>
#include <QList>
#include <QMultiHash>
#include <QSet>
#include <QString>
#include <QTimeZone>

namespace frontdesk {

// One appointment as the figures see it.
struct KpiAppointmentFact
{
    QString id; // empty unless loaded for a drill-down
    QString patientId;
    QString practitionerId;
    qint64 startMs = 0;
    qint64 endMs = 0;
    qint64 createdMs = 0;
    AppointmentStatus status = AppointmentStatus::Booked;
    // For a cancelled appointment: when its standing cancellation was made (the latest change
    // to 'cancelled' that was not reverted; the record's last change without history).
    qint64 cancelledAtMs = 0;
};

struct KpiMessageFact
{
    QString id;
    QString patientId;
    QString appointmentId; // empty: about no appointment
    QString purpose;
    QString status;
    QString body;    // inbound only: the reply, to read a confirmation from
    qint64 atMs = 0; // sent (outbound) or received (inbound)
};

struct KpiNoShowFact
{
    QString patientId;
    qint64 startMs = 0;
};

struct KpiPractitionerFact
{
    QString id;
    QString name;
    QList<WorkingHours> hours; // those the location filter allows
};

// The minimal facts the dashboard's figures are computed from, for a filter's current and
// previous periods. KpiLoader reads them from the database; tests may build them by hand.
struct KpiFacts
{
    QTimeZone zone;
    QDate asOf;       // today in the clinic's zone
    qint64 nowMs = 0; // the clock's now
    int lateCancellationHours = 24;

    // Live appointments matching the filter that start in [previous.from, to].
    QList<KpiAppointmentFact> appointments;
    // Patient -> start of their earliest live, not-cancelled appointment ever (any filter), for
    // the patients whose first visit is on or after previous.from; anyone else with a visit in
    // the range had one before it.
    QHash<QString, qint64> firstVisitMs;
    // Patients seen (in room or completed) in the period before the previous one, matching the
    // filter: the base of the previous period's retention.
    QSet<QString> seenBeforePrevious;
    // No-shows matching the filter in the 365 days before the end of either period.
    QList<KpiNoShowFact> noShows;
    // Patient -> start of their latest live booked or confirmed appointment (any filter).
    QHash<QString, qint64> latestBookedMs;
    // Outbound messages sent (status sent or delivered) in [previous.from, to], matching the
    // filter through their appointment.
    QList<KpiMessageFact> outbound;
    // Inbound messages received from previous.from until the response window after `to`.
    QList<KpiMessageFact> inbound;
    // Appointment -> times it was changed to 'confirmed' (not reverted).
    QMultiHash<QString, qint64> confirmedAtMs;
    // Open recalls matching the filter, overdue as of min(to + 1, asOf) and not covered by an
    // appointment on or after their due date.
    QList<Recall> overdueRecalls;
    // Active practitioners matching the filter, by name, with their working hours.
    QList<KpiPractitionerFact> practitioners;
    // Holidays, leave and blocked time overlapping [previous.from, to].
    QList<ScheduleException> exceptions;
};

} // namespace frontdesk
