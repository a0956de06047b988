#pragma once

#include "domain/Appointment.h"
#include "domain/Practitioner.h"
#include "domain/Recall.h"
#include "domain/ScheduleException.h"
#include "kpi/KpiIds.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QTimeZone>

#include <utility>
#include <vector>

namespace frontdesk {

// One appointment as the figures see it.
struct KpiAppointmentFact
{
    QString id;            // empty unless loaded for a drill-down
    int patient = -1;      // in KpiFacts::patientIds
    int practitioner = -1; // in KpiFacts::practitionerIds
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
    QString id;           // empty unless loaded for a drill-down
    int patient = -1;     // in KpiFacts::patientIds
    int appointment = -1; // in KpiFacts::appointmentIds; -1: about no appointment
    qint64 atMs = 0;      // sent (outbound) or received (inbound)
    // Outbound: a reminder (not another purpose), and whether its delivery was reported.
    bool reminder = false;
    bool delivered = false;
    // Outbound: its appointment's status was changed to 'confirmed' at or after it was sent,
    // and that change was not reverted.
    bool appointmentConfirmed = false;
    // Inbound: the reply confirms (KpiDefinitions::confirms).
    bool confirms = false;
    // Outbound: the survey a follow-up asked (purpose survey), and whether it was answered.
    bool survey = false;
    bool surveyAnswered = false;
};

// One answer to the follow-up's 1-5 survey (survey_answers).
struct KpiSurveyAnswerFact
{
    QString id;       // empty unless loaded for a drill-down
    int patient = -1; // in KpiFacts::patientIds
    qint64 atMs = 0;  // when it was answered
    int score = 0;    // 1..5
};

struct KpiNoShowFact
{
    int patient = -1; // in KpiFacts::patientIds
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

    KpiIds patientIds;
    KpiIds practitionerIds;
    KpiIds appointmentIds; // those messages are about

    // Live appointments matching the filter that start in [previous.from, to].
    std::vector<KpiAppointmentFact> appointments;
    // Patient -> start of their earliest live, not-cancelled appointment ever (any filter), for
    // the patients whose first visit is on or after previous.from; anyone else with a visit in
    // the range had one before it.
    std::vector<std::pair<int, qint64>> firstVisits;
    // Patients seen (in room or completed) in the period before the previous one, matching the
    // filter: the base of the previous period's retention. A patient may be listed more than
    // once.
    std::vector<int> seenBeforePrevious;
    // No-shows matching the filter in the 365 days before the end of either period.
    std::vector<KpiNoShowFact> noShows;
    // Patient -> start of their latest live booked or confirmed appointment (any filter), among
    // those starting from the end of the previous period (or from now, if that is earlier).
    std::vector<std::pair<int, qint64>> latestBooked;
    // Outbound messages sent (status sent or delivered) in [previous.from, to], matching the
    // filter through their appointment.
    std::vector<KpiMessageFact> outbound;
    // Inbound messages received from previous.from until the response window after `to`.
    std::vector<KpiMessageFact> inbound;
    // Survey answers given in [previous.from, to], matching the filter through their
    // appointment.
    std::vector<KpiSurveyAnswerFact> surveyAnswers;
    // Open recalls matching the filter, overdue as of min(to + 1, asOf) and not covered by an
    // appointment on or after their due date.
    QList<RecallDue> overdueRecalls;
    // Active practitioners matching the filter, by name, with their working hours.
    QList<KpiPractitionerFact> practitioners;
    // Holidays, leave and blocked time overlapping [previous.from, to].
    QList<ScheduleException> exceptions;
};

} // namespace frontdesk
