#pragma once

#include "domain/PatientAlert.h"
#include "storage/Repository.h"

namespace frontdesk {

class PatientAlertRepository : public Repository<PatientAlert>
{
    Q_DECLARE_TR_FUNCTIONS(PatientAlertRepository)
public:
    explicit PatientAlertRepository(Database &db);
    // The patient's live records (highest severity first).
    Result<QList<PatientAlert>> forPatient(const QString &patientId) const;
    static RecordStore::Table table();

protected:
    QVariantMap toValues(const PatientAlert &r) const override;
    PatientAlert fromRecord(const QSqlRecord &rec) const override;
    Status validate(const PatientAlert &r) const override;
};

} // namespace frontdesk
