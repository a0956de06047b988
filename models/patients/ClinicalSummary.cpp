#include "ClinicalSummary.h"

#include "database/Database.h"
#include "domain/UcumUnit.h"
#include "storage/AllergyRepository.h"
#include "storage/ConditionRepository.h"
#include "storage/EncounterRepository.h"
#include "storage/ImmunizationRepository.h"
#include "storage/MedicationRepository.h"
#include "storage/ObservationRepository.h"

#include <QSet>

#include <algorithm>

namespace frontdesk {

namespace {

const QString kSnomed = QStringLiteral("http://snomed.info/sct");
const QString kLoinc = QStringLiteral("http://loinc.org");
const QLatin1String kSystolic("8480-6");
const QLatin1String kDiastolic("8462-4");

bool isLoinc(const ClinicalCode &code, QLatin1String loinc)
{
    return code.code == loinc && (code.system.isEmpty() || code.system == kLoinc);
}

} // namespace

bool ClinicalSummary::statesNoKnownAllergy(const ClinicalCode &code)
{
    // No known allergy; no known drug, food, environmental allergy (SNOMED CT findings, as the
    // FHIR AllergyIntolerance examples and IPS record them).
    static const QStringList kCodes{QStringLiteral("716186003"), QStringLiteral("409137002"),
                                    QStringLiteral("429625007"), QStringLiteral("428607008")};
    return (code.system.isEmpty() || code.system == kSnomed) && kCodes.contains(code.code);
}

void ClinicalSummary::setAllergies(const QList<Allergy> &recorded)
{
    allergies.clear();
    bool stated = false;
    for (const Allergy &a : recorded) {
        if (statesNoKnownAllergy(a.code)) {
            stated = stated || a.clinicalStatus != QLatin1String("inactive");
            continue;
        }
        allergies << a;
    }
    noKnownAllergies = stated && allergies.isEmpty();
}

QList<ClinicalSummary::VitalSign> ClinicalSummary::vitalSigns(const QLocale &locale) const
{
    const auto number = [&locale](const Observation &o) {
        if (o.valueNumber)
            return locale.toString(*o.valueNumber);
        // A text value may end in a UCUM code of its own (a blood pressure panel imported as
        // "138/84 mm[Hg]").
        const qsizetype space = o.valueText.lastIndexOf(QLatin1Char(' '));
        if (space < 0)
            return o.valueText;
        const QString code = o.valueText.mid(space + 1);
        const QString shown = UcumUnit::display(code);
        return shown == code ? o.valueText : o.valueText.left(space + 1) + shown;
    };
    const auto withUnit = [](const QString &value, const QString &ucum) {
        const QString unit = UcumUnit::display(ucum);
        return unit.isEmpty() ? value : tr("%1 %2", "value and unit").arg(value, unit);
    };
    const Observation *systolic = nullptr;
    const Observation *diastolic = nullptr;
    for (const Observation &o : latestVitals) {
        if (isLoinc(o.code, kSystolic))
            systolic = &o;
        else if (isLoinc(o.code, kDiastolic))
            diastolic = &o;
    }
    QList<VitalSign> rows;
    for (const Observation &o : latestVitals) {
        if (systolic && diastolic && (&o == systolic || &o == diastolic)) {
            if (&o != systolic)
                continue;
            rows << VitalSign{
                tr("Blood pressure"),
                withUnit(
                    tr("%1/%2", "systolic/diastolic").arg(number(*systolic), number(*diastolic)),
                    systolic->unit),
                std::max(systolic->effective, diastolic->effective)};
            continue;
        }
        rows << VitalSign{o.code.display.isEmpty() ? o.code.code : o.code.display,
                          withUnit(number(o), o.unit), o.effective};
    }
    return rows;
}

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
    summary.setAllergies(*allergies);
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
