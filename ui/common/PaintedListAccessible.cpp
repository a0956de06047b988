#include "PaintedListAccessible.h"

#include <QPointer>
#include <QWidget>

namespace frontdesk {

namespace {

// One painted item, by its index; everything it says comes from the list it belongs to.
class PaintedItemAccessible : public QAccessibleInterface
{
public:
    PaintedItemAccessible(QWidget *widget, int index) : m_widget(widget), m_index(index) {}

    bool isValid() const override { return list() && m_index < list()->itemCount(); }
    QObject *object() const override { return nullptr; }
    QAccessibleInterface *parent() const override { return list(); }
    QAccessibleInterface *child(int) const override { return nullptr; }
    int childCount() const override { return 0; }
    int indexOfChild(const QAccessibleInterface *) const override { return -1; }
    QAccessibleInterface *childAt(int, int) const override { return nullptr; }
    QAccessibleInterface *focusChild() const override { return nullptr; }
    QAccessible::Role role() const override { return QAccessible::ListItem; }
    void setText(QAccessible::Text, const QString &) override {}

    QString text(QAccessible::Text t) const override
    {
        if (!isValid())
            return {};
        if (t == QAccessible::Name)
            return list()->itemName(m_index);
        if (t == QAccessible::Description)
            return list()->itemDescription(m_index);
        return {};
    }

    QRect rect() const override { return isValid() ? list()->itemScreenRect(m_index) : QRect(); }

    QAccessible::State state() const override
    {
        QAccessible::State s;
        s.selectable = true;
        s.focusable = true;
        if (!isValid())
            return s;
        s.invisible = rect().isEmpty();
        s.selected = list()->itemIsCurrent(m_index);
        s.focused = s.selected && m_widget->hasFocus();
        return s;
    }

    int index() const { return m_index; }

private:
    PaintedListAccessible *list() const
    {
        return m_widget ? static_cast<PaintedListAccessible *>(
                              QAccessible::queryAccessibleInterface(m_widget))
                        : nullptr;
    }

    QPointer<QWidget> m_widget;
    int m_index;
};

} // namespace

PaintedListAccessible::PaintedListAccessible(QWidget *widget)
    : QAccessibleWidget(widget, QAccessible::List)
{}

PaintedListAccessible::~PaintedListAccessible()
{
    forgetItems();
}

int PaintedListAccessible::childCount() const
{
    return itemCount();
}

QAccessibleInterface *PaintedListAccessible::child(int index) const
{
    if (index < 0 || index >= itemCount())
        return nullptr;
    auto found = m_items.constFind(index);
    if (found == m_items.constEnd())
        found = m_items.insert(index, QAccessible::registerAccessibleInterface(
                                          new PaintedItemAccessible(widget(), index)));
    return QAccessible::accessibleInterface(*found);
}

int PaintedListAccessible::indexOfChild(const QAccessibleInterface *child) const
{
    const auto *item = dynamic_cast<const PaintedItemAccessible *>(child);
    return item && item->parent() == this ? item->index() : -1;
}

QAccessibleInterface *PaintedListAccessible::childAt(int x, int y) const
{
    for (int i = 0; i < itemCount(); ++i) {
        if (itemScreenRect(i).contains(x, y))
            return child(i);
    }
    return nullptr;
}

QAccessibleInterface *PaintedListAccessible::focusChild() const
{
    if (!widget()->hasFocus())
        return nullptr;
    for (int i = 0; i < itemCount(); ++i) {
        if (itemIsCurrent(i))
            return child(i);
    }
    return nullptr;
}

void PaintedListAccessible::forgetItems()
{
    for (QAccessible::Id id : std::as_const(m_items))
        QAccessible::deleteAccessibleInterface(id);
    m_items.clear();
}

} // namespace frontdesk
