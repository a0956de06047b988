#pragma once

#include "core/Result.h"
#include "kpi/Kpi.h"
#include "kpi/KpiFilter.h"
#include "kpi/KpiPeriodPreset.h"

#include <QElapsedTimer>
#include <QList>
#include <QWidget>

class QComboBox;
class QDateEdit;
class QGridLayout;
class QLabel;
class QLayout;
class QScrollArea;
class QStackedWidget;
class QTimer;
class QToolButton;

namespace frontdesk {

class Database;
class DrillDownDialog;
class FigureTile;
class KpiBreakdownModel;
class KpiFigureModel;
class NoShowHeatMap;
class PractitionerChart;
class WeeklyTrendChart;

// The manager's dashboard: figures for a chosen period and filters beside the previous period,
// weekly trend, practitioners and a no-show heat map, computed from the local database.
// A figure opens the records behind it; the tables export as CSV, the whole as PDF.
class DashboardView : public QWidget
{
    Q_OBJECT
public:
    enum class Table
    {
        Figures,
        Weeks,
        Practitioners,
        NoShowHeatMap
    };

    explicit DashboardView(Database &db, QWidget *parent = nullptr);
    ~DashboardView() override;

    // Recomputes (in the background) now when the view is shown, else when it is shown next.
    void refresh();
    // Fills the filter lists again from the database, keeping the choices that still exist.
    void reloadFilters();

    void setPreset(KpiPeriodPreset::Preset preset);
    void setPeriod(QDate from, QDate to);
    void setPractitioner(const QString &practitionerId);
    void setLocation(const QString &locationId);
    void setAppointmentType(const QString &code);
    KpiFilter filter() const;

    const QList<FigureTile *> &tiles() const { return m_tiles; }
    FigureTile *tile(Kpi kpi) const;
    KpiFigureModel *figureModel() const { return m_figures; }
    KpiBreakdownModel *breakdown(Table table) const;
    WeeklyTrendChart *trendChart() const { return m_trend; }
    PractitionerChart *practitionerChart() const { return m_practitionerChart; }
    NoShowHeatMap *heatMap() const { return m_heatMap; }
    QString asOfText() const;
    QString filterText() const;

    // Opens the records behind a figure (non-modal, deleted on close).
    DrillDownDialog *openDrillDown(Kpi kpi);
    void showHelp();
    bool exportCsv(Table table, const QString &path);
    bool exportPdf(const QString &path);

signals:
    void openPatientRequested(const QString &patientId);
    void errorOccurred(const QString &message);

protected:
    void showEvent(QShowEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    // The export's audit entry, committed before its file appears (AuditedExport).
    Status recordExport(const QString &path, const QString &format);
    // The constructor's parts: the filter bar, the line of commands, the pages (figures and
    // charts, or the refusal), and what recomputes when a filter changes.
    QLayout *buildFilterBar();
    QLayout *buildCommands();
    QWidget *buildPages();
    void connectFilters();

    void compute();
    void showComputing(bool computing);
    void applyPreset();
    void updateFromReport();
    void layOutTiles();
    void chooseCsvFile(Table table);
    void choosePdfFile();
    QString suggestedFileName(const QString &what, const QString &suffix) const;
    void warn(const QString &message);

    Database &m_db;
    KpiFigureModel *m_figures;
    KpiBreakdownModel *m_weeks;
    KpiBreakdownModel *m_practitioners;
    KpiBreakdownModel *m_heatCells;

    QComboBox *m_preset;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QComboBox *m_practitioner;
    QComboBox *m_location;
    QComboBox *m_type;
    QLabel *m_asOf;
    QLabel *m_status;
    QToolButton *m_csvButton;
    QStackedWidget *m_pages;
    QLabel *m_refused;
    QScrollArea *m_scroll;
    QGridLayout *m_tileGrid;
    QList<FigureTile *> m_tiles;
    WeeklyTrendChart *m_trend;
    PractitionerChart *m_practitionerChart;
    NoShowHeatMap *m_heatMap;
    QTimer *m_dateTimer;
    QElapsedTimer m_computeTime;
    int m_tileColumns = 0;
    bool m_stale = true;
};

} // namespace frontdesk
