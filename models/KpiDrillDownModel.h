#pragma once

#include "DatabaseTableModel.h"
#include "kpi/KpiDrillDown.h"
#include "kpi/KpiFilter.h"

namespace frontdesk {

// The records behind one dashboard figure (KpiService::drillDown), as a sortable table.
// Loading it is audited by the service; writing it to a file is audited here, as an export of
// patient data.
class KpiDrillDownModel : public DatabaseTableModel
{
    Q_OBJECT
public:
    enum Role
    {
        PatientIdRole = FirstCustomRole,
        // What the column sorts by: numbers and dates as such, not as their display text.
        SortRole,
    };

    explicit KpiDrillDownModel(Database &db, QObject *parent = nullptr);

    // Loads the figure's records for the filter's current period.
    Status load(const KpiFilter &filter, Kpi kpi);
    void refresh() override;
    const KpiDrillDown &drillDown() const { return m_drillDown; }
    const KpiFilter &filter() const { return m_filter; }

    // Writes the rows in the order of `shown` (this model, or a sorting proxy over it) as CSV
    // and records the export in the audit trail. When the audit entry cannot be written the
    // file is removed again: no patient list leaves without its trace.
    Status writeCsv(const QString &path, const QAbstractItemModel &shown);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // A display text read back as what it shows: a number, a percentage, a date and time, a
    // date, or else the text folded for case-insensitive sorting.
    static QVariant sortKey(const QString &text);

private:
    KpiFilter m_filter;
    Kpi m_kpi = Kpi::Appointments;
    KpiDrillDown m_drillDown;
    QList<QVariantList> m_sortKeys;
};

} // namespace frontdesk
