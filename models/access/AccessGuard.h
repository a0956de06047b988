#pragma once

#include "access/Permission.h"
#include "core/Result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

namespace frontdesk {

class Database;

// What the models call before they read or change patient data: checks the permission table
// for whoever is signed in (see Session) and records the accesses the audit trail must show.
// Without a Session on the database (frontdeskctl, the sync worker) every check passes.
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
    // Whether opening this patient's clinical data needs a reason: nobody has an appointment
    // with them today (in the clinic's time zone).
    Result<bool> needsBreakGlass(const QString &patientId) const;
    // Opening a patient's clinical summary and notes. Without an appointment today a reason is
    // required ("break the glass"); the reason is audited with the access.
    Status openClinical(const QString &patientId, const QString &breakGlassReason = {});
    // A search that showed patient data; the query and the number of patients shown.
    Status recordSearch(const QString &query, qint64 resultCount);
    // An export or print of patient data.
    Status recordDisclosure(const QString &action, const QString &what, const QString &patientId,
                            const QJsonObject &detail = {});

private:
    static Status unknownType(const QString &resourceType);
    Status audit(const QString &action, const QString &entityType, const QString &entityId,
                 const QString &patientId, const QJsonObject &detail);

    Database &m_db;
};

} // namespace frontdesk
