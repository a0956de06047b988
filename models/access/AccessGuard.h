#pragma once

#include "access/ClinicalAccess.h"
#include "access/Permission.h"
#include "core/Result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace frontdesk {

class Database;

// What the models call before they read or change patient data: checks the permission table
// for whoever is signed in (see Session) and records the accesses the audit trail must show.
// A connection with neither a Session nor a system purpose (Database::actAsSystem) is refused.
class AccessGuard
{
    Q_DECLARE_TR_FUNCTIONS(AccessGuard)
public:
    explicit AccessGuard(Database &db) : m_db(db) {}

    Status require(Permission permission) const;
    Status requireRead(const QString &resourceType) const;
    Status requireWrite(const QString &resourceType) const;

    // Opening one patient's record: checked, then audited as a read of that patient.
    Status openPatient(const QString &patientId);
    // Whether reading this patient's clinical data needs a reason: nobody has an appointment
    // with them today (in the clinic's time zone) that counts. An appointment the signed-in
    // person booked less than an hour ago does not count, so booking one cannot stand in for a
    // reason. No reason is needed again for a patient whose glass this session has broken, nor
    // on a connection without a Session (system work has no care relationship to check).
    Result<bool> needsBreakGlass(const QString &patientId) const;
    // THE clinical gate, which every read of clinical data passes: the clinical permission, then
    // a reason of at least 5 characters when needsBreakGlass (a "break-glass" entry, the first
    // time in the session), then a "clinical-read" entry naming the patient, the read and the
    // reason. A refused read leaves a "clinical-read" entry with the outcome "failure".
    Result<ClinicalAccess> openClinical(const QString &patientId, ClinicalRead read,
                                        const QString &breakGlassReason = {});
    // Many patients at once (a bulk export): a reason is always required, recorded once as a
    // "break-glass" entry for the whole read, then one "clinical-read" entry per patient.
    Result<QList<ClinicalAccess>> openClinicalBulk(const QStringList &patientIds, ClinicalRead read,
                                                   const QString &reason);
    // The sync worker's read of a clinical record it pushes (ClinicalRead::SyncPush). Only on a
    // connection that works for the system and serves no one (Database::actAsSystem): never on
    // a person's connection or one serving it, so no role reaches clinical records this way.
    // Nothing is recorded: no person reads the record, and the change it carries already has
    // its create or update entry in the trail.
    Result<ClinicalAccess> openClinicalForSync(const QString &patientId) const;
    // Whether a token still stands: the same person is signed in, unlocked, and may still read
    // clinical data. Readers of clinical records call it before they read.
    Status admit(const ClinicalAccess &access) const;
    // A search that showed patient data; the query and the number of patients shown.
    Status recordSearch(const QString &query, qint64 resultCount);
    // An export or print of patient data.
    Status recordDisclosure(const QString &action, const QString &what, const QString &patientId,
                            const QJsonObject &detail = {});

private:
    static Status unknownType(const QString &resourceType);
    Status refuseClinical(const QString &patientId, ClinicalRead read, const QString &why);
    QString holder() const;
    Status audit(const QString &action, const QString &entityType, const QString &entityId,
                 const QString &patientId, const QJsonObject &detail);

    Database &m_db;
};

} // namespace frontdesk
