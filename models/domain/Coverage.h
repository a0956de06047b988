#pragma once

#include "domain/RecordMeta.h"

#include <QDate>
#include <QDateTime>

namespace frontdesk {

// Insurance (FHIR Coverage) and what the last eligibility check said.
struct Coverage
{
    RecordMeta meta;
    QString patientId;
    QString payer;
    QString memberId;
    QString groupId;
    QDate validFrom; // invalid: open-ended
    QDate validTo;
    QString status = QStringLiteral("active");       // active | cancelled | draft
    QString eligibility = QStringLiteral("unknown"); // unknown | eligible | not-eligible | error
    QDateTime eligibilityCheckedAt;                  // UTC; invalid: never checked
};

} // namespace frontdesk
