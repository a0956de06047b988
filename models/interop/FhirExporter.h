#pragma once

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
// imports again (FhirImporter) into this or another database. The export is audited.
class FhirExporter
{
    Q_DECLARE_TR_FUNCTIONS(FhirExporter)
public:
    explicit FhirExporter(Database &db) : m_db(db) {}
    Result<QJsonObject> exportPatient(const QString &patientId);

private:
    Database &m_db;
};

} // namespace frontdesk
