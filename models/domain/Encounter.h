#pragma once

#include "domain/ClinicalCode.h"
#include "domain/RecordMeta.h"

#include <QDateTime>

namespace frontdesk {

// A past or current visit (FHIR Encounter), with the notes a nurse reads in the history.
struct Encounter
{
    RecordMeta meta;
    QString patientId;
    QString status = QStringLiteral("finished");
    QString classCode; // e.g. AMB, EMER, IMP (v3 ActCode)
    ClinicalCode type;
    QString reason;
    QString practitionerName;
    QDateTime start; // UTC
    QDateTime end;   // UTC
    QString notes;   // clinical: shown only to roles allowed to read clinical notes
};

} // namespace frontdesk
