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
#include <QList>

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

    static Result<ClinicalSummary> load(Database &db, const ClinicalAccess &access);
};

} // namespace frontdesk
