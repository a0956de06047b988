#pragma once

#include "core/Result.h"
#include "domain/AppointmentType.h"
#include "domain/Location.h"
#include "domain/Practitioner.h"
#include "domain/ScheduleException.h"

#include <QDateTime>
#include <QList>

namespace frontdesk {

class Database;

// What the schedule is built on, for the views that list or edit it: the active practitioners,
// rooms and appointment types, the practitioners' working hours and the time off. Every change
// is a normal record write (one transaction with its outbox and audit entries).
class ReferenceData
{
public:
    explicit ReferenceData(Database &db) : m_db(db) {}

    Result<QList<Practitioner>> practitioners() const;
    Result<QList<Location>> rooms() const;
    Result<QList<AppointmentType>> appointmentTypes() const;

    Result<QList<WorkingHours>> workingHours(const QString &practitionerId) const;
    Status saveWorkingHours(WorkingHours &hours);
    Status removeWorkingHours(const QString &id);

    // Time off that overlaps [fromUtc, untilUtc), for the whole clinic and for anyone.
    Result<QList<ScheduleException>> timeOff(const QDateTime &fromUtc,
                                             const QDateTime &untilUtc) const;
    Status saveTimeOff(ScheduleException &timeOff);
    Status removeTimeOff(const QString &id);

    Status saveAppointmentType(AppointmentType &type);
    Status removeAppointmentType(const QString &id);
    Status saveRoom(Location &room);
    Status removeRoom(const QString &id);

private:
    Database &m_db;
};

} // namespace frontdesk
