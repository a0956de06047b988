#pragma once

#include "core/Result.h"
#include "domain/RecordMeta.h"

#include <QCoreApplication>

namespace frontdesk {

// Something everyone opening the record must see first (FHIR Flag), e.g. "needs an interpreter".
struct PatientAlert
{
    RecordMeta meta;
    QString patientId;
    QString severity = QStringLiteral("info"); // info | warning | high
    QString text;
    bool active = true;

    Status validate() const
    {
        if (patientId.isEmpty())
            return fail(QCoreApplication::translate("PatientAlert", "An alert needs a patient."));
        if (text.trimmed().isEmpty())
            return fail(QCoreApplication::translate("PatientAlert", "An alert needs a text."));
        if (severity != QLatin1String("info") && severity != QLatin1String("warning") &&
            severity != QLatin1String("high"))
            return fail(QCoreApplication::translate("PatientAlert",
                                                    "Severity must be info, warning or high."));
        return {};
    }
};

} // namespace frontdesk
