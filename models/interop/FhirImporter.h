#pragma once

#include "core/Result.h"

#include <QCoreApplication>
#include <QMap>
#include <QStringList>

namespace frontdesk {

class Database;

// What an import may match and read.
struct FhirImportOptions
{
    // Identifier systems, besides our own MRN system (FhirMapping::mrnSystem()), whose values
    // are this clinic's MRNs: a file's Patient with such an identifier is the local patient of
    // that MRN. No other identifier (nor the resource id) makes a file's patient a local one.
    QStringList matchSystems;
    // A larger file is refused before it is read.
    qint64 maxBytes = qint64(256) * 1024 * 1024;
};

// Reads FHIR R4 Bundles as Synthea writes them (Patient, Encounter, Condition,
// AllergyIntolerance, MedicationRequest/MedicationStatement, Observation, Immunization, Coverage,
// and DocumentReference notes attached to encounters), and what FhirExporter adds (Consent for
// consents and communication preferences, Flag for alerts, Patient.link for merges) into the
// local database.
// - Patient.link: replaced-by / replaces become a patient_links row and merged_into, as
//   PatientMerge leaves a merge; refer and seealso a patient_links row of that kind. The other
//   patient must be in the bundle or the database: a link to neither is an error naming the
//   entry, like any reference that does not resolve (our exports carry the linked records).
// - Strict: every malformed entry is reported with the file, its index and fullUrl and what is
//   wrong; a file with any error imports nothing (one transaction per file).
// - Idempotent: each resource's identifier (or fullUrl) is mapped to its local id in
//   fhir_identifiers, so importing the same bundle again updates in place and changes nothing
//   that is already the same.
// - Nothing skipped silently: resource types we do not keep are counted in the report.
// - Records from outside: a Patient matches a local patient only by an identifier of our MRN
//   system or of FhirImportOptions::matchSystems (or as the same identifier an earlier import
//   mapped); a resource id from a file never overwrites a local record of another patient, and
//   a DocumentReference joins only an encounter of its own patient (errors naming both); a
//   file over FhirImportOptions::maxBytes is refused before it is read.
// Every row goes through the repositories (row + outbox + audit in one transaction).
class FhirImporter
{
    Q_DECLARE_TR_FUNCTIONS(FhirImporter)
public:
    struct FileReport
    {
        QString file;
        bool imported = false;
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        QMap<QString, int> kept;    // resource type → entries stored
        QMap<QString, int> notKept; // resource type → entries not kept locally
        QStringList errors;         // "file: entry 3 (urn:uuid:…): Condition: code …"
        QStringList patientIds;     // local ids of the bundle's patients
    };

    explicit FhirImporter(Database &db, FhirImportOptions options = {})
        : m_db(db), m_options(std::move(options))
    {}

    // A .json file, or every .json file in a directory (sorted by name), each on its own.
    Result<QList<FileReport>> importPath(const QString &fileOrDirectory);
    FileReport importFile(const QString &path);
    FileReport importBundle(const QByteArray &json, const QString &name);

private:
    QString tooLarge(const QString &name, qint64 size) const;

    Database &m_db;
    FhirImportOptions m_options;
};

} // namespace frontdesk
