#pragma once

#include "domain/Observation.h"
#include "storage/Repository.h"

namespace frontdesk {

class ObservationRepository : public Repository<Observation>
{
    Q_DECLARE_TR_FUNCTIONS(ObservationRepository)
public:
    explicit ObservationRepository(Database &db);
    // The patient's live records (effective_at DESC).
    Result<QList<Observation>> forPatient(const QString &patientId) const;
    static RecordStore::Table table();

protected:
    QVariantMap toValues(const Observation &r) const override;
    Observation fromRecord(const QSqlRecord &rec) const override;
    Status validate(const Observation &r) const override;
};

} // namespace frontdesk
