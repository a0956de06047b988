#pragma once

#include "domain/Coverage.h"
#include "storage/Repository.h"

namespace frontdesk {

class CoverageRepository : public Repository<Coverage>
{
    Q_DECLARE_TR_FUNCTIONS(CoverageRepository)
public:
    explicit CoverageRepository(Database &db);
    // The patient's live records (valid_from DESC).
    Result<QList<Coverage>> forPatient(const QString &patientId) const;
    static RecordStore::Table table();

protected:
    QVariantMap toValues(const Coverage &r) const override;
    Coverage fromRecord(const QSqlRecord &rec) const override;
    Status validate(const Coverage &r) const override;
};

} // namespace frontdesk
