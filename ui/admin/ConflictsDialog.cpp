#include "ConflictsDialog.h"

#include "core/LocaleFormat.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

namespace frontdesk {

ConflictsDialog::ConflictsDialog(SyncIssues &issues, QWidget *parent)
    : QDialog(parent), m_issues(issues), m_list(new QListWidget(this)), m_problem(new QLabel(this)),
      m_who(new QLabel(this)), m_fields(new QTableWidget(0, 3, this)), m_message(new QLabel(this)),
      m_mine(new QPushButton(tr("&Keep Mine"), this)),
      m_theirs(new QPushButton(tr("&Take Server's"), this)),
      m_rebook(new QPushButton(tr("&Rebook to Next Free Time"), this))
{
    setWindowTitle(tr("Sync Conflicts"));
    setObjectName(QStringLiteral("conflictsDialog"));
    m_list->setObjectName(QStringLiteral("conflictList"));
    m_list->setAccessibleName(tr("Records waiting for a decision"));
    m_fields->setObjectName(QStringLiteral("conflictFields"));
    m_fields->setAccessibleName(tr("Fields that differ"));
    m_fields->setHorizontalHeaderLabels({tr("Field"), tr("Here"), tr("At the server")});
    m_fields->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_fields->verticalHeader()->hide();
    m_fields->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_fields->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_problem->setWordWrap(true);
    m_problem->setTextFormat(Qt::PlainText);
    m_who->setWordWrap(true);
    m_who->setTextFormat(Qt::PlainText);
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setObjectName(QStringLiteral("conflictMessage"));
    m_mine->setObjectName(QStringLiteral("keepMine"));
    m_mine->setToolTip(tr("Send this workstation's version again, on top of the server's."));
    m_theirs->setObjectName(QStringLiteral("takeTheirs"));
    m_theirs->setToolTip(tr("Make the record the server's version; the changes made here are "
                            "dropped."));

    m_rebook->setObjectName(QStringLiteral("rebook"));
    m_rebook->setToolTip(tr("Move the refused booking to its practitioner's next free time of "
                            "the same length, and send it again."));

    auto *detail = new QWidget(this);
    auto *right = new QVBoxLayout(detail);
    right->setContentsMargins(0, 0, 0, 0);
    right->addWidget(m_problem);
    right->addWidget(m_who);
    right->addWidget(m_fields, 1);
    auto *choose = new QHBoxLayout;
    choose->addStretch();
    choose->addWidget(m_rebook);
    choose->addWidget(m_mine);
    choose->addWidget(m_theirs);
    right->addLayout(choose);

    auto *split = new QSplitter(this);
    split->addWidget(m_list);
    split->addWidget(detail);
    split->setStretchFactor(1, 2);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split, 1);
    layout->addWidget(m_message);
    layout->addWidget(buttons);

    connect(m_list, &QListWidget::currentRowChanged, this, &ConflictsDialog::showCurrent);
    connect(m_mine, &QPushButton::clicked, this, [this] { settle(SyncIssues::Take::Mine); });
    connect(m_theirs, &QPushButton::clicked, this, [this] { settle(SyncIssues::Take::Theirs); });
    connect(m_rebook, &QPushButton::clicked, this, &ConflictsDialog::rebook);
    resize(900, 480);
    reload();
}

void ConflictsDialog::reload()
{
    const QString was = m_list->currentRow() >= 0 && m_list->currentRow() < m_items.size()
                            ? m_items.at(m_list->currentRow()).id
                            : QString();
    auto listed = m_issues.list();
    m_list->clear();
    m_items.clear();
    if (!listed) {
        m_message->setText(
            tr("The records waiting for a decision could not be read: %1").arg(listed.error()));
        showCurrent();
        return;
    }
    m_items = *listed;
    int row = 0;
    for (int i = 0; i < m_items.size(); ++i) {
        const SyncIssue &issue = m_items.at(i);
        const QString state = issue.state == QLatin1String("conflict") ? tr("Changed on both sides")
                              : issue.state == SyncIssues::unapplied()
                                  ? tr("The server's could not be written here")
                                  : tr("Refused by the server");
        auto *item = new QListWidgetItem(QStringLiteral("%1\n%2").arg(issue.label, state), m_list);
        item->setToolTip(issue.problem);
        if (issue.id == was)
            row = i;
    }
    if (m_items.isEmpty())
        m_message->setText(tr("Nothing waits for a decision: every record the server refused or "
                              "changed meanwhile is settled."));
    m_list->setCurrentRow(m_items.isEmpty() ? -1 : row);
    showCurrent();
}

