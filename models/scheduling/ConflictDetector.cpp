#include "ConflictDetector.h"

namespace frontdesk {

bool ConflictDetector::blocksTime(AppointmentStatus status)
{
    return status != AppointmentStatus::Cancelled && status != AppointmentStatus::NoShow;
}

bool ConflictDetector::overlaps(const Appointment &a, const Appointment &b)
{
    return a.start < b.end && b.start < a.end;
}

QList<Conflict> ConflictDetector::find(const Appointment &candidate,
                                       const QList<Appointment> &existing)
{
    QList<Conflict> conflicts;
    if (!blocksTime(candidate.status))
        return conflicts;
    for (const Appointment &other : existing) {
        if (other.meta.deleted || !blocksTime(other.status))
            continue;
        if (!candidate.meta.id.isEmpty() && other.meta.id == candidate.meta.id)
            continue;
        if (!overlaps(candidate, other))
            continue;
        Conflict c{other, other.practitionerId == candidate.practitionerId,
                   !candidate.locationId.isEmpty() && other.locationId == candidate.locationId,
                   other.patientId == candidate.patientId};
        if (c.practitioner || c.room || c.patient)
            conflicts.append(c);
    }
    return conflicts;
}

} // namespace frontdesk
