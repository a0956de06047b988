#pragma once

#include "domain/Appointment.h"
#include "domain/RecordMeta.h"

#include <QString>

#include <optional>

namespace frontdesk {

// Who called off a cancelled appointment.
enum class CancelledBy
{
    Nobody,
    Patient,
    Clinic
};

QString cancelledByName(CancelledBy by); // "", "patient", "clinic"
std::optional<CancelledBy> cancelledByFromName(const QString &name);

// One row of an appointment's status history (appointment_status_history). Never changed
// after it is written; a revert is a new row naming the one it undoes.
struct StatusChange
{
    RecordMeta meta;
    QString appointmentId;
    QString patientId;
    std::optional<AppointmentStatus> from; // nullopt: the booking itself
    AppointmentStatus to = AppointmentStatus::Booked;
    qint64 changedAtMs = 0;
    QString changedBy;
    QString reason;
    CancelledBy cancelledBy = CancelledBy::Nobody;
    QString revertsId; // non-empty: this row undoes that one

    bool isRevert() const { return !revertsId.isEmpty(); }
};

} // namespace frontdesk
