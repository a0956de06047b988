#include "SignInDialog.h"

#include "access/PasswordPolicy.h"
#include "access/Session.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace frontdesk {

SignInDialog::SignInDialog(Session &session, Mode mode, const QString &place, QWidget *parent)
    : QDialog(parent), m_session(session), m_mode(mode)
{
    setWindowTitle(mode == Mode::SignIn ? tr("Sign in — Frontdesk")
                                        : tr("First start — Frontdesk"));
    // Wide enough for a clinic's name on one line.
    setMinimumWidth(fontMetrics().averageCharWidth() * 48);
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(this);
    intro->setObjectName(QStringLiteral("signInIntro"));
    intro->setWordWrap(true);
    const QString text = mode == Mode::SignIn
                             ? tr("Sign in with your own staff account.")
                             : tr("This workstation has no staff accounts yet. Create the first "
                                  "administrator; they can add everyone else (frontdeskctl user "
                                  "add).");
    intro->setText(
        place.isEmpty()
            ? text
            : QStringLiteral("<b>%1</b><br>%2").arg(place.toHtmlEscaped(), text.toHtmlEscaped()));
    layout->addWidget(intro);

    auto *form = new QFormLayout;
    m_username = new QLineEdit(this);
    m_username->setObjectName(QStringLiteral("username"));
    form->addRow(tr("&User name:"), m_username);
    if (mode == Mode::FirstAdministrator) {
        m_displayName = new QLineEdit(this);
        form->addRow(tr("&Full name:"), m_displayName);
    }
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("password"));
    m_password->setEchoMode(QLineEdit::Password);
    form->addRow(tr("&Password:"), m_password);
    if (mode == Mode::FirstAdministrator) {
        m_repeat = new QLineEdit(this);
        m_repeat->setObjectName(QStringLiteral("repeat"));
        m_repeat->setEchoMode(QLineEdit::Password);
        form->addRow(tr("&Repeat:"), m_repeat);
        auto *hint = new QLabel(tr("At least %1 characters, not a common password. Several "
                                   "unrelated words work well.")
                                    .arg(PasswordPolicy::MinimumLength),
                                this);
        hint->setWordWrap(true);
        form->addRow(QString(), hint);
    }
    layout->addLayout(form);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("error"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_error->hide();
    layout->addWidget(m_error);

    m_status = new QLabel(tr("Checking the password with the server…"), this);
    m_status->setObjectName(QStringLiteral("checking"));
    m_status->hide();
    layout->addWidget(m_status);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons = buttons;
    buttons->button(QDialogButtonBox::Ok)
        ->setText(mode == Mode::SignIn ? tr("Sign in") : tr("Create and sign in"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Quit"));
    connect(buttons, &QDialogButtonBox::accepted, this, &SignInDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SignInDialog::reject);
    layout->addWidget(buttons);
    m_username->setFocus();
}

void SignInDialog::showError(const QString &message)
{
    m_error->setText(message);
    m_error->show();
    m_password->clear();
    if (m_repeat)
        m_repeat->clear();
    m_password->setFocus();
}

void SignInDialog::setChecking(bool checking)
{
    m_checking = checking;
    m_status->setVisible(checking);
    m_username->setEnabled(!checking);
    m_password->setEnabled(!checking);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!checking);
}

void SignInDialog::accept()
{
    if (m_checking)
        return;
    const QString username = m_username->text().trimmed();
    if (username.isEmpty()) {
        showError(tr("Enter your user name."));
        m_username->setFocus();
        return;
    }
    if (m_mode == Mode::FirstAdministrator) {
        if (m_password->text() != m_repeat->text()) {
            showError(tr("The two passwords differ."));
            return;
        }
        auto made =
            m_session.createFirstAdministrator(username, m_password->text(), m_displayName->text());
        if (!made) {
            showError(made.error());
            return;
        }
    }
    const QString password = m_password->text();
    const AccountAuthority::Check check = m_mode == Mode::SignIn && m_authority
                                              ? m_authority->prepare(username, password)
                                              : AccountAuthority::Check();
    if (!check) {
        finish(username, password, std::nullopt);
        return;
    }
    setChecking(true);
    AccountAuthority::runInBackground(check, this,
                                      [this, username, password](const ServerVerdict &verdict) {
                                          setChecking(false);
                                          finish(username, password, verdict);
                                      });
}

void SignInDialog::finish(const QString &username, const QString &password,
                          const std::optional<ServerVerdict> &server)
{
    auto signedIn = m_session.signIn(username, password, server);
    m_password->clear();
    if (m_repeat)
        m_repeat->clear();
    if (!signedIn) {
        showError(signedIn.error());
        return;
    }
    QDialog::accept();
}

} // namespace frontdesk
