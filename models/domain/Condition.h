#pragma once

#include "domain/ClinicalCode.h"
#include "domain/RecordMeta.h"

#include <QDateTime>

namespace frontdesk {

// A problem on the patient's problem list (FHIR Condition).
struct Condition
{
    RecordMeta meta;
    QString patientId;
    QString encounterId;
    ClinicalCode code;
    QString clinicalStatus = QStringLiteral("active"); // active | resolved | inactive | ...
    QDateTime onset;                                   // UTC; invalid when unknown
    QDateTime abatement;                               // UTC; invalid while ongoing
};

} // namespace frontdesk
