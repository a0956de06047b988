#pragma once

#include "domain/Observation.h"
#include "storage/Repository.h"

namespace frontdesk {

class ObservationRepository : public Repository<Observation>
{
    Q_DECLARE_TR_FUNCTIONS(ObservationRepository)
public:
    explicit ObservationRepository(Database &db);
    // The live records of the patient the clinical gate was passed for (effective_at DESC).
    Result<QList<Observation>> forPatient(const ClinicalAccess &access) const;
    static RecordStore::Table table();

protected:
    QVariantMap toValues(const Observation &r) const override;
    Observation fromRecord(const QSqlRecord &rec) const override;
    Status validate(const Observation &r) const override;
};

} // namespace frontdesk
