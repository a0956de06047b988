#include "KpiPeriodPreset.h"

namespace frontdesk {

QList<KpiPeriodPreset::Preset> KpiPeriodPreset::all()
{
    return {ThisWeek, Last7Days, Last30Days, Last90Days, ThisMonth, LastMonth, ThisQuarter, Custom};
}

QString KpiPeriodPreset::name(Preset preset)
{
    switch (preset) {
    case ThisWeek:
        return tr("This week");
    case Last7Days:
        return tr("Last 7 days");
    case Last30Days:
        return tr("Last 30 days");
    case Last90Days:
        return tr("Last 90 days");
    case ThisMonth:
        return tr("This month");
    case LastMonth:
        return tr("Last month");
    case ThisQuarter:
        return tr("This quarter");
    case Custom:
        return tr("Custom");
    }
    return {};
}

std::pair<QDate, QDate> KpiPeriodPreset::range(Preset preset, QDate today)
{
    switch (preset) {
    case ThisWeek: {
        const QDate monday = today.addDays(1 - today.dayOfWeek());
        return {monday, monday.addDays(6)};
    }
    case Last7Days:
        return {today.addDays(-6), today};
    case Last30Days:
        return {today.addDays(-29), today};
    case Last90Days:
        return {today.addDays(-89), today};
    case ThisMonth: {
        const QDate first(today.year(), today.month(), 1);
        return {first, first.addMonths(1).addDays(-1)};
    }
    case LastMonth: {
        const QDate first = QDate(today.year(), today.month(), 1).addMonths(-1);
        return {first, first.addMonths(1).addDays(-1)};
    }
    case ThisQuarter: {
        const QDate first(today.year(), (today.month() - 1) / 3 * 3 + 1, 1);
        return {first, first.addMonths(3).addDays(-1)};
    }
    case Custom:
        break;
    }
    return {today, today};
}

KpiPeriodPreset::Preset KpiPeriodPreset::match(QDate from, QDate to, QDate today)
{
    for (Preset preset : all()) {
        if (preset != Custom && range(preset, today) == std::pair{from, to})
            return preset;
    }
    return Custom;
}

} // namespace frontdesk
