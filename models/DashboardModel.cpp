#include "DashboardModel.h"

#include "access/AccessGuard.h"
#include "storage/Database.h"

#include <QLocale>

namespace frontdesk {

DashboardModel::DashboardModel(Database &db, QObject *parent)
    : DatabaseTableModel(db, parent), m_repository(db)
{
    m_today = clinicTime().today(db.clock());
}

QDate DashboardModel::firstDay(Period period) const
{
    return period == Last30DaysPeriod ? m_today.addDays(-29) : m_today;
}

Result<DashboardFigures> DashboardModel::load(QDate first, QDate last,
                                              const ClinicTime &clinic) const
{
    if (auto s = AccessGuard(database()).require(Permission::ViewDashboards); !s)
        return fail(s.error());
    const QDateTime from = clinic.startOfDayUtc(first);
    const QDateTime to = clinic.startOfDayUtc(last.addDays(1));
    auto byStatus = m_repository.countByStatus(from, to);
    if (!byStatus)
        return fail(byStatus.error());
    auto seen = m_repository.countPatients(from, to, DashboardFigures::seenStatuses());
    if (!seen)
        return fail(seen.error());
    return DashboardFigures::fromCounts(*byStatus, *seen);
}

void DashboardModel::refresh()
{
    const ClinicTime clinic = clinicTime();
    const QDate today = clinic.today(database().clock());
    auto todays = load(today, today, clinic);
    auto month = todays ? load(today.addDays(-29), today, clinic) : todays;
    beginResetModel();
    m_today = today;
    if (todays && month) {
        m_figures = {*todays, *month};
        clearError();
    } else {
        m_figures = {};
    }
    endResetModel();
    if (!todays || !month)
        reportError(
            tr("Could not compute the dashboard: %1").arg(todays ? month.error() : todays.error()));
}

int DashboardModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : FigureCount;
}

int DashboardModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : PeriodCount;
}

QVariant DashboardModel::value(Figure figure, Period period) const
{
    const DashboardFigures &f = m_figures.at(period);
    switch (figure) {
    case AppointmentsFigure:
        return f.appointments;
    case CompletedFigure:
        return f.completed;
    case NoShowsFigure:
        return f.noShows;
    case CancellationsFigure:
        return f.cancellations;
    case NoShowRateFigure: {
        const auto rate = f.noShowRate();
        return rate ? QVariant(*rate) : QVariant();
    }
    case PatientsSeenFigure:
        return f.patientsSeen;
    case FigureCount:
        break;
    }
    return {};
}

QVariant DashboardModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto figure = Figure(index.row());
    const auto period = Period(index.column());
    switch (role) {
    case Qt::DisplayRole: {
        const QVariant v = value(figure, period);
        const QLocale locale;
        if (figure == NoShowRateFigure)
            return v.isValid() ? locale.toString(v.toDouble() * 100.0, 'f', 1) + locale.percent()
                               : tr("n/a");
        return locale.toString(v.toLongLong());
    }
    case Qt::ToolTipRole:
        return figureDefinition(figure);
    case Qt::TextAlignmentRole:
        return int(Qt::AlignRight | Qt::AlignVCenter);
    case ValueRole:
        return value(figure, period);
    }
    return {};
}

QVariant DashboardModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role == Qt::DisplayRole) {
        if (orientation == Qt::Horizontal && section >= 0 && section < PeriodCount)
            return periodName(Period(section));
        if (orientation == Qt::Vertical && section >= 0 && section < FigureCount)
            return figureName(Figure(section));
    }
    if (role == Qt::ToolTipRole && orientation == Qt::Horizontal && section >= 0 &&
        section < PeriodCount) {
        const QLocale locale;
        const Period period = Period(section);
        return firstDay(period) == m_today
                   ? locale.toString(m_today, QLocale::LongFormat)
                   : tr("%1 to %2")
                         .arg(locale.toString(firstDay(period), QLocale::ShortFormat),
                              locale.toString(m_today, QLocale::ShortFormat));
    }
    return QAbstractTableModel::headerData(section, orientation, role);
}

QString DashboardModel::figureName(Figure figure)
{
    switch (figure) {
    case AppointmentsFigure:
        return tr("Appointments");
    case CompletedFigure:
        return tr("Completed");
    case NoShowsFigure:
        return tr("No-shows");
    case CancellationsFigure:
        return tr("Cancellations");
    case NoShowRateFigure:
        return tr("No-show rate");
    case PatientsSeenFigure:
        return tr("Patients seen");
    case FigureCount:
        break;
    }
    return {};
}

QString DashboardModel::figureDefinition(Figure figure)
{
    switch (figure) {
    case AppointmentsFigure:
        return tr("All appointments starting in the period, whatever their status.");
    case CompletedFigure:
        return tr("Appointments marked completed.");
    case NoShowsFigure:
        return tr("Appointments the patient did not come to.");
    case CancellationsFigure:
        return tr("Appointments cancelled by the patient or the clinic.");
    case NoShowRateFigure:
        return tr(
            "No-shows as a share of the appointments that were not cancelled, including those "
            "still to come in the period.");
    case PatientsSeenFigure:
        return tr("Different patients who were in a room or completed a visit.");
    case FigureCount:
        break;
    }
    return {};
}

QString DashboardModel::periodName(Period period)
{
    switch (period) {
    case TodayPeriod:
        return tr("Today");
    case Last30DaysPeriod:
        return tr("Last 30 days");
    case PeriodCount:
        break;
    }
    return {};
}

} // namespace frontdesk
