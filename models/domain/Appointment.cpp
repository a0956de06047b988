#include "Appointment.h"

#include <array>
#include <utility>

namespace frontdesk {

namespace {
const std::array<std::pair<AppointmentStatus, const char *>, 7> kStatusNames{{
    {AppointmentStatus::Booked, "booked"},
    {AppointmentStatus::Confirmed, "confirmed"},
    {AppointmentStatus::Arrived, "arrived"},
    {AppointmentStatus::InRoom, "in-room"},
    {AppointmentStatus::Completed, "completed"},
    {AppointmentStatus::Cancelled, "cancelled"},
    {AppointmentStatus::NoShow, "no-show"},
}};
} // namespace

QString appointmentStatusName(AppointmentStatus status)
{
    for (const auto &[s, name] : kStatusNames) {
        if (s == status)
            return QString::fromLatin1(name);
    }
    return {};
}

std::optional<AppointmentStatus> appointmentStatusFromName(const QString &name)
{
    for (const auto &[s, n] : kStatusNames) {
        if (name == QLatin1String(n))
            return s;
    }
    return std::nullopt;
}

std::optional<AppointmentStatus> appointmentStatusFromUtf8(QByteArrayView name)
{
    for (const auto &[s, n] : kStatusNames) {
        if (name == QByteArrayView(n))
            return s;
    }
    return std::nullopt;
}

} // namespace frontdesk
