#pragma once

#include "kpi/Kpi.h"

#include <QString>

namespace frontdesk {

// Which way a change of the figure is good for the clinic, for colouring it against the
// previous period: green when it went the good way, red when the bad way, neither for a figure
// that only follows how many appointments there were (more reminders sent is not an
// achievement, fewer is no failure).
enum class KpiDirection
{
    HigherIsBetter,
    LowerIsBetter,
    Neutral
};

struct KpiDefinition
{
    Kpi kpi = Kpi::Appointments;
    QString key;        // stable machine key, e.g. "no-show-rate" (JSON, CSV)
    QString name;       // translated, short, e.g. "No-show rate"
    QString definition; // translated, the full definition in words (help and tooltips)
    KpiUnit unit = KpiUnit::Count;
    KpiSubject subject = KpiSubject::Appointments;
    KpiDirection direction = KpiDirection::HigherIsBetter;
};

} // namespace frontdesk
