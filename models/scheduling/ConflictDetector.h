#pragma once

#include "domain/Appointment.h"

#include <QList>

namespace frontdesk {

// An existing appointment that a candidate would collide with, and on what.
struct Conflict
{
    Appointment existing;
    bool practitioner = false; // the same practitioner is booked then
    bool room = false;         // the same room is in use then
    bool patient = false;      // the patient is elsewhere then
};

// Nobody can be in two places at once: not a practitioner, not a room, not a patient.
// Intervals are half-open, [start, end): an appointment ending at 09:15 and one starting at
// 09:15 do not collide. Cancelled and no-show appointments free their time; so does the
// candidate itself (same id) when it is being moved.
class ConflictDetector
{
public:
    static bool blocksTime(AppointmentStatus status);
    static bool overlaps(const Appointment &a, const Appointment &b);
    static QList<Conflict> find(const Appointment &candidate, const QList<Appointment> &existing);
};

} // namespace frontdesk
