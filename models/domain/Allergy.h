#pragma once

#include "domain/ClinicalCode.h"
#include "domain/RecordMeta.h"

#include <QDateTime>

namespace frontdesk {

// An allergy or intolerance (FHIR AllergyIntolerance); shown prominently on the profile.
struct Allergy
{
    RecordMeta meta;
    QString patientId;
    ClinicalCode code;
    QString category;    // food | medication | environment | biologic
    QString criticality; // low | high | unable-to-assess
    QString clinicalStatus = QStringLiteral("active");
    QString reaction; // the manifestation, as text
    QDateTime recorded;
};

} // namespace frontdesk
