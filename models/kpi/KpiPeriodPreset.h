#pragma once

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QString>

#include <utility>

namespace frontdesk {

// The periods a manager picks from on the dashboard, as whole local days counted from the
// clinic's today. Weeks, months and quarters are whole calendar ones (including days still to
// come), so the previous period of the same length is the week, month or quarter before.
class KpiPeriodPreset
{
    Q_DECLARE_TR_FUNCTIONS(frontdesk::KpiPeriodPreset)
public:
    enum Preset
    {
        ThisWeek,
        Last7Days,
        Last30Days,
        Last90Days,
        ThisMonth,
        LastMonth,
        ThisQuarter,
        Custom
    };

    static QList<Preset> all();
    static QString name(Preset preset);
    // First and last day, inclusive. Custom has no range of its own: {today, today}.
    static std::pair<QDate, QDate> range(Preset preset, QDate today);
    // The preset whose range this is as of today, or Custom.
    static Preset match(QDate from, QDate to, QDate today);
};

} // namespace frontdesk
