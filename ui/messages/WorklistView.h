#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QTableView;

namespace frontdesk {

class WorklistModel;

// The front desk's worklist beside the conversations: open recalls, call and letter tasks and
// waitlist offers due up to today, with the patient's phone and what to do. Keyboard first:
// Return opens the patient, D marks the task done, the filter chooses one kind.
class WorklistView : public QWidget
{
    Q_OBJECT
public:
    explicit WorklistView(WorklistModel *model, QWidget *parent = nullptr);

    QTableView *table() const { return m_table; }
    QComboBox *kindFilter() const { return m_kind; }
    QPushButton *doneButton() const { return m_done; }
    QPushButton *outreachButton() const { return m_outreach; }
    QLabel *countLabel() const { return m_count; }

    // Marking done needs the permission to send messages; without it the action is hidden.
    void setMayWork(bool mayWork);
    void refresh();
    // Marks the current row's task done, as D does.
    void markCurrentDone();

signals:
    void openPatientRequested(const QString &patientId);
    void outreachRequested();
    void errorOccurred(const QString &message);
    void statusMessage(const QString &message);

private:
    void updateCount();

    WorklistModel *m_model;
    QComboBox *m_kind;
    QLabel *m_count;
    QTableView *m_table;
    QPushButton *m_done;
    QPushButton *m_outreach;
    bool m_mayWork = true;
};

} // namespace frontdesk
