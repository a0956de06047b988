#pragma once

#include "kpi/Kpi.h"
#include "kpi/KpiFacts.h"
#include "kpi/KpiFilter.h"
#include "kpi/KpiReport.h"

#include <QMap>
#include <QStringList>

namespace frontdesk {

// Every dashboard figure, computed in plain C++ from KpiFacts exactly as KpiDefinitions
// words it.
class KpiCalculator
{
public:
    explicit KpiCalculator(const KpiFacts &facts) : m_facts(facts) {}

    // The filter's figures, those of its previous period, and the charts.
    KpiReport report(const KpiFilter &filter) const;
    // The records behind one figure of the filter's period, in a stable order: appointment,
    // patient, message or recall ids as KpiDefinitions::of(kpi).subject says.
    QStringList members(const KpiFilter &filter, Kpi kpi) const;

private:
    QMap<Kpi, KpiValue> figures(const KpiFilter &period, bool isPrevious,
                                QMap<Kpi, QStringList> *members) const;
    const KpiFacts &m_facts;
};

} // namespace frontdesk
