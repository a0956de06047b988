#pragma once

#include "common/PaintedListAccessible.h"

namespace frontdesk {

class DayCalendarView;

// The painted day calendar for screen readers: a list, and each appointment on it an item named
// like "09:00–09:15, Müller, Anna, Consultation, Arrived", at its place on screen, selected and
// focused when the cursor is on it.
class DayCalendarAccessible : public PaintedListAccessible
{
public:
    explicit DayCalendarAccessible(DayCalendarView *view);

    // Installed once with QAccessible::installFactory; answers for DayCalendarView.
    static QAccessibleInterface *factory(const QString &className, QObject *object);

    // The spoken name of the model's row: time, patient, type and status.
    static QString appointmentName(const DayCalendarView *view, int row);
    // The status as read out, with the minutes waiting once the patient arrived.
    static QString statusText(const DayCalendarView *view, int row);

    // The model rows the calendar shows (those in a shown column), in model order: item i is
    // shownRows()[i].
    QList<int> shownRows() const;

    int itemCount() const override;
    QString itemName(int index) const override;
    QString itemDescription(int index) const override;
    QRect itemScreenRect(int index) const override;
    bool itemIsCurrent(int index) const override;

private:
    DayCalendarView *view() const;
};

} // namespace frontdesk
