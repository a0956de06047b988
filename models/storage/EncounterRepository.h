#pragma once

#include "domain/Encounter.h"
#include "storage/Repository.h"

namespace frontdesk {

class EncounterRepository : public Repository<Encounter>
{
    Q_DECLARE_TR_FUNCTIONS(EncounterRepository)
public:
    explicit EncounterRepository(Database &db);
    // The live records of the patient the clinical gate was passed for (start_at DESC).
    Result<QList<Encounter>> forPatient(const ClinicalAccess &access) const;
    static RecordStore::Table table();

protected:
    QVariantMap toValues(const Encounter &r) const override;
    Encounter fromRecord(const QSqlRecord &rec) const override;
    Status validate(const Encounter &r) const override;
};

} // namespace frontdesk
