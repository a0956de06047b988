#pragma once

#include "SyncIssues.h"

#include <QDialog>

class QLabel;
class QListWidget;
class QPushButton;
class QTableWidget;

namespace frontdesk {

// File → Sync Conflicts…: the records the server refused or had changed meanwhile, one at a
// time with both versions side by side (the fields that differ, those changed on both sides
// marked) and who made each; Keep Mine sends this workstation's again, Take Server's makes the
// record the server's version, and a refused booking is rebooked to the next free time in one
// step. As `frontdeskctl conflicts`.
class ConflictsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ConflictsDialog(SyncIssues &issues, QWidget *parent = nullptr);

    QListWidget *list() const { return m_list; }
    QTableWidget *fields() const { return m_fields; }
    QLabel *messageLabel() const { return m_message; }
    QPushButton *keepMineButton() const { return m_mine; }
    QPushButton *takeTheirsButton() const { return m_theirs; }
    QPushButton *rebookButton() const { return m_rebook; }

    void reload();
    void settle(SyncIssues::Take take);
    // A refused booking to its practitioner's next free time.
    void rebook();

signals:
    // A record was settled: sync again, and show the record as it is now.
    void settled(const QString &resourceType, const QString &id);

private:
    void showCurrent();

    SyncIssues &m_issues;
    QList<SyncIssue> m_items;
    QListWidget *m_list;
    QLabel *m_problem;
    QLabel *m_who;
    QTableWidget *m_fields;
    QLabel *m_message;
    QPushButton *m_mine;
    QPushButton *m_theirs;
    QPushButton *m_rebook;
};

} // namespace frontdesk
