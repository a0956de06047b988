#pragma once

#include "domain/Allergy.h"
#include "storage/Repository.h"

namespace frontdesk {

class AllergyRepository : public Repository<Allergy>
{
    Q_DECLARE_TR_FUNCTIONS(AllergyRepository)
public:
    explicit AllergyRepository(Database &db);
    // The live records of the patient the clinical gate was passed for (display).
    Result<QList<Allergy>> forPatient(const ClinicalAccess &access) const;
    static RecordStore::Table table();

protected:
    QVariantMap toValues(const Allergy &r) const override;
    Allergy fromRecord(const QSqlRecord &rec) const override;
    Status validate(const Allergy &r) const override;
};

} // namespace frontdesk
