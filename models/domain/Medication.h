#pragma once

#include "domain/ClinicalCode.h"
#include "domain/RecordMeta.h"

#include <QDateTime>

namespace frontdesk {

// A medication the patient takes or was prescribed (FHIR MedicationStatement; a
// MedicationRequest is imported as one too).
struct Medication
{
    RecordMeta meta;
    QString patientId;
    QString encounterId;
    ClinicalCode code;
    QString status = QStringLiteral("active"); // active | completed | stopped | ...
    QString dosage;
    QDateTime asserted; // UTC
};

} // namespace frontdesk
