#pragma once

#include "access/AccountAuthority.h"

#include <QList>
#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>
#include <optional>

class QLabel;
class QLineEdit;
class QPushButton;
class QWidget;

namespace frontdesk {

class Session;

// What a locked workstation shows: nothing of the patients. Every window's contents are
// hidden (not closed, so unsaved edits survive), every window title is replaced, tooltips and
// shortcuts are blocked, and windows that open while locked are hidden as they appear. An
// application-modal lock window shows the unlock form; the same user or an administrator
// unlocks, and anyone with an account may switch user: the windows concealed for the previous
// person are then handed over (switchedUser) to be kept for them, hidden, except forms that
// hold the whole application (application-modal), which are closed without saving after the
// person switching was told so. On an enrolled workstation (setAuthority) the password is
// checked at the server first, on a thread of its own, while the form waits.
class LockScreen : public QObject
{
    Q_OBJECT
public:
    LockScreen(Session &session, QWidget *mainWindow, QObject *parent = nullptr);
    ~LockScreen() override;

    bool isShown() const { return m_shown; }
    // Conceals everything; the session should already be locked.
    void show();

    void setAuthority(AccountAuthority *authority) { m_authority = authority; }
    // Shown under the form until the next try, e.g. why the workstation was locked.
    void showMessage(const QString &message);
    bool isChecking() const { return m_checking; }

    // The window of the person now signed in: the lock window takes its place on screen.
    void setMainWindow(QWidget *window) { m_mainWindow = window; }

    QWidget *panel() const { return m_panel.get(); }
    QLineEdit *usernameEdit() const { return m_username; }
    QLineEdit *passwordEdit() const { return m_password; }
    QLabel *errorLabel() const { return m_error; }
    void tryUnlock();
    void trySwitchUser();

signals:
    void unlocked();
    // Another person signed in over the lock. kept: the previous person's windows, hidden and
    // whole, for whoever keeps them until that person is back.
    void switchedUser(const QString &previousUsername, const QList<QPointer<QWidget>> &kept);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct Concealed
    {
        QPointer<QWidget> window;
        QString title;
        QList<QPointer<QWidget>> hidden;
        QPointer<QWidget> cover;
    };
    void conceal(QWidget *window);
    void reveal();
    // Ends the concealment without showing the windows again.
    QList<QPointer<QWidget>> release();
    QList<QWidget *> blockingForms() const;
    void fitCover(const Concealed &c);
    // The server's verdict on the password (nullopt: no server to ask), then `then`.
    void withVerdict(const QString &username, const QString &password,
                     std::function<void(const std::optional<ServerVerdict> &)> then);
    void setChecking(bool checking);
    // Undoes what concealing did to one window: its title, hidden children, cover, filter.
    void uncover(const Concealed &c);

    Session &m_session;
    QPointer<QWidget> m_mainWindow;
    // No parent: the lock outlives any one person's main window.
    std::unique_ptr<QWidget> m_panel;
    QLabel *m_who = nullptr;
    QLineEdit *m_username = nullptr;
    QLineEdit *m_password = nullptr;
    QLabel *m_error = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_unlock = nullptr;
    QPushButton *m_switchUser = nullptr;
    AccountAuthority *m_authority = nullptr;
    bool m_checking = false;
    QList<Concealed> m_concealed;
    QPointer<QWidget> m_focus;
    bool m_shown = false;
    // The person switching was told which forms a switch closes; the next press goes on.
    bool m_closingConfirmed = false;
};

} // namespace frontdesk
