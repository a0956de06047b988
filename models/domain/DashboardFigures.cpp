#include "DashboardFigures.h"

namespace frontdesk {

DashboardFigures DashboardFigures::fromCounts(const QMap<AppointmentStatus, qint64> &byStatus,
                                              qint64 patientsSeen)
{
    DashboardFigures f;
    for (auto it = byStatus.cbegin(); it != byStatus.cend(); ++it)
        f.appointments += it.value();
    f.completed = byStatus.value(AppointmentStatus::Completed);
    f.noShows = byStatus.value(AppointmentStatus::NoShow);
    f.cancellations = byStatus.value(AppointmentStatus::Cancelled);
    f.patientsSeen = patientsSeen;
    return f;
}

std::optional<double> DashboardFigures::noShowRate() const
{
    const qint64 expected = appointments - cancellations;
    if (expected <= 0)
        return std::nullopt;
    return double(noShows) / double(expected);
}

} // namespace frontdesk