void ConflictsDialog::showCurrent()
{
    const int row = m_list->currentRow();
    const bool any = row >= 0 && row < m_items.size();
    m_mine->setEnabled(any && m_items.at(row).state != SyncIssues::unapplied());
    m_theirs->setEnabled(any && m_items.at(row).theirsVersion > 0);
    m_rebook->setVisible(any && m_items.at(row).type == QLatin1String("Appointment") &&
                         m_items.at(row).state == QLatin1String("rejected"));
    m_fields->setRowCount(0);
    if (!any) {
        m_problem->clear();
        m_who->clear();
        return;
    }
    const SyncIssue &issue = m_items.at(row);
    m_problem->setText(issue.problem);
    const auto someone = [](const QString &name) {
        return name.isEmpty() ? tr("not known") : name;
    };
    QString who = tr("Here by %1; at the server by %2 (its version %3).")
                      .arg(someone(issue.mineBy), someone(issue.theirsBy))
                      .arg(issue.theirsVersion);
    if (issue.theirsVersion == 0)
        who = tr("The server never accepted this record: change it here (for an appointment, "
                 "move it to a free time) and keep yours, which sends it again.");
    else if (issue.theirsDeleted)
        who += QLatin1Char(' ') + tr("The server has deleted it.");
    m_who->setText(who);
    m_fields->setRowCount(int(issue.fields.size()));
    for (int i = 0; i < issue.fields.size(); ++i) {
        const SyncIssue::Field &f = issue.fields.at(i);
        const QString name = f.clash ? tr("%1 (changed on both sides)").arg(f.label) : f.label;
        const QStringList cells{name, f.mine, f.theirs};
        for (int c = 0; c < cells.size(); ++c) {
            auto *cell = new QTableWidgetItem(cells.at(c));
            if (f.clash) {
                QFont bold = cell->font();
                bold.setBold(true);
                cell->setFont(bold);
            }
            if (!f.base.isEmpty())
                cell->setToolTip(tr("Before both changes: %1").arg(f.base));
            m_fields->setItem(i, c, cell);
        }
    }
}

void ConflictsDialog::rebook()
{
    const int row = m_list->currentRow();
    if (row < 0 || row >= m_items.size())
        return;
    const SyncIssue issue = m_items.at(row);
    auto start = m_issues.rebook(issue.id);
    if (!start) {
        m_message->setText(start.error());
        return;
    }
    const QString message = tr("%1: rebooked to %2; it goes to the server with the next sync.")
                                .arg(issue.label, LocaleFormat::fullYearDateTime(*start));
    emit settled(issue.type, issue.id);
    reload();
    m_message->setText(message);
}

void ConflictsDialog::settle(SyncIssues::Take take)
{
    const int row = m_list->currentRow();
    if (row < 0 || row >= m_items.size())
        return;
    const SyncIssue issue = m_items.at(row);
    if (const Status s = m_issues.resolve(issue.id, take); !s) {
        m_message->setText(s.error());
        return;
    }
    m_message->setText(take == SyncIssues::Take::Mine
                           ? tr("%1: this workstation's version goes to the server with the next "
                                "sync.")
                                 .arg(issue.label)
                           : tr("%1: now the server's version.").arg(issue.label));
    emit settled(issue.type, issue.id);
    const QString message = m_message->text();
    reload();
    if (!m_items.isEmpty())
        m_message->setText(message);
}

} // namespace frontdesk
