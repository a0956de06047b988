#pragma once

#include "DatabaseTableModel.h"
#include "kpi/KpiDefinition.h"
#include "kpi/KpiReport.h"

#include <memory>

namespace frontdesk {

class KpiService;
class ReadWorker;

// The dashboard's figures for the chosen filter: one row per KpiDefinitions::all() entry, with
// this period, the previous one of the same length, the change and the base of a rate. Owns the
// computation (KpiService::compute); the report it holds also feeds the charts.
class KpiFigureModel : public DatabaseTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        FigureColumn,
        CurrentColumn,
        PreviousColumn,
        ChangeColumn,
        BaseColumn,
        ColumnCount
    };
    enum Role
    {
        KpiRole = FirstCustomRole, // int(Kpi)
        ValueRole,                 // this column's figure as a double; invalid when undefined
        // +1 the change is an improvement, -1 a deterioration, 0 no change or not comparable
        AssessmentRole,
    };

    explicit KpiFigureModel(Database &db, QObject *parent = nullptr);
    ~KpiFigureModel() override;

    void setFilter(const KpiFilter &filter) { m_filter = filter; }
    const KpiFilter &filter() const { return m_filter; }
    // Needs Permission::ViewDashboards; a failure keeps the figures shown before and reports.
    void refresh() override;
    // The same on a thread of its own with its own connection (as the sync worker does): a
    // year of a large clinic takes seconds, and the window must not freeze meanwhile. The
    // permission and the filter are checked here first; the newest request wins, older
    // requests still waiting are skipped and older results dropped. The thread, its connection
    // and the service's second one stay open for the next refresh, their page caches warm.
    void refreshInBackground();
    bool isComputing() const { return m_computing; }
    bool hasReport() const { return m_hasReport; }
    const KpiReport &report() const { return m_report; }
    // The row of a figure.
    int rowOf(Kpi kpi) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // How figures read, in the current locale: rates as percent, days with one decimal.
    static QString valueText(const KpiDefinition &definition, const KpiValue &value);
    static QString percentText(const std::optional<double> &fraction);
    static QString daysText(const std::optional<double> &days);
    // "▲ 2.1 pp" against the previous period; "—" when either side is undefined.
    static QString changeText(const KpiDefinition &definition, const KpiValue &current,
                              const KpiValue &previous);
    static int assessment(const KpiDefinition &definition, const KpiValue &current,
                          const KpiValue &previous);
    // "12 of 340" for rates and for counts that are part of a base; empty otherwise.
    static QString baseText(const KpiValue &value);
    // "3 Nov 2026 – 9 Nov 2026".
    static QString periodText(const KpiFilter &filter);

signals:
    void computingChanged(bool computing);

private:
    bool checkRequest();
    void finish(quint64 generation, const Result<KpiReport> &report);
    void setComputing(bool computing);

    KpiFilter m_filter;
    KpiReport m_report;
    bool m_hasReport = false;
    bool m_computing = false;
    quint64 m_generation = 0;
    struct Background; // what the background thread keeps between refreshes
    std::shared_ptr<Background> m_background;
    std::unique_ptr<ReadWorker> m_worker;
};

} // namespace frontdesk
