#pragma once

#include "domain/RecordMeta.h"

#include <QString>

namespace frontdesk {

// One row of patient_links: sourceId relates to targetId as kind (replaced-by after a merge,
// replaces, refer, seealso); detail is the JSON text a merge or an import left.
struct PatientLink
{
    RecordMeta meta;
    QString sourceId;
    QString targetId;
    QString kind = QStringLiteral("replaced-by");
    QString detail = QStringLiteral("{}");
};

} // namespace frontdesk
