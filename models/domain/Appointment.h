#pragma once

#include "domain/RecordMeta.h"

#include <QByteArrayView>
#include <QDateTime>
#include <QString>

#include <optional>

namespace frontdesk {

enum class AppointmentStatus
{
    Booked,
    Confirmed,
    Arrived,
    InRoom,
    Completed,
    Cancelled,
    NoShow
};

QString appointmentStatusName(AppointmentStatus status); // the stored name, e.g. "no-show"
std::optional<AppointmentStatus> appointmentStatusFromName(const QString &name);
// The same for a stored name read in place as UTF-8 (storage/SqlRow).
std::optional<AppointmentStatus> appointmentStatusFromUtf8(QByteArrayView name);

struct Appointment
{
    RecordMeta meta;
    QString patientId;
    QString practitionerId;
    QString locationId; // empty: no room
    QDateTime start;    // UTC
    QDateTime end;      // UTC
    QString type = QStringLiteral("consultation");
    AppointmentStatus status = AppointmentStatus::Booked;
    QString reason;
    QString notes;

    int minutes() const { return int(start.secsTo(end) / 60); }
};

} // namespace frontdesk
