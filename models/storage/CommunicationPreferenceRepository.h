#pragma once

#include "domain/CommunicationPreference.h"
#include "storage/Repository.h"

namespace frontdesk {

class CommunicationPreferenceRepository : public Repository<CommunicationPreference>
{
    Q_DECLARE_TR_FUNCTIONS(CommunicationPreferenceRepository)
public:
    explicit CommunicationPreferenceRepository(Database &db);
    // The patient's live records (purpose).
    Result<QList<CommunicationPreference>> forPatient(const QString &patientId) const;
    static RecordStore::Table table();

protected:
    QVariantMap toValues(const CommunicationPreference &r) const override;
    CommunicationPreference fromRecord(const QSqlRecord &rec) const override;
    Status validate(const CommunicationPreference &r) const override;
};

} // namespace frontdesk
