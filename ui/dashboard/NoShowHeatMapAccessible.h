#pragma once

#include "common/PaintedListAccessible.h"

#include <utility>

namespace frontdesk {

class NoShowHeatMap;

// The painted heat map for screen readers: one item per cell, weekday by weekday, named like its
// tooltip ("Monday, 09:00–10:00, 2 no-shows of 14 appointments not cancelled, no-show rate
// 14.3 %").
class NoShowHeatMapAccessible : public PaintedListAccessible
{
public:
    explicit NoShowHeatMapAccessible(NoShowHeatMap *map);

    static QAccessibleInterface *factory(const QString &className, QObject *object);

    int itemCount() const override;
    QString itemName(int index) const override;
    QRect itemScreenRect(int index) const override;

private:
    NoShowHeatMap *map() const;
    std::pair<int, int> cellOf(int index) const; // {weekday 1..7, hour}
};

} // namespace frontdesk
