#pragma once

#include "DatabaseTableModel.h"
#include "domain/DashboardFigures.h"
#include "storage/AppointmentRepository.h"

#include <QDate>
#include <array>

namespace frontdesk {

// The dashboard's figures (rows) for today and the last 30 days (columns), from the local
// database. What each figure means is defined in DashboardFigures.
class DashboardModel : public DatabaseTableModel
{
    Q_OBJECT
public:
    enum Figure
    {
        AppointmentsFigure,
        CompletedFigure,
        NoShowsFigure,
        CancellationsFigure,
        NoShowRateFigure,
        PatientsSeenFigure,
        FigureCount
    };
    enum Period
    {
        TodayPeriod,
        Last30DaysPeriod,
        PeriodCount
    };
    // The figure as a number: qint64 counts, the rate as a double from 0 to 1, invalid when
    // undefined.
    enum Role
    {
        ValueRole = FirstCustomRole
    };

    explicit DashboardModel(Database &db, QObject *parent = nullptr);

    void refresh() override;
    const DashboardFigures &figures(Period period) const { return m_figures.at(period); }
    // The local days a period covers, as of the last refresh.
    QDate firstDay(Period period) const;
    QDate lastDay() const { return m_today; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    static QString figureName(Figure figure);
    static QString figureDefinition(Figure figure);
    static QString periodName(Period period);

private:
    Result<DashboardFigures> load(QDate first, QDate last, const ClinicTime &clinic) const;
    QVariant value(Figure figure, Period period) const;

    AppointmentRepository m_repository;
    QDate m_today;
    std::array<DashboardFigures, PeriodCount> m_figures{};
};

} // namespace frontdesk
