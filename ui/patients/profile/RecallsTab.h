#pragma once

#include "core/Result.h"

#include <QWidget>

class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace frontdesk {

class PatientProfile;
struct Recall;

// The profile's recalls (care gaps): when the patient should come back, and whether they are
// overdue by the dashboard's rule. Enter or double-click edits an open recall; Delete cancels it.
class RecallsTab : public QWidget
{
    Q_OBJECT
public:
    explicit RecallsTab(PatientProfile &profile, QWidget *parent = nullptr);

    QTreeWidget *recallList() const { return m_recalls; }
    void reload();
    // "Open — overdue", "Done", ...
    static QString statusText(const Recall &recall, bool overdue);

signals:
    // After each change: the outcome for the profile's message line.
    void reported(const frontdesk::Status &status);
    void errorOccurred(const QString &message);
    // The tab's title, with the number of overdue recalls.
    void titleChanged(const QString &title);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QString selectedRecall() const;
    void updateButtons();
    void addRecall();
    void editRecall(QTreeWidgetItem *item);
    void markDone();
    void cancelRecall();

    PatientProfile &m_profile;
    QTreeWidget *m_recalls;
    QPushButton *m_add;
    QPushButton *m_done;
    QPushButton *m_cancel;
};

} // namespace frontdesk
