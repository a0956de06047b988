#pragma once

#include "core/Result.h"
#include "domain/AppointmentType.h"
#include "domain/ClinicTime.h"
#include "domain/Location.h"
#include "domain/Practitioner.h"
#include "domain/ScheduleException.h"
#include "storage/AppointmentRepository.h"

#include <QCoreApplication>
#include <QHash>

namespace frontdesk {

class Database;

// Everything a calendar shows for some days: the columns (practitioners and their working
// hours), rooms, time off, appointments with names, type colours and who is waiting since when.
struct ScheduleSnapshot
{
    QDate firstDay;
    int days = 1;
    QTimeZone zone;
    QDateTime fromUtc; // start of firstDay in the clinic's zone
    QDateTime toUtc;   // start of the day after the last one
    QList<Practitioner> practitioners;
    QHash<QString, QList<WorkingHours>> hours; // by practitioner id
    QList<Location> rooms;
    QList<ScheduleException> exceptions;
    QList<AppointmentRow> appointments;    // in start order
    QHash<QString, AppointmentType> types; // by code
    QHash<QString, qint64> arrivedAtMs;    // appointment id -> standing check-in time
    // appointment id -> the patient's latest reply nobody handled yet (PatientReplies::latest)
    QHash<QString, QString> pendingReplies;
};

class ScheduleLoader
{
    Q_DECLARE_TR_FUNCTIONS(ScheduleLoader)
public:
    explicit ScheduleLoader(Database &db) : m_db(db) {}
    // days local days from firstDay; one practitioner's (week view) or everyone's (empty id).
    Result<ScheduleSnapshot> load(QDate firstDay, int days,
                                  const QString &practitionerId = {}) const;
    ClinicTime clinicTime() const;

private:
    Result<QList<AppointmentRow>> appointments(const QDateTime &fromUtc, const QDateTime &toUtc,
                                               const QString &practitionerId) const;
    Database &m_db;
};

} // namespace frontdesk
