#pragma once

#include "domain/ClinicalCode.h"
#include "domain/RecordMeta.h"

#include <QDateTime>

namespace frontdesk {

struct Immunization
{
    RecordMeta meta;
    QString patientId;
    QString encounterId;
    ClinicalCode vaccine;
    QString status = QStringLiteral("completed");
    QDateTime occurred; // UTC
};

} // namespace frontdesk
