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
};

// Fraction: 0..1; Days: a (median) number of days.
enum class KpiUnit
{
    Count,
    Fraction,
    Days,
};

// What a figure's drill-down lists.
enum class KpiSubject
{
    Appointments,
    Patients,
    Messages,
    Recalls,
};

} // namespace frontdesk
