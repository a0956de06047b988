#pragma once

#include "domain/PatientPhoto.h"
#include "storage/Repository.h"

#include <optional>

namespace frontdesk {

// Patient photos. The row and its audit entry hold the type, size and SHA-256; the bytes are
// written beside them in the same transaction and never enter the audit trail.
class PatientPhotoRepository : public Repository<PatientPhoto>
{
    Q_DECLARE_TR_FUNCTIONS(PatientPhotoRepository)
public:
    explicit PatientPhotoRepository(Database &db);
    Status save(PatientPhoto &photo);
    // Replaces the patient's live photo (a new version of the same record) or adds one.
    Result<PatientPhoto> setPhoto(const QString &patientId, const QByteArray &bytes);
    // The patient's live photo with its bytes; nullopt when there is none.
    Result<std::optional<PatientPhoto>> forPatient(const QString &patientId) const;
    // Soft-deletes the patient's live photo; nothing to do when there is none.
    Status removePhoto(const QString &patientId);
    static RecordStore::Table table();

protected:
    QVariantMap toValues(const PatientPhoto &r) const override;
    PatientPhoto fromRecord(const QSqlRecord &rec) const override;
    Status validate(const PatientPhoto &r) const override;
};

} // namespace frontdesk
