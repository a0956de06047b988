#pragma once

namespace frontdesk {

// The dashboard's figures. What each one means is written once, in KpiDefinitions.
enum class Kpi
{
    Appointments,
    NoShowRate,
    LateCancellationRate,
    Utilisation,
    BookingLeadTime,
    NewPatients,
    ReturningPatients,
    Retention,
    RemindersSent,
    RemindersDelivered,
    RemindersConfirmed,
    ResponseRate,
    OverdueRecalls,
    PatientsAtRisk,
    // The 1-5 survey a follow-up after a visit asks (issue 18).
    SurveyAnswers,
    SurveyAverageScore,
    SurveyScore1,
    SurveyScore2,
    SurveyScore3,
    SurveyScore4,
    SurveyScore5,
    SurveyResponseRate,
};

// Fraction: 0..1; Days: a (median) number of days; Score: an average of 1-5 answers.
enum class KpiUnit
{
    Count,
    Fraction,
    Days,
    Score,
};

// What a figure's drill-down lists.
enum class KpiSubject
{
    Appointments,
    Patients,
    Messages,
    Recalls,
    SurveyAnswers,
};

} // namespace frontdesk
