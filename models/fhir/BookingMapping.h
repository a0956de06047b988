#pragma once

#include "core/Result.h"
#include "domain/AppointmentSeries.h"
#include "domain/AppointmentType.h"
#include "domain/Practitioner.h"
#include "domain/StatusChange.h"
#include "domain/WaitlistEntry.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace frontdesk {

// FHIR R4 JSON ⇄ the booking records around an appointment, each in the standard resource that
// carries it (ScheduleMapping has the appointment itself, practitioners, rooms and time off):
//
// - a recurring series is a ServiceRequest (category appointmentSeriesCode()): the order for
//   the visits, its rule in occurrenceTiming.repeat (period/periodUnit wk|mo, boundsPeriod of
//   local dates, count, duration in minutes, timeOfDay), the clinic's time zone in the extension
//   timeZoneUrl(); each occurrence names it in Appointment.basedOn, as R4 links an appointment
//   to the request it fulfils;
// - a status change is a Provenance whose target is the appointment: who changed it, when,
//   why, and to what (activity, system ScheduleMapping::statusUrl()). Provenance because a
//   status change is an append-only statement about one version of another resource, which is
//   what R4 made Provenance for; an AuditEvent is the trail's own record and a Task would be
//   work still to do. The previous status, who called off a cancellation, the change it
//   reverts and the patient travel in extensions;
// - a block of working hours is a PractitionerRole with one availableTime (one weekday, the
//   local start and end times) for the practitioner, at the location when there is one;
// - an appointment type is a HealthcareService: what the clinic offers to book, its code in
//   type (system appointmentTypeSystem()), the name, active, the default length and colour in
//   extensions;
// - a waitlist entry is an Appointment with status waitlist (booked: fulfilled, removed:
//   cancelled; the front desk's own status in waitlistStatusUrl()): the patient and the wanted
//   practitioner as participants, the type, minutesDuration, requestedPeriod.end as the latest
//   start, and the wanted weekdays and time of day in the extension waitlistPreferenceUrl().
class BookingMapping
{
    Q_DECLARE_TR_FUNCTIONS(BookingMapping)
public:
    static QString categorySystem() { return QStringLiteral("urn:frontdesk:request-category"); }
    static QString appointmentSeriesCode() { return QStringLiteral("appointment-series"); }
    static QString timeZoneUrl() { return QStringLiteral("urn:frontdesk:time-zone"); }
    static bool isAppointmentSeries(const QJsonObject &serviceRequest);
    // patientId: the patient the occurrences are booked for (ServiceRequest.subject).
    static QJsonObject toFhir(const AppointmentSeries &s, const QString &patientId);
    static Result<AppointmentSeries> seriesFromFhir(const QJsonObject &resource);
    // Appointment.basedOn naming the series; an empty id leaves the appointment as it is.
    static QJsonObject withSeries(QJsonObject appointment, const QString &seriesId);
    // The series an Appointment was booked in, or empty.
    static Result<QString> seriesIdOf(const QJsonObject &appointment);

    static QString fromStatusUrl() { return QStringLiteral("urn:frontdesk:status-from"); }
    static QString cancelledByUrl() { return QStringLiteral("urn:frontdesk:cancelled-by"); }
    static QString revertsUrl() { return QStringLiteral("urn:frontdesk:reverts"); }
    static QString patientUrl() { return QStringLiteral("urn:frontdesk:patient"); }
    static QJsonObject toFhir(const StatusChange &c);
    static Result<StatusChange> statusChangeFromFhir(const QJsonObject &resource);

    static QJsonObject toFhir(const WorkingHours &w);
    static Result<WorkingHours> workingHoursFromFhir(const QJsonObject &resource);

    static QString appointmentTypeSystem()
    {
        return QStringLiteral("urn:frontdesk:appointment-type");
    }
    static QString defaultMinutesUrl() { return QStringLiteral("urn:frontdesk:default-minutes"); }
    static QJsonObject toFhir(const AppointmentType &t);
    static Result<AppointmentType> appointmentTypeFromFhir(const QJsonObject &resource);

    static QString waitlistStatusUrl() { return QStringLiteral("urn:frontdesk:waitlist-status"); }
    static QString waitlistPreferenceUrl()
    {
        return QStringLiteral("urn:frontdesk:waitlist-preference");
    }
    // An Appointment that is a waitlist entry rather than a booked visit.
    static bool isWaitlistEntry(const QJsonObject &appointment);
    static QJsonObject toFhir(const WaitlistEntry &e);
    static Result<WaitlistEntry> waitlistEntryFromFhir(const QJsonObject &resource);
};

} // namespace frontdesk
