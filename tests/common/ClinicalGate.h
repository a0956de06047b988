#pragma once

// Clinical records are read only past the clinical gate (AccessGuard::openClinical). On a
// connection without a Session, as most unit tests use, it needs no reason; the read is audited
// as anywhere else.

#include "access/AccessGuard.h"
#include "interop/FhirExporter.h"

#include <QJsonObject>

#include <optional>

namespace frontdesk::testing {

inline std::optional<ClinicalAccess> clinicalPass(Database &db, const QString &patientId,
                                                  ClinicalRead read = ClinicalRead::Summary)
{
    auto access = AccessGuard(db).openClinical(patientId, read);
    if (!access) {
        qWarning("The clinical gate refused: %s", qPrintable(access.error()));
        return std::nullopt;
    }
    return *access;
}

inline Result<QJsonObject> exportThroughGate(Database &db, const QString &patientId)
{
    auto access = AccessGuard(db).openClinical(patientId, ClinicalRead::FhirExport);
    if (!access)
        return fail(access.error());
    return FhirExporter(db).exportPatient(*access);
}

} // namespace frontdesk::testing
