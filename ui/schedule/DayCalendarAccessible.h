#pragma once

#include <QAccessibleWidget>
#include <QHash>

namespace frontdesk {

class DayCalendarView;

// The painted day calendar for screen readers: the calendar is a list, and each appointment on
// it a list item named like "09:00–09:15, Müller, Anna, Consultation, Arrived", with its place
// on screen, selectable and focused when the cursor is on it.
class DayCalendarAccessible : public QAccessibleWidget
{
public:
    explicit DayCalendarAccessible(DayCalendarView *view);
    ~DayCalendarAccessible() override;

    // Installed once with QAccessible::installFactory; answers for DayCalendarView.
    static QAccessibleInterface *factory(const QString &className, QObject *object);

    // The spoken name of the model's row: time, patient, type and status.
    static QString appointmentName(const DayCalendarView *view, int row);

    int childCount() const override;
    QAccessibleInterface *child(int index) const override;
    int indexOfChild(const QAccessibleInterface *child) const override;
    QAccessibleInterface *childAt(int x, int y) const override;
    QAccessibleInterface *focusChild() const override;

    DayCalendarView *view() const;
    // The model rows the calendar shows (those in a shown column), in model order.
    QList<int> shownRows() const;

private:
    void forgetChildren();

    // Child interfaces by model row; registered with QAccessible, dropped on model changes.
    mutable QHash<int, QAccessible::Id> m_children;
};

} // namespace frontdesk
