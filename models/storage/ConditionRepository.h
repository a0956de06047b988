#pragma once

#include "domain/Condition.h"
#include "storage/Repository.h"

namespace frontdesk {

class ConditionRepository : public Repository<Condition>
{
    Q_DECLARE_TR_FUNCTIONS(ConditionRepository)
public:
    explicit ConditionRepository(Database &db);
    // The live records of the patient the clinical gate was passed for (onset_at DESC).
    Result<QList<Condition>> forPatient(const ClinicalAccess &access) const;
    static RecordStore::Table table();

protected:
    QVariantMap toValues(const Condition &r) const override;
    Condition fromRecord(const QSqlRecord &rec) const override;
    Status validate(const Condition &r) const override;
};

} // namespace frontdesk
