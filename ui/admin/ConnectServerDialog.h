#pragma once

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace frontdesk {

class WorkstationEnroller;

// Workstation → Connect to server…: an administrator joins this workstation to frontdesk-server
// with their account there, as frontdeskctl enroll does. The enrolling runs off the UI thread
// (WorkstationEnroller); the dialog stays responsive and shows what happened.
class ConnectServerDialog : public QDialog
{
    Q_OBJECT
public:
    ConnectServerDialog(WorkstationEnroller &enroller, QWidget *parent = nullptr);

    QLineEdit *serverEdit() const { return m_server; }
    QLineEdit *userEdit() const { return m_user; }
    QLineEdit *passwordEdit() const { return m_password; }
    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *caFileEdit() const { return m_caFile; }
    QLineEdit *pinEdit() const { return m_pin; }
    QCheckBox *insecureBox() const { return m_insecure; }
    QLabel *messageLabel() const { return m_message; }
    QPushButton *connectButton() const { return m_connect; }
    bool isBusy() const { return m_busy; }

    // Checks the form and starts enrolling; the message label tells how it ends.
    void connectToServer();

signals:
    void enrolled(const QString &summary);

private:
    void setBusy(bool busy);
    void showMessage(const QString &text, bool problem);
    void chooseCaFile();

    WorkstationEnroller &m_enroller;
    QLabel *m_current = nullptr;
    QLineEdit *m_server = nullptr;
    QLineEdit *m_user = nullptr;
    QLineEdit *m_password = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_caFile = nullptr;
    QPushButton *m_browse = nullptr;
    QLineEdit *m_pin = nullptr;
    QCheckBox *m_insecure = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_message = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_connect = nullptr;
    bool m_busy = false;
};

} // namespace frontdesk
