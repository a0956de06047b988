#include "ClinicalSummary.h"

#include "database/Database.h"
#include "storage/AllergyRepository.h"
#include "storage/ConditionRepository.h"
#include "storage/EncounterRepository.h"
#include "storage/ImmunizationRepository.h"
#include "storage/MedicationRepository.h"
#include "storage/ObservationRepository.h"

#include <QSet>

#include <algorithm>

namespace frontdesk {

Result<ClinicalSummary> ClinicalSummary::load(Database &db, const ClinicalAccess &access)
{
    ClinicalSummary summary;
    auto conditions = ConditionRepository(db).forPatient(access);
    if (!conditions)
        return fail(conditions.error());
    summary.problems = *conditions;
    std::stable_sort(summary.problems.begin(), summary.problems.end(),
                     [](const Condition &a, const Condition &b) {
                         return (a.clinicalStatus == QLatin1String("active")) >
                                (b.clinicalStatus == QLatin1String("active"));
                     });
    auto allergies = AllergyRepository(db).forPatient(access);
    if (!allergies)
        return fail(allergies.error());
    summary.allergies = *allergies;
    auto medications = MedicationRepository(db).forPatient(access);
    if (!medications)
        return fail(medications.error());
    summary.medications = *medications;
    std::stable_sort(summary.medications.begin(), summary.medications.end(),
                     [](const Medication &a, const Medication &b) {
                         return (a.status == QLatin1String("active")) >
                                (b.status == QLatin1String("active"));
                     });
    auto observations = ObservationRepository(db).forPatient(access); // newest first
    if (!observations)
        return fail(observations.error());
    QSet<QString> seen;
    for (const Observation &o : *observations) {
        if (o.category != QLatin1String("vital-signs"))
            continue;
        const QString key = o.code.system + QLatin1Char('|') + o.code.code + o.code.display;
        if (seen.contains(key))
            continue;
        seen.insert(key);
        summary.latestVitals << o;
    }
    auto immunizations = ImmunizationRepository(db).forPatient(access);
    if (!immunizations)
        return fail(immunizations.error());
    summary.immunizations = *immunizations;
    auto encounters = EncounterRepository(db).forPatient(access);
    if (!encounters)
        return fail(encounters.error());
    summary.encounters = *encounters;
    return summary;
}

} // namespace frontdesk
