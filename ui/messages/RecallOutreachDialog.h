#pragma once

#include "RecallOutreach.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QStandardItemModel;
class QTableView;

namespace frontdesk {

class Database;

// Recall outreach, keyboard first: the patients due today (open recalls, and with "No visit
// for" the patients away that long) with each one's channel or why they are not contacted, a
// recall template, the selected patient's text as they will read it, and "Send to N patients"
// after a confirmation. Afterwards the list shows what became of each patient.
class RecallOutreachDialog : public QDialog
{
    Q_OBJECT
public:
    RecallOutreachDialog(Database &db, QWidget *parent = nullptr);

    QComboBox *templateChooser() const { return m_template; }
    QSpinBox *monthsField() const { return m_months; }
    QTableView *dueTable() const { return m_table; }
    QLabel *preview() const { return m_preview; }
    QPushButton *sendButton() const { return m_send; }
    QLabel *summary() const { return m_summary; }
    const QList<OutreachResult> &results() const { return m_results; }
    // Reads who is due again (the template or the months changed).
    void reload();
    // Sends after the person confirmed; `confirmed` false asks first (tests pass true).
    void send(bool confirmed = false);

signals:
    // The batch was sent: the Messages view and the worklist have new rows.
    void sent();

private:
    void showPreview();
    const MessageTemplate *chosenTemplate() const;
    void fillRow(int row, const OutreachCandidate &c, const QString &outcome);

    Database &m_db;
    RecallOutreach m_outreach;
    QList<MessageTemplate> m_templates;
    QList<OutreachCandidate> m_due;
    QList<OutreachResult> m_results;
    QComboBox *m_template;
    QSpinBox *m_months;
    QTableView *m_table;
    QStandardItemModel *m_model;
    QLabel *m_preview;
    QLabel *m_summary;
    QPushButton *m_send;
};

} // namespace frontdesk
