#include "DayCalendarAccessible.h"

#include "DayCalendarView.h"
#include "DayScheduleModel.h"
#include "domain/Appointment.h"
#include "domain/AppointmentLabels.h"

#include <QLocale>
#include <QPointer>

namespace frontdesk {

namespace {

QString timeText(const QDateTime &t)
{
    QString format = QLocale().timeFormat(QLocale::ShortFormat);
    format.remove(QStringLiteral(":ss"));
    return QLocale().toString(t.time(), format);
}

// One appointment of the calendar. Not a QObject: it is found through the calendar.
class AppointmentAccessible : public QAccessibleInterface
{
public:
    AppointmentAccessible(DayCalendarAccessible *calendar, int row)
        : m_view(calendar->view()), m_row(row)
    {}

    bool isValid() const override { return m_view && m_row < m_view->model()->rowCount(); }
    QObject *object() const override { return nullptr; }
    QWindow *window() const override { return calendar()->window(); }
    QAccessibleInterface *parent() const override { return calendar(); }
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
            return DayCalendarAccessible::appointmentName(m_view, m_row);
        if (t == QAccessible::Description)
            return m_view->model()->index(m_row, 0).data(Qt::ToolTipRole).toString();
        return {};
    }

    QRect rect() const override
    {
        if (!isValid())
            return {};
        const QRect r = m_view->appointmentRect(m_row).intersected(m_view->viewport()->rect());
        return r.isEmpty() ? QRect()
                           : QRect(m_view->viewport()->mapToGlobal(r.topLeft()), r.size());
    }

    QAccessible::State state() const override
    {
        QAccessible::State s;
        s.selectable = true;
        s.focusable = true;
        if (!isValid())
            return s;
        s.invisible = rect().isEmpty();
        const bool current = m_view->currentAppointment().row() == m_row;
        s.selected = current;
        s.focused = current && m_view->hasFocus();
        return s;
    }

    int row() const { return m_row; }

private:
    DayCalendarAccessible *calendar() const
    {
        return static_cast<DayCalendarAccessible *>(QAccessible::queryAccessibleInterface(m_view));
    }

    QPointer<DayCalendarView> m_view;
    int m_row;
};

} // namespace

DayCalendarAccessible::DayCalendarAccessible(DayCalendarView *view)
    : QAccessibleWidget(view, QAccessible::List)
{
    // Rows change meaning when the model is reset or filtered: ask again afterwards.
    QObject::connect(view->model(), &QAbstractItemModel::modelReset, view,
                     [this] { forgetChildren(); });
    QObject::connect(view->model(), &QAbstractItemModel::layoutChanged, view,
                     [this] { forgetChildren(); });
}

DayCalendarAccessible::~DayCalendarAccessible()
{
    forgetChildren();
}

QAccessibleInterface *DayCalendarAccessible::factory(const QString &className, QObject *object)
{
    if (className == QLatin1String("frontdesk::DayCalendarView") && object &&
        object->isWidgetType())
        return new DayCalendarAccessible(static_cast<DayCalendarView *>(object));
    return nullptr;
}

QString DayCalendarAccessible::appointmentName(const DayCalendarView *view, int row)
{
    const QModelIndex i = view->model()->index(row, 0);
    const QTimeZone zone = view->model()->zone();
    const QString status = i.data(DayScheduleModel::StatusRole).toString();
    const auto parsed = appointmentStatusFromName(status);
    return QStringLiteral("%1–%2, %3, %4, %5")
        .arg(timeText(i.data(DayScheduleModel::StartRole).toDateTime().toTimeZone(zone)),
             timeText(i.data(DayScheduleModel::EndRole).toDateTime().toTimeZone(zone)),
             i.data(DayScheduleModel::PatientNameRole).toString(),
             i.data(DayScheduleModel::TypeNameRole).toString(),
             parsed ? AppointmentLabels::status(*parsed) : status);
}

DayCalendarView *DayCalendarAccessible::view() const
{
    return static_cast<DayCalendarView *>(widget());
}

QList<int> DayCalendarAccessible::shownRows() const
{
    QList<int> rows;
    const DayScheduleModel *model = view()->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, 0).data(DayScheduleModel::ColumnRole).toInt() >= 0)
            rows << row;
    }
    return rows;
}

int DayCalendarAccessible::childCount() const
{
    return int(shownRows().size());
}

QAccessibleInterface *DayCalendarAccessible::child(int index) const
{
    const QList<int> rows = shownRows();
    if (index < 0 || index >= rows.size())
        return nullptr;
    const int row = rows.at(index);
    auto found = m_children.constFind(row);
    if (found == m_children.constEnd()) {
        auto *item = new AppointmentAccessible(const_cast<DayCalendarAccessible *>(this), row);
        found = m_children.insert(row, QAccessible::registerAccessibleInterface(item));
    }
    return QAccessible::accessibleInterface(*found);
}

int DayCalendarAccessible::indexOfChild(const QAccessibleInterface *child) const
{
    const auto *item = dynamic_cast<const AppointmentAccessible *>(child);
    return item ? int(shownRows().indexOf(item->row())) : -1;
}

QAccessibleInterface *DayCalendarAccessible::childAt(int x, int y) const
{
    const QPoint local = view()->viewport()->mapFromGlobal(QPoint(x, y));
    const QList<int> rows = shownRows();
    for (int i = 0; i < rows.size(); ++i) {
        if (view()->appointmentRect(rows.at(i)).contains(local))
            return child(i);
    }
    return nullptr;
}

QAccessibleInterface *DayCalendarAccessible::focusChild() const
{
    const QModelIndex current = view()->currentAppointment();
    if (!current.isValid() || !view()->hasFocus())
        return nullptr;
    const int index = int(shownRows().indexOf(current.row()));
    return index >= 0 ? child(index) : nullptr;
}

void DayCalendarAccessible::forgetChildren()
{
    for (QAccessible::Id id : std::as_const(m_children))
        QAccessible::deleteAccessibleInterface(id);
    m_children.clear();
}

} // namespace frontdesk
