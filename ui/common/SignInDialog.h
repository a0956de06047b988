#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;

namespace frontdesk {

class Session;

// The first thing Frontdesk shows: staff sign in with their own account. On a database
// without any account it asks for the first administrator instead, then signs them in.
class SignInDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Mode
    {
        SignIn,
        FirstAdministrator
    };

    SignInDialog(Session &session, Mode mode, const QString &place, QWidget *parent = nullptr);

    QLineEdit *usernameEdit() const { return m_username; }
    QLineEdit *passwordEdit() const { return m_password; }
    QLineEdit *repeatEdit() const { return m_repeat; }
    QLabel *errorLabel() const { return m_error; }

    void accept() override;

private:
    void showError(const QString &message);

    Session &m_session;
    Mode m_mode;
    QLineEdit *m_username = nullptr;
    QLineEdit *m_displayName = nullptr;
    QLineEdit *m_password = nullptr;
    QLineEdit *m_repeat = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace frontdesk
