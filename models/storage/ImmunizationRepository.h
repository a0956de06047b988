#pragma once

#include "domain/Immunization.h"
#include "storage/Repository.h"

namespace frontdesk {

class ImmunizationRepository : public Repository<Immunization>
{
    Q_DECLARE_TR_FUNCTIONS(ImmunizationRepository)
public:
    explicit ImmunizationRepository(Database &db);
    // The patient's live records (occurred_at DESC).
    Result<QList<Immunization>> forPatient(const QString &patientId) const;
    static RecordStore::Table table();

protected:
    QVariantMap toValues(const Immunization &r) const override;
    Immunization fromRecord(const QSqlRecord &rec) const override;
    Status validate(const Immunization &r) const override;
};

} // namespace frontdesk
