#include "NoShowHeatMapAccessible.h"

#include "NoShowHeatMap.h"

namespace frontdesk {

NoShowHeatMapAccessible::NoShowHeatMapAccessible(NoShowHeatMap *map) : PaintedListAccessible(map) {}

QAccessibleInterface *NoShowHeatMapAccessible::factory(const QString &className, QObject *object)
{
    if (className == QLatin1String("frontdesk::NoShowHeatMap") && object && object->isWidgetType())
        return new NoShowHeatMapAccessible(static_cast<NoShowHeatMap *>(object));
    return nullptr;
}

NoShowHeatMap *NoShowHeatMapAccessible::map() const
{
    return static_cast<NoShowHeatMap *>(widget());
}

std::pair<int, int> NoShowHeatMapAccessible::cellOf(int index) const
{
    const int hours = map()->lastHour() - map()->firstHour() + 1;
    return {index / hours + 1, map()->firstHour() + index % hours};
}

int NoShowHeatMapAccessible::itemCount() const
{
    return 7 * (map()->lastHour() - map()->firstHour() + 1);
}

QString NoShowHeatMapAccessible::itemName(int index) const
{
    const auto [weekday, hour] = cellOf(index);
    return map()->cellToolTip(weekday, hour).replace(QLatin1Char('\n'), QStringLiteral(", "));
}

QRect NoShowHeatMapAccessible::itemScreenRect(int index) const
{
    const auto [weekday, hour] = cellOf(index);
    const QRect r = map()->cellRect(weekday, hour).toAlignedRect();
    return QRect(map()->mapToGlobal(r.topLeft()), r.size());
}

} // namespace frontdesk
