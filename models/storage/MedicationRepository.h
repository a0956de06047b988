#pragma once

#include "domain/Medication.h"
#include "storage/Repository.h"

namespace frontdesk {

class MedicationRepository : public Repository<Medication>
{
    Q_DECLARE_TR_FUNCTIONS(MedicationRepository)
public:
    explicit MedicationRepository(Database &db);
    // The live records of the patient the clinical gate was passed for (asserted_at DESC).
    Result<QList<Medication>> forPatient(const ClinicalAccess &access) const;
    static RecordStore::Table table();

protected:
    QVariantMap toValues(const Medication &r) const override;
    Medication fromRecord(const QSqlRecord &rec) const override;
    Status validate(const Medication &r) const override;
};

} // namespace frontdesk
