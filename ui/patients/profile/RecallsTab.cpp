#include "RecallsTab.h"

#include "PatientProfile.h"
#include "ProfileFormat.h"
#include "patients/RecallDialog.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QMessageBox>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace frontdesk {

namespace {
// The recall's status, for the buttons that apply only to open ones.
constexpr int kStatusRole = Qt::UserRole + 1;
} // namespace

RecallsTab::RecallsTab(PatientProfile &profile, QWidget *parent)
    : QWidget(parent), m_profile(profile)
{
    m_recalls =
        profile::makeTree({tr("Due"), tr("Reason"), tr("Practitioner"), tr("Status")}, this);
    m_recalls->setObjectName(QStringLiteral("recalls"));
    m_recalls->setAccessibleName(tr("Recalls"));
    connect(m_recalls, &QTreeWidget::itemActivated, this,
            [this](QTreeWidgetItem *item) { editRecall(item); });
    connect(m_recalls, &QTreeWidget::currentItemChanged, this, &RecallsTab::updateButtons);
    m_recalls->installEventFilter(this); // Delete cancels the selected recall
    m_add = new QPushButton(tr("&Add recall…"), this);
    m_add->setObjectName(QStringLiteral("addRecallButton"));
    m_done = new QPushButton(tr("&Mark done"), this);
    m_done->setObjectName(QStringLiteral("recallDoneButton"));
    m_done->setToolTip(tr("The patient came back for the selected recall"));
    m_cancel = new QPushButton(tr("Ca&ncel recall…"), this);
    m_cancel->setObjectName(QStringLiteral("cancelRecallButton"));
    m_cancel->setToolTip(tr("The selected recall is no longer needed (Delete)"));
    connect(m_add, &QPushButton::clicked, this, &RecallsTab::addRecall);
    connect(m_done, &QPushButton::clicked, this, &RecallsTab::markDone);
    connect(m_cancel, &QPushButton::clicked, this, &RecallsTab::cancelRecall);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_done);
    buttons->addWidget(m_cancel);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(m_recalls, 1);
}

QString RecallsTab::statusText(const Recall &r, bool overdue)
{
    if (r.status == Recall::done())
        return tr("Done");
    if (r.status == Recall::cancelled())
        return tr("Cancelled");
    return overdue ? tr("Open — overdue") : tr("Open");
}

void RecallsTab::reload()
{
    const QString selected = selectedRecall();
    m_recalls->clear();
    for (const Recall &r : m_profile.recalls()) {
        const bool overdue = m_profile.isOverdue(r.meta.id);
        auto *item = new QTreeWidgetItem(
            m_recalls, {profile::day(r.dueOn), r.reason,
                        r.practitionerId.isEmpty() ? tr("Any practitioner")
                                                   : m_profile.practitionerName(r.practitionerId),
                        statusText(r, overdue)});
        item->setData(0, Qt::UserRole, r.meta.id);
        item->setData(0, kStatusRole, r.status);
        if (overdue) {
            QFont bold = item->font(3);
            bold.setBold(true);
            item->setFont(3, bold);
            item->setForeground(0, profile::warningColor());
            item->setForeground(3, profile::warningColor());
            item->setToolTip(3, tr("Due before today and no appointment booked on or after the "
                                   "due date: a care gap"));
        } else if (r.status != Recall::open()) {
            for (int c = 0; c < m_recalls->columnCount(); ++c)
                item->setForeground(c,
                                    m_recalls->palette().color(QPalette::Disabled, QPalette::Text));
        }
        if (r.status == Recall::open())
            item->setToolTip(0, tr("Double-click or Enter to change; Delete to cancel"));
        if (r.meta.id == selected)
            m_recalls->setCurrentItem(item);
    }
    if (m_profile.recalls().isEmpty()) {
        auto *none = new QTreeWidgetItem(m_recalls, {tr("(no recalls)")});
        none->setFirstColumnSpanned(true);
    }
    for (int c = 0; c < 3; ++c)
        m_recalls->resizeColumnToContents(c);
    const int overdue = m_profile.overdueRecallCount();
    // No mnemonic: every letter of "Recalls" already opens a field or tab of the profile.
    emit titleChanged(overdue ? tr("Recalls (%n overdue)", nullptr, overdue) : tr("Recalls"));
    updateButtons();
}

bool RecallsTab::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_recalls && event->type() == QEvent::KeyPress &&
        static_cast<QKeyEvent *>(event)->matches(QKeySequence::Delete)) {
        cancelRecall();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

QString RecallsTab::selectedRecall() const
{
    const QTreeWidgetItem *item = m_recalls->currentItem();
    return item ? item->data(0, Qt::UserRole).toString() : QString();
}

void RecallsTab::updateButtons()
{
    const bool mayEdit = m_profile.canEditRecalls();
    const QTreeWidgetItem *item = m_recalls->currentItem();
    const bool open = item && item->data(0, kStatusRole).toString() == Recall::open();
    m_add->setEnabled(mayEdit);
    m_done->setEnabled(mayEdit && open);
    m_cancel->setEnabled(mayEdit && open);
}

void RecallsTab::addRecall()
{
    if (!m_profile.canEditRecalls())
        return;
    RecallDialog dialog(m_profile, m_profile.newRecall(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    emit reported(m_profile.addRecall(dialog.recall()));
}

void RecallsTab::editRecall(QTreeWidgetItem *item)
{
    if (!item || !m_profile.canEditRecalls())
        return;
    const QString id = item->data(0, Qt::UserRole).toString();
    for (const Recall &r : m_profile.recalls()) {
        if (r.meta.id != id)
            continue;
        if (r.status != Recall::open()) {
            emit errorOccurred(
                tr("This recall is closed and cannot be changed; add a new one instead."));
            return;
        }
        RecallDialog dialog(m_profile, r, this);
        if (dialog.exec() == QDialog::Accepted)
            emit reported(m_profile.editRecall(dialog.recall()));
        return;
    }
}

void RecallsTab::markDone()
{
    const QString id = selectedRecall();
    if (id.isEmpty() || !m_done->isEnabled())
        return;
    emit reported(m_profile.markRecallDone(id));
}

void RecallsTab::cancelRecall()
{
    const QString id = selectedRecall();
    if (id.isEmpty() || !m_cancel->isEnabled())
        return;
    if (QMessageBox::question(this, tr("Cancel recall"),
                              tr("Cancel the recall “%1”? It stays in the patient's history.")
                                  .arg(m_recalls->currentItem()->text(1))) != QMessageBox::Yes)
        return;
    emit reported(m_profile.cancelRecall(id));
}

} // namespace frontdesk
