#pragma once

#include "core/Result.h"
#include "domain/Appointment.h"
#include "domain/Location.h"
#include "domain/Practitioner.h"
#include "domain/ScheduleException.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace frontdesk {

// FHIR R4 JSON ⇄ the schedule's records: Appointment, Practitioner, Location. Strict like
// FhirMapping: a resource that is not what it claims is refused, naming the element.
//
// Appointment.status carries FHIR's coarser states (booked, arrived, checked-in, fulfilled,
// cancelled, noshow); the front desk's own status (confirmed, in-room, ...) travels beside it in
// the extension statusUrl(), which wins when present. participant[].actor references
// Patient/ID, Practitioner/ID and Location/ID (the room). A manager's explicit double-booking
// is the extension doubleBookUrl() (valueBoolean true).
class ScheduleMapping
{
    Q_DECLARE_TR_FUNCTIONS(ScheduleMapping)
public:
    static QString statusUrl() { return QStringLiteral("urn:frontdesk:appointment-status"); }
    static QString doubleBookUrl() { return QStringLiteral("urn:frontdesk:double-book-override"); }
    static QString specialtyUrl() { return QStringLiteral("urn:frontdesk:practitioner-specialty"); }
    static QString slotMinutesUrl() { return QStringLiteral("urn:frontdesk:slot-minutes"); }
    static QString colorUrl() { return QStringLiteral("urn:frontdesk:schedule-color"); }

    static Result<Appointment> appointmentFromFhir(const QJsonObject &resource);
    static bool isDoubleBooked(const QJsonObject &appointment);
    static QJsonObject toFhir(const Appointment &a, bool doubleBooked);
    // FHIR's Appointment.status for one of ours.
    static QString fhirStatus(AppointmentStatus status);

    static Result<Practitioner> practitionerFromFhir(const QJsonObject &resource);
    static QJsonObject toFhir(const Practitioner &p);

    static Result<Location> locationFromFhir(const QJsonObject &resource);
    static QJsonObject toFhir(const Location &l);

    // Time off is a Slot with status busy-unavailable: FHIR R4's own form of time a schedule
    // cannot be booked. A practitioner's time off is on their Schedule (Schedule/ID, the
    // practitioner's id); the whole clinic's has no reference, only the display clinicDisplay().
    // The kind (holiday, leave, blocked) is the extension timeOffKindUrl(), the note the comment.
    static QString timeOffKindUrl() { return QStringLiteral("urn:frontdesk:time-off-kind"); }
    static QString clinicDisplay() { return QStringLiteral("Whole clinic"); }
    static Result<ScheduleException> timeOffFromFhir(const QJsonObject &resource);
    static QJsonObject toFhir(const ScheduleException &e);
};

} // namespace frontdesk
