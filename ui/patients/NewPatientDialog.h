#pragma once

#include <QDialog>

class QLabel;

namespace frontdesk {

class Database;
class PatientEditor;
class PatientProfile;

// Registers a new patient without leaving the task at hand (the booking dialog's New patient…):
// the profile's demographics form, its checks, and the same question when the patient may
// already be registered, where Use existing chooses that record instead of saving a second one.
class NewPatientDialog : public QDialog
{
    Q_OBJECT
public:
    explicit NewPatientDialog(Database &db, QWidget *parent = nullptr);

    PatientEditor *editor() const { return m_editor; }
    QLabel *messageLabel() const { return m_message; }
    // After acceptance: the saved patient, or the existing one chosen instead.
    QString patientId() const { return m_patientId; }
    QString mrn() const { return m_mrn; }

    void accept() override;

private:
    void showMessage(const QString &text);

    PatientProfile *m_profile;
    PatientEditor *m_editor;
    QLabel *m_message;
    QString m_patientId;
    QString m_mrn;
};

} // namespace frontdesk
