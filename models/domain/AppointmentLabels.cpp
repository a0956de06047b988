#include "AppointmentLabels.h"

namespace frontdesk {

QString AppointmentLabels::status(AppointmentStatus status)
{
    switch (status) {
    case AppointmentStatus::Booked:
        return tr("Booked");
    case AppointmentStatus::Confirmed:
        return tr("Confirmed");
    case AppointmentStatus::Arrived:
        return tr("Arrived");
    case AppointmentStatus::InRoom:
        return tr("In room");
    case AppointmentStatus::Completed:
        return tr("Completed");
    case AppointmentStatus::Cancelled:
        return tr("Cancelled");
    case AppointmentStatus::NoShow:
        return tr("No-show");
    }
    return {};
}

QString AppointmentLabels::type(const QString &type)
{
    if (type == QLatin1String("consultation"))
        return tr("Consultation");
    if (type == QLatin1String("follow-up"))
        return tr("Follow-up");
    if (type == QLatin1String("check-up"))
        return tr("Check-up");
    if (type == QLatin1String("vaccination"))
        return tr("Vaccination");
    if (type == QLatin1String("procedure"))
        return tr("Procedure");
    return type;
}

} // namespace frontdesk
