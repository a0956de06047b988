#pragma once

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QTableView;

namespace frontdesk {

class AuditTrailModel;
class Database;

// The managers' view of the audit trail: filter by user, patient, action and time, check the
// hash chain, and export what is shown as CSV (the export is itself audited).
class AuditViewer : public QDialog
{
    Q_OBJECT
public:
    explicit AuditViewer(Database &db, QWidget *parent = nullptr);

    AuditTrailModel *model() const { return m_model; }
    QLabel *statusLabel() const { return m_status; }
    void applyFilter();
    void verifyChain();
    // Writes the shown entries to path; the message says what happened.
    bool exportTo(const QString &path, QString *message);

private:
    void exportCsv();

    Database &m_db;
    AuditTrailModel *m_model;
    QComboBox *m_user = nullptr;
    QComboBox *m_action = nullptr;
    QLineEdit *m_patient = nullptr;
    QCheckBox *m_period = nullptr;
    QDateEdit *m_from = nullptr;
    QDateEdit *m_to = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_status = nullptr;
};

} // namespace frontdesk
