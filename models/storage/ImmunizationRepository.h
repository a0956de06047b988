#pragma once

#include "domain/Immunization.h"
#include "storage/Repository.h"

namespace frontdesk {

class ImmunizationRepository : public Repository<Immunization>
{
    Q_DECLARE_TR_FUNCTIONS(ImmunizationRepository)
public:
    explicit ImmunizationRepository(Database &db);
    // The live records of the patient the clinical gate was passed for (occurred_at DESC).
    Result<QList<Immunization>> forPatient(const ClinicalAccess &access) const;
    static RecordStore::Table table();

protected:
    QVariantMap toValues(const Immunization &r) const override;
    Immunization fromRecord(const QSqlRecord &rec) const override;
    Status validate(const Immunization &r) const override;
};

} // namespace frontdesk
