#pragma once

#include "domain/Appointment.h"

#include <QCoreApplication>
#include <QString>

namespace frontdesk {

// An appointment's status and type as the schedule, the dashboard and their exports name them.
class AppointmentLabels
{
    Q_DECLARE_TR_FUNCTIONS(AppointmentLabels)
public:
    static QString status(AppointmentStatus status);
    // A type the clinic added itself has no translation and reads as stored.
    static QString type(const QString &type);
};

} // namespace frontdesk
