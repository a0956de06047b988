#pragma once

#include "domain/Condition.h"
#include "storage/Repository.h"

namespace frontdesk {

class ConditionRepository : public Repository<Condition>
{
    Q_DECLARE_TR_FUNCTIONS(ConditionRepository)
public:
    explicit ConditionRepository(Database &db);
    // The patient's live records (onset_at DESC).
    Result<QList<Condition>> forPatient(const QString &patientId) const;
    static RecordStore::Table table();

protected:
    QVariantMap toValues(const Condition &r) const override;
    Condition fromRecord(const QSqlRecord &rec) const override;
    Status validate(const Condition &r) const override;
};

} // namespace frontdesk
