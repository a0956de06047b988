#include "KpiDefinitions.h"

#include "domain/ReplyWords.h"

#include <QMutex>
#include <QRegularExpression>

#include <map>

namespace frontdesk {

namespace {

// One bar of the survey's distribution: the answers with this score.
KpiDefinition scoreDefinition(Kpi kpi, int score, const QString &surveyFilter)
{
    return {kpi,
            QStringLiteral("survey-score-%1").arg(score),
            KpiDefinitions::tr("Survey answers: %1").arg(score),
            KpiDefinitions::tr("Of the survey answers given in the period, those scoring %1 (1 "
                               "poor, 5 very good); shown as a number of the answers. %2")
                .arg(score)
                .arg(surveyFilter),
            KpiUnit::Count,
            KpiSubject::SurveyAnswers,
            KpiDirection::Neutral};
}

QList<KpiDefinition> build()
{
    const QString period = KpiDefinitions::tr(
        "The period is the chosen local days in the clinic's time zone, from the first "
        "day 00:00 to the day after the last 00:00; an appointment belongs to the period "
        "its start falls in. Deleted records never count.");
    const QString filters =
        KpiDefinitions::tr("The practitioner, location and appointment-type filters "
                           "narrow the appointments counted.");
    const QString surveyFilter =
        KpiDefinitions::tr("An answer belongs to the period its time falls in, in the clinic's "
                           "time zone. With a filter, only answers about an appointment that "
                           "matches it count.");
    return {
        {Kpi::Appointments, QStringLiteral("appointments"), KpiDefinitions::tr("Appointments"),
         KpiDefinitions::tr(
             "Appointments in the period, whatever their status (booked, confirmed, arrived, "
             "in room, completed, cancelled or no-show). %1 %2")
             .arg(period, filters),
         KpiUnit::Count, KpiSubject::Appointments, KpiDirection::Neutral},
        {Kpi::NoShowRate, QStringLiteral("no-show-rate"), KpiDefinitions::tr("No-show rate"),
         KpiDefinitions::tr(
             "No-shows divided by the appointments in the period that were not cancelled: of "
             "the visits that were meant to happen, the share the patient missed. Undefined "
             "when no appointment remains. Visits still to come count in the base. %1 %2")
             .arg(period, filters),
         KpiUnit::Fraction, KpiSubject::Appointments, KpiDirection::LowerIsBetter},
        {Kpi::LateCancellationRate, QStringLiteral("late-cancellation-rate"),
         KpiDefinitions::tr("Late-cancellation rate"),
         KpiDefinitions::tr(
             "Appointments cancelled less than N hours before their start, divided by all "
             "appointments in the period. The cancellation time is the latest change to "
             "'cancelled' in the status history that was not reverted (the record's last "
             "change when the history has none). N is the setting "
             "late_cancellation_hours (default %1). Undefined without appointments. %2 %3")
             .arg(KpiDefinitions::DefaultLateCancellationHours)
             .arg(period, filters),
         KpiUnit::Fraction, KpiSubject::Appointments, KpiDirection::LowerIsBetter},
        {Kpi::Utilisation, QStringLiteral("utilisation"), KpiDefinitions::tr("Utilisation"),
         KpiDefinitions::tr(
             "Booked minutes divided by available minutes. Booked: the minutes of the "
             "period's appointments that were not cancelled, no-shows included (the time was "
             "held), clipped to the period. Available: the weekly working hours of each "
             "active practitioner matching the filter on each day of the period, in the "
             "clinic's local time (a day with a daylight-saving change has 23 or 25 hours), "
             "less holidays, leave and blocked time - the same availability the schedule "
             "offers for booking. With a location filter, only working hours at that location "
             "count; with a type filter, only that type's minutes count as booked. Undefined "
             "when nothing was available. %1")
             .arg(period),
         KpiUnit::Fraction, KpiSubject::Appointments, KpiDirection::HigherIsBetter},
        {Kpi::BookingLeadTime, QStringLiteral("booking-lead-time"),
         KpiDefinitions::tr("Booking lead time"),
         KpiDefinitions::tr(
             "The median, in days, of the time from booking (the record's creation) to the "
             "start, over the period's appointments that were not cancelled. Undefined "
             "without such appointments. %1 %2")
             .arg(period, filters),
         KpiUnit::Days, KpiSubject::Appointments, KpiDirection::LowerIsBetter},
        {Kpi::NewPatients, QStringLiteral("new-patients"), KpiDefinitions::tr("New patients"),
         KpiDefinitions::tr(
             "Distinct patients with an appointment in the period that was not cancelled, "
             "whose earliest appointment ever (not deleted, not cancelled, with any "
             "practitioner) falls in the period. %1 %2")
             .arg(period, filters),
         KpiUnit::Count, KpiSubject::Patients, KpiDirection::HigherIsBetter},
        {Kpi::ReturningPatients, QStringLiteral("returning-patients"),
         KpiDefinitions::tr("Returning patients"),
         KpiDefinitions::tr(
             "Distinct patients with an appointment in the period that was not cancelled "
             "who are not new: they had an earlier appointment that was not cancelled. %1 %2")
             .arg(period, filters),
         KpiUnit::Count, KpiSubject::Patients, KpiDirection::Neutral},
        {Kpi::Retention, QStringLiteral("retention"), KpiDefinitions::tr("Retention"),
         KpiDefinitions::tr(
             "Of the distinct patients seen (in room or completed) in the previous period of "
             "the same length, the share seen again in this period. Undefined when nobody "
             "was seen in the previous period. %1")
             .arg(filters),
         KpiUnit::Fraction, KpiSubject::Patients, KpiDirection::HigherIsBetter},
        {Kpi::RemindersSent, QStringLiteral("reminders-sent"), KpiDefinitions::tr("Reminders sent"),
         KpiDefinitions::tr(
             "Outbound messages with the purpose 'reminder' sent in the period (status sent "
             "or delivered; queued and failed messages were not sent). With a filter, only "
             "reminders about an appointment that matches it count."),
         KpiUnit::Count, KpiSubject::Messages, KpiDirection::Neutral},
        {Kpi::RemindersDelivered, QStringLiteral("reminders-delivered"),
         KpiDefinitions::tr("Reminders delivered"),
         KpiDefinitions::tr(
             "Of the reminders sent in the period, those whose delivery was reported "
             "(status delivered); shown as a number of the reminders sent."),
         KpiUnit::Count, KpiSubject::Messages, KpiDirection::Neutral},
        {Kpi::RemindersConfirmed, QStringLiteral("reminders-confirmed"),
         KpiDefinitions::tr("Reminders confirmed"),
         KpiDefinitions::tr(
             "Of the reminders sent in the period, those whose appointment was confirmed "
             "afterwards: the status history changed it to 'confirmed' at or after the "
             "reminder was sent (and the change was not reverted), or the patient answered "
             "about the same appointment with a reply starting with yes, y, ja, j, ok, c, 1 "
             "or confirm. "
             "Shown as a number of the reminders sent."),
         KpiUnit::Count, KpiSubject::Messages, KpiDirection::Neutral},
        {Kpi::ResponseRate, QStringLiteral("response-rate"), KpiDefinitions::tr("Response rate"),
         KpiDefinitions::tr(
             "Outbound messages sent in the period (any purpose) that got an inbound message "
             "from the same patient within %1 hours, divided by the outbound messages sent "
             "in the period. With a filter, only messages about an appointment that matches "
             "it count. Undefined when nothing was sent.")
             .arg(KpiDefinitions::ResponseWindowHours),
         KpiUnit::Fraction, KpiSubject::Messages, KpiDirection::HigherIsBetter},
        {Kpi::OverdueRecalls, QStringLiteral("overdue-recalls"),
         KpiDefinitions::tr("Overdue recalls (care gaps)"),
         KpiDefinitions::tr(
             "Open recalls due before the end of the period (or before today, when the "
             "period reaches into the future) whose patient has no appointment, not deleted, "
             "not cancelled and not a no-show, starting on or after the due date. Counted as "
             "of the end of the period, from the recalls' present state. With a practitioner "
             "filter, recalls for that practitioner or for nobody in particular count; the "
             "room and type filters do not apply to recalls."),
         KpiUnit::Count, KpiSubject::Recalls, KpiDirection::LowerIsBetter},
        {Kpi::PatientsAtRisk, QStringLiteral("patients-at-risk"),
         KpiDefinitions::tr("Patients at risk of disengaging"),
         KpiDefinitions::tr(
             "Patients with a no-show in the period, or with %1 or more no-shows in the %2 "
             "days before the end of the period, who have no booked or confirmed appointment "
             "(not deleted) starting after the end of the period - or after today, when the "
             "period ends in the future. The no-shows follow the filters; the future "
             "appointment may be with anyone.")
             .arg(KpiDefinitions::AtRiskNoShows)
             .arg(KpiDefinitions::AtRiskLookbackDays),
         KpiUnit::Count, KpiSubject::Patients, KpiDirection::LowerIsBetter},
        {Kpi::SurveyAnswers, QStringLiteral("survey-answers"), KpiDefinitions::tr("Survey answers"),
         KpiDefinitions::tr("Answers from 1 to 5 given in the period to the survey a follow-up "
                            "after a visit asks by SMS (one per survey: a later answer replaces "
                            "an earlier one). %1")
             .arg(surveyFilter),
         KpiUnit::Count, KpiSubject::SurveyAnswers, KpiDirection::Neutral},
        {Kpi::SurveyAverageScore, QStringLiteral("survey-average-score"),
         KpiDefinitions::tr("Average survey score"),
         KpiDefinitions::tr("The mean of the survey answers given in the period, from 1 (poor) "
                            "to 5 (very good). Undefined without answers. %1")
             .arg(surveyFilter),
         KpiUnit::Score, KpiSubject::SurveyAnswers, KpiDirection::HigherIsBetter},
        scoreDefinition(Kpi::SurveyScore1, 1, surveyFilter),
        scoreDefinition(Kpi::SurveyScore2, 2, surveyFilter),
        scoreDefinition(Kpi::SurveyScore3, 3, surveyFilter),
        scoreDefinition(Kpi::SurveyScore4, 4, surveyFilter),
        scoreDefinition(Kpi::SurveyScore5, 5, surveyFilter),
        {Kpi::SurveyResponseRate, QStringLiteral("survey-response-rate"),
         KpiDefinitions::tr("Survey response rate"),
         KpiDefinitions::tr("Surveys sent in the period (outbound messages with the purpose "
                            "'survey', status sent or delivered) that have an answer, divided "
                            "by the surveys sent in the period. Undefined when none was sent. "
                            "With a filter, only surveys about an appointment that matches it "
                            "count."),
         KpiUnit::Fraction, KpiSubject::Messages, KpiDirection::HigherIsBetter},
    };
}

} // namespace

const QList<KpiDefinition> &KpiDefinitions::all()
{
    // One list per language: the names and descriptions are translated when the list is
    // built, and the language may be chosen after the first figure was computed (Workstation →
    // Language, or a translator installed after start-up). Lists are never dropped, so a
    // reference handed out stays valid; there are as many as languages used in this process.
    static QMutex mutex;
    static std::map<QString, QList<KpiDefinition>> byLanguage;
    const QString language = tr("Appointments");
    const QMutexLocker lock(&mutex);
    auto found = byLanguage.find(language);
    if (found == byLanguage.end())
        found = byLanguage.emplace(language, build()).first;
    return found->second;
}

const KpiDefinition &KpiDefinitions::of(Kpi kpi)
{
    for (const KpiDefinition &d : all())
        if (d.kpi == kpi)
            return d;
    Q_UNREACHABLE();
}

const KpiDefinition *KpiDefinitions::byKey(const QString &key)
{
    for (const KpiDefinition &d : all())
        if (d.key == key)
            return &d;
    return nullptr;
}

bool KpiDefinitions::confirms(const QString &reply)
{
    return ReplyWords::confirms(reply);
}

} // namespace frontdesk
