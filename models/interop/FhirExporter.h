#pragma once

#include "access/ClinicalAccess.h"
#include "core/Result.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace frontdesk {

class Database;

// One patient's record as a FHIR R4 Bundle (type "collection"): the Patient and their
// encounters, conditions, allergies, medications, observations, immunizations, insurance,
// consents (Consent, each given or withdrawn state on its own, with the scanned document),
// communication preferences (Consent, see FhirMapping) and alerts (Flag). Merges are
// Patient.link; the linked records come along as Patient entries so the links resolve.
// Resource ids are our local ids; references use the entries' urn:uuid fullUrls, so the bundle
// imports again (FhirImporter) into this or another database. The clinical resources make it a
// clinical read: it takes a token of the clinical gate for the patient (AccessGuard::openClinical
// with ClinicalRead::FhirExport, or openClinicalBulk for many). The export is audited as well.
class FhirExporter
{
    Q_DECLARE_TR_FUNCTIONS(FhirExporter)
public:
    explicit FhirExporter(Database &db) : m_db(db) {}
    Result<QJsonObject> exportPatient(const ClinicalAccess &access);

private:
    Database &m_db;
};

} // namespace frontdesk
