#pragma once

#include "kpi/Kpi.h"

#include <QString>

namespace frontdesk {

struct KpiDefinition
{
    Kpi kpi = Kpi::Appointments;
    QString key;        // stable machine key, e.g. "no-show-rate" (JSON, CSV)
    QString name;       // translated, short, e.g. "No-show rate"
    QString definition; // translated, the full definition in words (help and tooltips)
    KpiUnit unit = KpiUnit::Count;
    KpiSubject subject = KpiSubject::Appointments;
    bool higherIsBetter = true; // for colouring the change against the previous period
};

} // namespace frontdesk
