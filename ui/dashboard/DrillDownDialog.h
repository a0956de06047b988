#pragma once

#include "kpi/Kpi.h"
#include "kpi/KpiFilter.h"

#include <QDialog>

class QAbstractItemModel;
class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace frontdesk {

class Database;
class KpiDrillDownModel;

// The records behind one figure: a sortable table, exported as CSV (audited) and opened as a
// patient profile by double-click, Enter or the button (which closes the list).
class DrillDownDialog : public QDialog
{
    Q_OBJECT
public:
    DrillDownDialog(Database &db, const KpiFilter &filter, Kpi kpi, QWidget *parent = nullptr);

    // False with the message shown in the dialog when the records could not be listed.
    bool load();
    QTableView *table() const { return m_table; }
    KpiDrillDownModel *model() const { return m_model; }
    QAbstractItemModel *shownModel() const;
    QString message() const;

    // Writes the rows as shown (sorted) to path; the export is audited.
    bool exportCsv(const QString &path);

signals:
    void openPatientRequested(const QString &patientId);

private:
    void chooseCsvFile();
    void openCurrentPatient();
    void updateButtons();

    KpiFilter m_filter;
    Kpi m_kpi;
    KpiDrillDownModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLabel *m_heading;
    QLabel *m_message;
    QTableView *m_table;
    QPushButton *m_openButton;
    QPushButton *m_exportButton;
};

} // namespace frontdesk
