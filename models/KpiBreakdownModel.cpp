#include "KpiBreakdownModel.h"

#include "KpiFigureModel.h"
#include "core/CsvWriter.h"
#include "core/LocaleFormat.h"

#include <QLocale>

namespace frontdesk {

namespace {

QVariant optional(const std::optional<double> &v)
{
    return v ? QVariant(*v) : QVariant();
}

std::optional<double> rate(qint64 part, qint64 base)
{
    if (base <= 0)
        return std::nullopt;
    return double(part) / double(base);
}

} // namespace

KpiBreakdownModel::KpiBreakdownModel(Table table, QObject *parent)
    : QAbstractTableModel(parent), m_table(table)
{}

QString KpiBreakdownModel::title() const
{
    switch (m_table) {
    case Weeks:
        return tr("Weekly trend");
    case Practitioners:
        return tr("Per practitioner");
    case NoShowHeatMap:
        return tr("No-shows by weekday and hour");
    }
    return {};
}

void KpiBreakdownModel::setReport(const KpiReport &report)
{
    beginResetModel();
    m_weeks = report.weeks;
    m_practitioners = report.practitioners;
    m_cells.clear();
    for (int day = 0; day < 7; ++day) {
        for (int hour = 0; hour < 24; ++hour) {
            const qint64 base = report.appointmentHeat[day][hour];
            const qint64 noShows = report.noShowHeat[day][hour];
            if (base > 0 || noShows > 0)
                m_cells << Cell{day + 1, hour, base, noShows};
        }
    }
    endResetModel();
}

int KpiBreakdownModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    switch (m_table) {
    case Weeks:
        return int(m_weeks.size());
    case Practitioners:
        return int(m_practitioners.size());
    case NoShowHeatMap:
        return int(m_cells.size());
    }
    return 0;
}

int KpiBreakdownModel::columnCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    switch (m_table) {
    case Weeks:
        return 6;
    case Practitioners:
        return 7;
    case NoShowHeatMap:
        return 5;
    }
    return 0;
}

QVariant KpiBreakdownModel::value(int row, int column) const
{
    switch (m_table) {
    case Weeks: {
        const KpiWeek &w = m_weeks.at(row);
        switch (column) {
        case 0:
            return w.monday;
        case 1:
            return w.appointments;
        case 2:
            return w.noShows;
        case 3:
            return w.cancellations;
        case 4:
            return optional(w.noShowRate);
        case 5:
            return optional(w.utilisation);
        }
        break;
    }
    case Practitioners: {
        const KpiPractitionerRow &p = m_practitioners.at(row);
        switch (column) {
        case 0:
            return p.name;
        case 1:
            return p.appointments;
        case 2:
            return p.noShows;
        case 3:
            return optional(p.noShowRate);
        case 4:
            return double(p.bookedMinutes) / 60.0;
        case 5:
            return double(p.availableMinutes) / 60.0;
        case 6:
            return optional(p.utilisation);
        }
        break;
    }
    case NoShowHeatMap: {
        const Cell &c = m_cells.at(row);
        switch (column) {
        case 0:
            return c.weekday;
        case 1:
            return c.hour;
        case 2:
            return c.appointments;
        case 3:
            return c.noShows;
        case 4:
            return optional(rate(c.noShows, c.appointments));
        }
        break;
    }
    }
    return {};
}

QString KpiBreakdownModel::text(int row, int column) const
{
    const QLocale locale;
    const QVariant v = value(row, column);
    switch (m_table) {
    case Weeks:
        if (column == 0) {
            const KpiWeek &w = m_weeks.at(row);
            // Its counts are not a whole week's: said beside the week, as in the chart.
            return w.partial() ? tr("%1 (partial: %n of 7 days)", "a week of the trend", w.days)
                                     .arg(weekText(w.monday))
                               : weekText(w.monday);
        }
        if (column >= 4)
            return KpiFigureModel::percentText(v.isValid() ? std::optional(v.toDouble())
                                                           : std::nullopt);
        return locale.toString(v.toLongLong());
    case Practitioners:
        if (column == 0)
            return v.toString();
        if (column == 3 || column == 6)
            return KpiFigureModel::percentText(v.isValid() ? std::optional(v.toDouble())
                                                           : std::nullopt);
        if (column == 4 || column == 5)
            return locale.toString(v.toDouble(), 'f', 1);
        return locale.toString(v.toLongLong());
    case NoShowHeatMap:
        if (column == 0)
            return weekdayName(v.toInt());
        if (column == 1)
            return hourText(v.toInt());
        if (column == 4)
            return KpiFigureModel::percentText(v.isValid() ? std::optional(v.toDouble())
                                                           : std::nullopt);
        return locale.toString(v.toLongLong());
    }
    return {};
}

QVariant KpiBreakdownModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return text(index.row(), index.column());
    case ValueRole:
        return value(index.row(), index.column());
    case CsvWriter::ExportRole:
        // The week by its Monday, as a date a spreadsheet reads.
        if (m_table == Weeks && index.column() == 0)
            return value(index.row(), 0).toDate().toString(Qt::ISODate);
        return {};
    case Qt::TextAlignmentRole: {
        const bool label = index.column() == 0 || (m_table == NoShowHeatMap && index.column() == 1);
        return label ? int(Qt::AlignLeft | Qt::AlignVCenter)
                     : int(Qt::AlignRight | Qt::AlignVCenter);
    }
    }
    return {};
}

QVariant KpiBreakdownModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole || orientation != Qt::Horizontal || section < 0 ||
        section >= columnCount())
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (m_table) {
    case Weeks: {
        const QStringList headers{tr("Week"),          tr("Appointments"), tr("No-shows"),
                                  tr("Cancellations"), tr("No-show rate"), tr("Utilisation")};
        return headers.at(section);
    }
    case Practitioners: {
        const QStringList headers{tr("Practitioner"), tr("Appointments"), tr("No-shows"),
                                  tr("No-show rate"), tr("Booked hours"), tr("Available hours"),
                                  tr("Utilisation")};
        return headers.at(section);
    }
    case NoShowHeatMap: {
        const QStringList headers{tr("Weekday"), tr("Hour"), tr("Appointments not cancelled"),
                                  tr("No-shows"), tr("No-show rate")};
        return headers.at(section);
    }
    }
    return {};
}

QString KpiBreakdownModel::weekdayName(int weekday)
{
    return QLocale().standaloneDayName(weekday, QLocale::ShortFormat);
}

QString KpiBreakdownModel::hourText(int hour)
{
    const QLocale locale;
    return tr("%1–%2", "hour range")
        .arg(locale.toString(QTime(hour, 0), QStringLiteral("HH:mm")),
             hour == 23 ? QStringLiteral("24:00")
                        : locale.toString(QTime(hour + 1, 0), QStringLiteral("HH:mm")));
}

QString KpiBreakdownModel::weekText(QDate monday)
{
    return tr("Week %1 (from %2)").arg(monday.weekNumber()).arg(LocaleFormat::fullYearDate(monday));
}

} // namespace frontdesk
