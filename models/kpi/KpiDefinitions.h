#pragma once

#include "kpi/KpiDefinition.h"

#include <QCoreApplication>
#include <QList>

namespace frontdesk {

// The one place where the dashboard's figures are named and defined in words; KpiCalculator
// computes exactly what these texts say.
class KpiDefinitions
{
    Q_DECLARE_TR_FUNCTIONS(frontdesk::KpiDefinitions)
public:
    // Every figure, in the order the dashboard shows them. Built in the current language on
    // first use.
    static const QList<KpiDefinition> &all();
    static const KpiDefinition &of(Kpi kpi);
    // The figure with this machine key, or nullptr.
    static const KpiDefinition *byKey(const QString &key);
    // How "patients at risk" and "late cancellation" are decided, as the settings give them.
    static QString lateCancellationHoursSettingKey()
    {
        return QStringLiteral("late_cancellation_hours");
    }
    // Whether a patient's reply confirms an appointment: its first word is yes, y, ja, j, ok, c,
    // 1 or confirm, in any case (ReplyWords, which frontdesk-server acts on).
    static bool confirms(const QString &reply);
    static constexpr int DefaultLateCancellationHours = 24;
    static constexpr int ResponseWindowHours = 72;
    static constexpr int AtRiskLookbackDays = 365;
    static constexpr int AtRiskNoShows = 2;
};

} // namespace frontdesk
