#pragma once

#include "core/Result.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace frontdesk {

class Database;

// One patient's record as a FHIR R4 Bundle (type "collection"): the Patient and their
// encounters, conditions, allergies, medications, observations, immunizations and insurance.
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
