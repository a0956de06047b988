#include "RecallOutreachDialog.h"

#include "ClinicSettings.h"
#include "MessageTextForm.h"
#include "core/LocaleFormat.h"
#include "domain/MessageLabels.h"

#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

namespace frontdesk {

namespace {

enum Column
{
    PatientColumn,
    DueColumn,
    ReasonColumn,
    HowColumn,
    ColumnCount
};

QString howText(const OutreachCandidate &c)
{
    switch (c.action) {
    case OutreachCandidate::Action::Send:
        return MessageLabels::channel(c.channel);
    case OutreachCandidate::Action::CallTask:
        return RecallOutreachDialog::tr("Call task");
    case OutreachCandidate::Action::LetterTask:
        return RecallOutreachDialog::tr("Letter task");
    case OutreachCandidate::Action::Refused:
        break;
    }
    return RecallOutreachDialog::tr("Not contacted: %1").arg(c.note);
}

} // namespace

RecallOutreachDialog::RecallOutreachDialog(Database &db, QWidget *parent)
    : QDialog(parent), m_db(db), m_outreach(db)
{
    setWindowTitle(tr("Recall Outreach"));
    auto *form = new QFormLayout;
    m_template = new QComboBox(this);
    m_template->setObjectName(QStringLiteral("outreachTemplate"));
    m_template->setAccessibleName(tr("Template"));
    form->addRow(tr("&Template:"), m_template);
    m_months = new QSpinBox(this);
    m_months->setObjectName(QStringLiteral("outreachMonths"));
    m_months->setAccessibleName(tr("No visit for (months)"));
    m_months->setRange(0, RecallOutreach::maxMonths);
    m_months->setValue(0);
    m_months->setSpecialValueText(tr("Only recalls"));
    m_months->setSuffix(tr(" months"));
    form->addRow(tr("&No visit for:"), m_months);

    m_model = new QStandardItemModel(0, ColumnCount, this);
    m_model->setHorizontalHeaderLabels({tr("Patient"), tr("Due"), tr("Reason"), tr("How")});
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("outreachDue"));
    m_table->setAccessibleName(tr("Patients due"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setTabKeyNavigation(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setMinimumSize(fontMetrics().averageCharWidth() * 100, fontMetrics().height() * 12);
    auto *dueLabel = new QLabel(tr("&Patients due:"), this);
    dueLabel->setBuddy(m_table);

    // The message's preview as the message window and the template editor show it; nothing is
    // typed here, so only the preview, filled for the selected patient.
    auto *text = new MessageTextForm(
        {MessageTextForm::Mode::PreviewOnly, 4, tr("What the selected patient reads:")}, this);
    m_preview = text->previewLabel();
    m_preview->setObjectName(QStringLiteral("outreachPreview"));
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("outreachSummary"));
    m_summary->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_send = buttons->addButton(tr("&Send"), QDialogButtonBox::ActionRole);
    m_send->setObjectName(QStringLiteral("outreachSend"));
    m_send->setToolTip(tr("Queues the messages and makes the call and letter tasks (Ctrl+Return)"));
    // Beside the button's own Alt+letter, which every new label of it sets again.
    auto *sendKey = new QAction(this);
    sendKey->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    addAction(sendKey);
    connect(sendKey, &QAction::triggered, this, [this] { send(); });
    buttons->button(QDialogButtonBox::Close)->setAutoDefault(false);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_send, &QPushButton::clicked, this, [this] { send(); });

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(dueLabel);
    layout->addWidget(m_table, 1);
    layout->addWidget(text);
    layout->addWidget(m_summary);
    layout->addWidget(buttons);

    auto templates = m_outreach.templates();
    if (templates)
        m_templates = *templates;
    else
        m_summary->setText(templates.error());
    for (const MessageTemplate &t : std::as_const(m_templates))
        m_template->addItem(t.name, t.meta.id);
    connect(m_template, &QComboBox::currentIndexChanged, this, &RecallOutreachDialog::reload);
    connect(m_months, &QSpinBox::valueChanged, this, &RecallOutreachDialog::reload);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &RecallOutreachDialog::showPreview);
    reload();
    m_table->setFocus();
}

const MessageTemplate *RecallOutreachDialog::chosenTemplate() const
{
    const int i = m_template->currentIndex();
    return i >= 0 && i < m_templates.size() ? &m_templates.at(i) : nullptr;
}

