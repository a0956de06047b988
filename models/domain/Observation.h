#pragma once

#include "domain/ClinicalCode.h"
#include "domain/RecordMeta.h"

#include <QDateTime>

#include <optional>

namespace frontdesk {

// A measurement (FHIR Observation): vitals, lab values, survey answers.
struct Observation
{
    RecordMeta meta;
    QString patientId;
    QString encounterId;
    QString category; // vital-signs | laboratory | survey | ...
    ClinicalCode code;
    std::optional<double> valueNumber;
    QString valueText; // for coded or text results
    QString unit;
    QString status = QStringLiteral("final");
    QDateTime effective; // UTC
};

} // namespace frontdesk
