#include "AuditViewer.h"

#include "common/ViewHelpers.h"

#include "AuditTrailModel.h"
#include "ClinicSettings.h"
#include "access/AuditVerifier.h"
#include "access/AuditedExport.h"
#include "domain/AuditLabels.h"
#include "domain/ClinicTime.h"

#include <QBuffer>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace frontdesk {

AuditViewer::AuditViewer(Database &db, QWidget *parent)
    : QDialog(parent), m_db(db), m_model(new AuditTrailModel(db, this))
{
    setWindowTitle(tr("Audit trail"));
    resize(1000, 600);
    auto *layout = new QVBoxLayout(this);

    auto *filters = new QHBoxLayout;
    m_user = new QComboBox(this);
    m_user->setEditable(true);
    m_user->setMinimumContentsLength(12);
    m_action = new QComboBox(this);
    m_patient = new QLineEdit(this);
    m_patient->setPlaceholderText(tr("patient id"));
    m_period = new QCheckBox(tr("From"), this);
    m_from = new QDateEdit(this);
    m_to = new QDateEdit(this);
    m_from->setDisplayFormat(view::fullYearDateFormat());
    m_to->setDisplayFormat(view::fullYearDateFormat());
    const QDate today = ClinicSettings(db).today();
    m_from->setDate(today.addDays(-7));
    m_to->setDate(today);
    m_user->setAccessibleName(tr("User"));
    m_action->setAccessibleName(tr("Action"));
    m_patient->setAccessibleName(tr("Patient"));
    m_from->setAccessibleName(tr("First day"));
    m_to->setAccessibleName(tr("Last day"));
    m_from->setCalendarPopup(true);
    m_to->setCalendarPopup(true);
    m_from->setEnabled(false);
    m_to->setEnabled(false);
    connect(m_period, &QCheckBox::toggled, m_from, &QWidget::setEnabled);
    connect(m_period, &QCheckBox::toggled, m_to, &QWidget::setEnabled);
    filters->addWidget(new QLabel(tr("User:"), this));
    filters->addWidget(m_user);
    filters->addWidget(new QLabel(tr("Action:"), this));
    filters->addWidget(m_action);
    filters->addWidget(new QLabel(tr("Patient:"), this));
    filters->addWidget(m_patient);
    filters->addWidget(m_period);
    filters->addWidget(m_from);
    filters->addWidget(new QLabel(tr("to"), this));
    filters->addWidget(m_to);
    auto *apply = new QPushButton(tr("&Show"), this);
    filters->addWidget(apply);
    layout->addLayout(filters);

    m_table = new QTableView(this);
    m_table->setModel(m_model);
    m_table->setAccessibleName(tr("Audit entries"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    layout->addWidget(m_table);

    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *verify = buttons->addButton(tr("&Verify chain"), QDialogButtonBox::ActionRole);
    auto *exportButton = buttons->addButton(tr("&Export CSV…"), QDialogButtonBox::ActionRole);
    layout->addWidget(buttons);

    connect(apply, &QPushButton::clicked, this, &AuditViewer::applyFilter);
    connect(m_patient, &QLineEdit::returnPressed, this, &AuditViewer::applyFilter);
    connect(verify, &QPushButton::clicked, this, &AuditViewer::verifyChain);
    connect(exportButton, &QPushButton::clicked, this, &AuditViewer::exportCsv);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    AuditQuery query(db);
    m_user->addItem(tr("(anyone)"), QString());
    if (auto actors = query.actors())
        for (const QString &a : *actors)
            m_user->addItem(a, a);
    m_action->addItem(tr("(any)"), QString());
    if (auto actions = query.actions())
        for (const QString &a : *actions)
            m_action->addItem(AuditLabels::action(a), a);
    applyFilter();
}

void AuditViewer::applyFilter()
{
    AuditQuery::Filter filter;
    const QString user = m_user->currentText().trimmed();
    filter.actor = m_user->currentIndex() == 0 && user == m_user->itemText(0) ? QString() : user;
    filter.action = m_action->currentData().toString();
    filter.patientId = m_patient->text().trimmed();
    if (m_period->isChecked()) {
        const ClinicTime clinic = ClinicSettings(m_db).clinicTime();
        filter.fromMs = clinic.startOfDayUtc(m_from->date()).toMSecsSinceEpoch();
        filter.toMs = clinic.startOfDayUtc(m_to->date().addDays(1)).toMSecsSinceEpoch();
    }
    filter.limit = 5000;
    if (auto s = m_model->setFilter(filter); !s) {
        m_status->setText(s.error());
        return;
    }
    m_table->resizeColumnsToContents();
    m_status->setText(
        m_model->rowCount() == filter.limit
            ? tr("The newest %1 entries that match; narrow the filter to see older ones.")
                  .arg(QLocale().toString(filter.limit))
            : tr("%n entries match.", nullptr, m_model->rowCount()));
}

void AuditViewer::verifyChain()
{
    auto report = AuditVerifier(m_db).verify();
    if (!report)
        m_status->setText(report.error());
    else if (report->intact)
        m_status->setText(tr("The audit trail is intact: %n entries, each chained to the one "
                             "before.",
                             nullptr, static_cast<int>(report->entries)));
    else
        m_status->setText(tr("The audit trail was tampered with. %1").arg(report->problem));
}

bool AuditViewer::exportTo(const QString &path, QString *message)
{
    // exportCsv commits its audit entry, or fails and nothing is written.
    QBuffer csv;
    csv.open(QIODevice::WriteOnly);
    if (auto s = AuditQuery(m_db).exportCsv(m_model->filter(), m_model->entries(), csv); !s) {
        *message = s.error();
        return false;
    }
    if (auto s = AuditedExport::write(path, csv.data(), {}); !s) {
        *message = s.error();
        return false;
    }
    *message = tr("Exported %n entries to %1.", nullptr, int(m_model->entries().size())).arg(path);
    return true;
}

void AuditViewer::exportCsv()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export the audit trail"), view::inDocuments(QStringLiteral("audit-trail.csv")),
        tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    QString message;
    exportTo(path, &message);
    m_status->setText(message);
}

} // namespace frontdesk
