#pragma once

#include "access/ClinicalAccess.h"
#include "core/Result.h"
#include "domain/Allergy.h"
#include "domain/Condition.h"
#include "domain/Encounter.h"
#include "domain/Immunization.h"
#include "domain/Medication.h"
#include "domain/Observation.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QLocale>

namespace frontdesk {

class Database;

// What a nurse reads before a visit, from the local database (it arrives by sync or FHIR
// import): problems, allergies, medications, the latest vitals and past encounters with notes.
// Loaded only through the clinical gate (AccessGuard::openClinical), whose token names the
// patient: the gate checks the permission, breaks the glass and audits the read.
struct ClinicalSummary
{
    Q_DECLARE_TR_FUNCTIONS(ClinicalSummary)
public:
    QList<Condition> problems; // active first
    QList<Allergy> allergies;
    QList<Medication> medications;   // active first
    QList<Observation> latestVitals; // the newest value per vital sign
    QList<Immunization> immunizations;
    QList<Encounter> encounters; // newest first
    // Someone recorded "no known allergies" (a SNOMED CT no-known-allergy finding) and no
    // allergy is recorded. Without it an empty list says only that none was recorded.
    bool noKnownAllergies = false;

    // One vital sign as a person reads it.
    struct VitalSign
    {
        QString name;
        QString value; // the number in the locale's form with its unit, e.g. "128/82 mmHg"
        QDateTime effective;
    };
    // The latest vitals, blood pressure as systolic/diastolic in one row, units in human form.
    QList<VitalSign> vitalSigns(const QLocale &locale = QLocale()) const;

    // Files the recorded allergies: the no-known-allergy statements set noKnownAllergies (only
    // while no allergy is recorded) and are not listed among the allergies.
    void setAllergies(const QList<Allergy> &recorded);
    static bool statesNoKnownAllergy(const ClinicalCode &code);

    static Result<ClinicalSummary> load(Database &db, const ClinicalAccess &access);
};

} // namespace frontdesk
