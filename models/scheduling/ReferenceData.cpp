#include "ReferenceData.h"

#include "storage/AppointmentTypeRepository.h"
#include "storage/LocationRepository.h"
#include "storage/PractitionerRepository.h"
#include "storage/ScheduleExceptionRepository.h"

namespace frontdesk {

namespace {
// Removing goes by id: the views list records, not their versions.
template <typename Repo> Status removeById(Repo repo, const QString &id)
{
    auto record = repo.get(id);
    if (!record)
        return fail(record.error());
    return repo.remove(*record);
}
} // namespace

Result<QList<Practitioner>> ReferenceData::practitioners() const
{
    return PractitionerRepository(m_db).active();
}

Result<QList<Location>> ReferenceData::rooms() const
{
    return LocationRepository(m_db).active();
}

Result<QList<AppointmentType>> ReferenceData::appointmentTypes() const
{
    return AppointmentTypeRepository(m_db).active();
}

Result<QList<WorkingHours>> ReferenceData::workingHours(const QString &practitionerId) const
{
    return WorkingHoursRepository(m_db).forPractitioner(practitionerId);
}

Status ReferenceData::saveWorkingHours(WorkingHours &hours)
{
    return WorkingHoursRepository(m_db).save(hours);
}

Status ReferenceData::removeWorkingHours(const QString &id)
{
    return removeById(WorkingHoursRepository(m_db), id);
}

Result<QList<ScheduleException>> ReferenceData::timeOff(const QDateTime &fromUtc,
                                                        const QDateTime &untilUtc) const
{
    return ScheduleExceptionRepository(m_db).between(fromUtc, untilUtc);
}

Status ReferenceData::saveTimeOff(ScheduleException &timeOff)
{
    return ScheduleExceptionRepository(m_db).save(timeOff);
}

Status ReferenceData::removeTimeOff(const QString &id)
{
    return removeById(ScheduleExceptionRepository(m_db), id);
}

Status ReferenceData::saveAppointmentType(AppointmentType &type)
{
    return AppointmentTypeRepository(m_db).save(type);
}

Status ReferenceData::removeAppointmentType(const QString &id)
{
    return removeById(AppointmentTypeRepository(m_db), id);
}

Status ReferenceData::saveRoom(Location &room)
{
    return LocationRepository(m_db).save(room);
}

Status ReferenceData::removeRoom(const QString &id)
{
    return removeById(LocationRepository(m_db), id);
}

} // namespace frontdesk
