#pragma once

#include "domain/Practitioner.h"
#include "storage/Repository.h"

namespace frontdesk {

class PractitionerRepository : public Repository<Practitioner>
{
    Q_DECLARE_TR_FUNCTIONS(PractitionerRepository)
public:
    explicit PractitionerRepository(Database &db);
    Result<QList<Practitioner>> active() const;
    static RecordStore::Table table();

protected:
    QVariantMap toValues(const Practitioner &p) const override;
    Practitioner fromRecord(const QSqlRecord &r) const override;
    Status validate(const Practitioner &p) const override;
};

class WorkingHoursRepository : public Repository<WorkingHours>
{
    Q_DECLARE_TR_FUNCTIONS(WorkingHoursRepository)
public:
    explicit WorkingHoursRepository(Database &db);
    Result<QList<WorkingHours>> forPractitioner(const QString &practitionerId) const;
    Result<QList<WorkingHours>> all() const;
    static RecordStore::Table table();

protected:
    QVariantMap toValues(const WorkingHours &w) const override;
    WorkingHours fromRecord(const QSqlRecord &r) const override;
    Status validate(const WorkingHours &w) const override;
};

} // namespace frontdesk
