#pragma once

#include "kpi/KpiReport.h"

#include <QAbstractTableModel>

namespace frontdesk {

// One of the tables behind the dashboard's charts, read from a KpiReport: the weekly trend,
// the figures per practitioner, or the no-shows by weekday and hour (one row per cell that
// had appointments). The charts draw these numbers; the CSV and PDF exports write them.
class KpiBreakdownModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Table
    {
        Weeks,
        Practitioners,
        NoShowHeatMap
    };
    enum Role
    {
        ValueRole = Qt::UserRole + 1 // the number behind a cell; invalid when undefined
    };

    explicit KpiBreakdownModel(Table table, QObject *parent = nullptr);

    Table table() const { return m_table; }
    QString title() const;
    void setReport(const KpiReport &report);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // "Mon 09:00–10:00" style labels the heat map and its table share.
    static QString weekdayName(int weekday);
    static QString hourText(int hour);
    static QString weekText(QDate monday);

private:
    struct Cell
    {
        int weekday = 1; // 1 = Monday
        int hour = 0;
        qint64 appointments = 0;
        qint64 noShows = 0;
    };
    QVariant value(int row, int column) const;
    QString text(int row, int column) const;

    Table m_table;
    QList<KpiWeek> m_weeks;
    QList<KpiPractitionerRow> m_practitioners;
    QList<Cell> m_cells;
};

} // namespace frontdesk
