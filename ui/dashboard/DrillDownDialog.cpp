#include "DrillDownDialog.h"

#include "KpiDrillDownModel.h"
#include "KpiFigureModel.h"
#include "common/RecordTable.h"
#include "common/ViewHelpers.h"
#include "kpi/KpiDefinitions.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace frontdesk {

DrillDownDialog::DrillDownDialog(Database &db, const KpiFilter &filter, Kpi kpi, QWidget *parent)
    : QDialog(parent), m_filter(filter), m_kpi(kpi), m_model(new KpiDrillDownModel(db, this)),
      m_proxy(new QSortFilterProxyModel(this)), m_heading(new QLabel(this)),
      m_message(new QLabel(this)), m_table(new QTableView(this))
{
    setObjectName(QStringLiteral("drillDownDialog"));
    const KpiDefinition &definition = KpiDefinitions::of(kpi);
    setWindowTitle(tr("%1 — records", "figure name").arg(definition.name));

    view::makeHeading(m_heading, 1.15);
    m_heading->setWordWrap(true);
    m_message->setWordWrap(true);
    m_message->setObjectName(QStringLiteral("drillDownMessage"));
    auto *definitionLabel = new QLabel(definition.definition, this);
    definitionLabel->setWordWrap(true);
    definitionLabel->setForegroundRole(QPalette::PlaceholderText);

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(KpiDrillDownModel::SortRole);
    setUpRecordTable(m_table);
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(-1, Qt::AscendingOrder);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setAccessibleName(definition.name);
    connect(m_table, &QTableView::activated, this, &DrillDownDialog::openCurrentPatient);

    m_openButton = new QPushButton(tr("&Open patient"), this);
    m_openButton->setToolTip(tr("Opens the selected patient's profile (double-click or Enter)"));
    m_exportButton = new QPushButton(tr("Export &CSV…"), this);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_openButton, QDialogButtonBox::ActionRole);
    buttons->addButton(m_exportButton, QDialogButtonBox::ActionRole);
    // Enter in the table opens the patient; it must not close the dialog through a default.
    for (QAbstractButton *b : buttons->buttons())
        if (auto *push = qobject_cast<QPushButton *>(b))
            push->setAutoDefault(false);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_openButton, &QPushButton::clicked, this, &DrillDownDialog::openCurrentPatient);
    connect(m_exportButton, &QPushButton::clicked, this, &DrillDownDialog::chooseCsvFile);
    connect(m_model, &QAbstractItemModel::modelReset, this, &DrillDownDialog::updateButtons);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_heading);
    layout->addWidget(definitionLabel);
    layout->addWidget(m_message);
    layout->addWidget(m_table, 1);
    layout->addWidget(buttons);
    resize(900, 560);
    updateButtons();
}

bool DrillDownDialog::load()
{
    const KpiDefinition &definition = KpiDefinitions::of(m_kpi);
    const Status loaded = m_model->load(m_filter, m_kpi);
    m_heading->setText(tr("%1, %2: %n record(s)", "figure, period", m_model->rowCount())
                           .arg(definition.name, KpiFigureModel::periodText(m_filter)));
    m_message->setText(loaded ? QString() : loaded.error());
    m_message->setVisible(!loaded);
    m_table->resizeColumnsToContents();
    if (m_model->rowCount() > 0)
        m_table->selectRow(0);
    m_table->setFocus();
    return loaded.ok();
}

QAbstractItemModel *DrillDownDialog::shownModel() const
{
    return m_proxy;
}

QString DrillDownDialog::message() const
{
    return m_message->text();
}

bool DrillDownDialog::exportCsv(const QString &path)
{
    const Status written = m_model->writeCsv(path, *m_proxy);
    m_message->setText(written ? tr("Saved %n row(s) to %1.", nullptr, m_proxy->rowCount())
                                     .arg(QDir::toNativeSeparators(path))
                               : written.error());
    m_message->setVisible(true);
    return written.ok();
}

void DrillDownDialog::chooseCsvFile()
{
    const QString suggested = view::inDocuments(QStringLiteral("%1-%2-%3.csv")
                                                    .arg(KpiDefinitions::of(m_kpi).key,
                                                         m_filter.from.toString(Qt::ISODate),
                                                         m_filter.to.toString(Qt::ISODate)));
    const QString path = QFileDialog::getSaveFileName(this, tr("Export the list as CSV"), suggested,
                                                      tr("CSV files (*.csv)"));
    if (!path.isEmpty())
        exportCsv(path);
}

void DrillDownDialog::openCurrentPatient()
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid())
        return;
    const QString patientId = current.data(KpiDrillDownModel::PatientIdRole).toString();
    if (patientId.isEmpty())
        return;
    emit openPatientRequested(patientId);
    // The list would stay above the profile it opened (a dialog keeps above its window).
    close();
}

void DrillDownDialog::updateButtons()
{
    const bool rows = m_model->rowCount() > 0;
    m_exportButton->setEnabled(rows);
    bool patients = false;
    for (const QString &id : m_model->drillDown().patientIds)
        patients = patients || !id.isEmpty();
    m_openButton->setEnabled(patients);
}

} // namespace frontdesk