void RecallOutreachDialog::fillRow(int row, const OutreachCandidate &c, const QString &outcome)
{
    const QStringList cells{tr("%1 (%2)").arg(c.patientName, c.mrn),
                            LocaleFormat::fullYearDate(c.dueOn), c.reason, outcome};
    for (int column = 0; column < ColumnCount; ++column) {
        auto *item = new QStandardItem(cells.at(column));
        item->setToolTip(cells.at(column));
        m_model->setItem(row, column, item);
    }
}

void RecallOutreachDialog::reload()
{
    m_results.clear();
    m_model->removeRows(0, m_model->rowCount());
    const MessageTemplate *chosen = chosenTemplate();
    auto due = m_outreach.due(ClinicSettings(m_db).today(), m_months->value(), chosen);
    if (!due) {
        m_due.clear();
        m_summary->setText(due.error());
        m_send->setEnabled(false);
        showPreview();
        return;
    }
    m_due = *due;
    int contactable = 0;
    for (int row = 0; row < m_due.size(); ++row) {
        fillRow(row, m_due.at(row), howText(m_due.at(row)));
        contactable += m_due.at(row).contactable() ? 1 : 0;
    }
    m_table->resizeColumnsToContents();
    m_send->setText(tr("&Send to %n patient(s)", nullptr, contactable));
    m_send->setEnabled(chosen && contactable > 0);
    if (!chosen)
        m_summary->setText(tr("There is no active template for recalls; an administrator makes "
                              "one under message templates."));
    else if (m_due.isEmpty())
        m_summary->setText(tr("Nobody is due for a recall today."));
    else
        m_summary->setText(tr("%n patient(s) due, ", nullptr, int(m_due.size())) +
                           tr("%n to be contacted.", nullptr, contactable));
    if (!m_due.isEmpty())
        m_table->setCurrentIndex(m_model->index(0, 0));
    showPreview();
}

void RecallOutreachDialog::showPreview()
{
    const int row = m_table->currentIndex().row();
    if (row < 0 || row >= m_due.size()) {
        m_preview->clear();
        return;
    }
    const OutreachCandidate &c = m_due.at(row);
    QStringList parts;
    if (!c.subject.isEmpty())
        parts << tr("Subject: %1").arg(c.subject);
    if (!c.text.isEmpty())
        parts << c.text;
    if (!c.note.isEmpty())
        parts << c.note;
    m_preview->setText(parts.join(QStringLiteral("\n\n")));
}

void RecallOutreachDialog::send(bool confirmed)
{
    const MessageTemplate *chosen = chosenTemplate();
    if (!chosen || !m_send->isEnabled())
        return;
    if (!confirmed &&
        QMessageBox::question(this, tr("Recall Outreach"),
                              tr("Send the recall to the patients listed? Messages wait in the "
                                 "outbox until the server sends them; call and letter requests "
                                 "become tasks in the worklist.")) != QMessageBox::Yes)
        return;
    auto results = m_outreach.send(ClinicSettings(m_db).today(), m_months->value(), *chosen);
    if (!results) {
        m_summary->setText(results.error());
        return;
    }
    m_results = *results;
    m_due.clear();
    m_model->removeRows(0, m_model->rowCount());
    int queued = 0, tasks = 0, other = 0;
    for (int row = 0; row < m_results.size(); ++row) {
        const OutreachResult &r = m_results.at(row);
        QString outcome;
        switch (r.outcome) {
        case OutreachResult::Outcome::Queued:
            ++queued;
            outcome = tr("%1 queued").arg(MessageLabels::channel(r.candidate.channel));
            break;
        case OutreachResult::Outcome::Task:
            ++tasks;
            outcome = r.candidate.action == OutreachCandidate::Action::CallTask
                          ? tr("Call task made")
                          : tr("Letter task made");
            break;
        case OutreachResult::Outcome::Refused:
            ++other;
            outcome = tr("Not contacted: %1").arg(r.note);
            break;
        case OutreachResult::Outcome::Failed:
            ++other;
            outcome = tr("Failed, nothing kept: %1").arg(r.note);
            break;
        }
        fillRow(row, r.candidate, outcome);
        m_due.append(r.candidate);
    }
    m_table->resizeColumnsToContents();
    m_send->setEnabled(false);
    m_summary->setText(tr("Sent: %n message(s) queued, ", nullptr, queued) +
                       tr("%n task(s) made, ", nullptr, tasks) +
                       tr("%n patient(s) not contacted.", nullptr, other));
    if (!m_results.isEmpty())
        m_table->setCurrentIndex(m_model->index(0, 0));
    emit sent();
}

} // namespace frontdesk
