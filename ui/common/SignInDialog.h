#pragma once

#include "access/AccountAuthority.h"

#include <QDialog>

#include <optional>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace frontdesk {

class Session;

// The first thing Frontdesk shows: staff sign in with their own account. On a database
// without any account it asks for the first administrator instead, then signs them in. On an
// enrolled workstation (setAuthority) the password is checked at the server first, on a thread
// of its own: the dialog says so and stays responsive, and Sign In waits for the answer.
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
    bool isChecking() const { return m_checking; }

    void setAuthority(AccountAuthority *authority) { m_authority = authority; }

    void accept() override;

private:
    void showError(const QString &message);
    void finish(const QString &username, const QString &password,
                const std::optional<ServerVerdict> &server);
    void setChecking(bool checking);

    Session &m_session;
    Mode m_mode;
    QLineEdit *m_username = nullptr;
    QLineEdit *m_displayName = nullptr;
    QLineEdit *m_password = nullptr;
    QLineEdit *m_repeat = nullptr;
    QLabel *m_error = nullptr;
    QLabel *m_status = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    AccountAuthority *m_authority = nullptr;
    bool m_checking = false;
};

} // namespace frontdesk
