#pragma once

#include <QAccessibleWidget>
#include <QHash>

namespace frontdesk {

// A widget that paints its items itself (the day calendar, the no-show heat map), shown to
// screen readers as a list whose items have names and places on screen. A subclass says how
// many items there are and what each is; the item interfaces are made and kept here.
class PaintedListAccessible : public QAccessibleWidget
{
public:
    explicit PaintedListAccessible(QWidget *widget);
    ~PaintedListAccessible() override;

    virtual int itemCount() const = 0;
    virtual QString itemName(int index) const = 0;
    virtual QString itemDescription(int) const { return {}; }
    // In screen coordinates; empty when the item is scrolled out of sight.
    virtual QRect itemScreenRect(int index) const = 0;
    virtual bool itemIsCurrent(int) const { return false; }

    int childCount() const override;
    QAccessibleInterface *child(int index) const override;
    int indexOfChild(const QAccessibleInterface *child) const override;
    QAccessibleInterface *childAt(int x, int y) const override;
    QAccessibleInterface *focusChild() const override;

protected:
    // Drops the item interfaces, e.g. when the items were replaced.
    void forgetItems();

private:
    mutable QHash<int, QAccessible::Id> m_items;
};

} // namespace frontdesk
