#include "DayCalendarAccessible.h"

#include "DayCalendarView.h"
#include "DayScheduleModel.h"
#include "core/LocaleFormat.h"
#include "domain/Appointment.h"
#include "domain/AppointmentLabels.h"

#include <QLocale>

#include <algorithm>

namespace frontdesk {

namespace {

QString timeText(const QDateTime &t)
{
    return LocaleFormat::time(t.time());
}

} // namespace

DayCalendarAccessible::DayCalendarAccessible(DayCalendarView *view) : PaintedListAccessible(view)
{
    // Rows change meaning when the model is reset or re-sorted.
    QObject::connect(view->model(), &QAbstractItemModel::modelReset, view,
                     [this] { forgetItems(); });
    QObject::connect(view->model(), &QAbstractItemModel::layoutChanged, view,
                     [this] { forgetItems(); });
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
    const QString name =
        QStringLiteral("%1–%2, %3, %4, %5")
            .arg(timeText(i.data(DayScheduleModel::StartRole).toDateTime().toTimeZone(zone)),
                 timeText(i.data(DayScheduleModel::EndRole).toDateTime().toTimeZone(zone)),
                 i.data(DayScheduleModel::PatientNameRole).toString(),
                 i.data(DayScheduleModel::TypeNameRole).toString(), statusText(view, row));
    const QString reply = i.data(DayScheduleModel::PendingReplyRole).toString();
    return reply.isEmpty()
               ? name
               : DayCalendarView::tr("%1, patient replied: %2", "appointment, the reply")
                     .arg(name, reply);
}

QString DayCalendarAccessible::statusText(const DayCalendarView *view, int row)
{
    const QModelIndex i = view->model()->index(row, 0);
    const QString status = i.data(DayScheduleModel::StatusRole).toString();
    const auto parsed = appointmentStatusFromName(status);
    const QString label = parsed ? AppointmentLabels::status(*parsed) : status;
    const QDateTime arrived = i.data(DayScheduleModel::ArrivedAtRole).toDateTime();
    if (parsed != AppointmentStatus::Arrived || !arrived.isValid())
        return label;
    const qint64 waited = std::max<qint64>(0, arrived.secsTo(view->model()->nowUtc()) / 60);
    return DayCalendarView::tr("%1, waiting %2 min").arg(label, QLocale().toString(waited));
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

int DayCalendarAccessible::itemCount() const
{
    return int(shownRows().size());
}

QString DayCalendarAccessible::itemName(int index) const
{
    return appointmentName(view(), shownRows().at(index));
}

QString DayCalendarAccessible::itemDescription(int index) const
{
    return view()->model()->index(shownRows().at(index), 0).data(Qt::ToolTipRole).toString();
}

QRect DayCalendarAccessible::itemScreenRect(int index) const
{
    const QRect r =
        view()->appointmentRect(shownRows().at(index)).intersected(view()->viewport()->rect());
    return r.isEmpty() ? QRect() : QRect(view()->viewport()->mapToGlobal(r.topLeft()), r.size());
}

bool DayCalendarAccessible::itemIsCurrent(int index) const
{
    return view()->currentAppointment().row() == shownRows().at(index);
}

} // namespace frontdesk
