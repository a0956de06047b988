#pragma once

#include <QAction>
#include <QList>
#include <QObject>
#include <QPointer>

class QAction;
class QLabel;
class QMainWindow;
class QWidget;

namespace frontdesk {

class AccountAuthority;
class Database;
class IdleMonitor;
class LockScreen;
class Session;
class WorkstationEnroller;

// The workstation's side of staff access, wired into the GUI: sign-in (or the first
// administrator) before the main window, auto-lock after the idle time an administrator sets,
// the lock screen, and the Workstation menu (lock, audit trail, idle time, message templates,
// connect to a server, wipe).
class AccessController : public QObject
{
    Q_OBJECT
public:
    explicit AccessController(Database &db, QObject *parent = nullptr);
    ~AccessController() override;

    Session &session() const { return *m_session; }
    IdleMonitor &idleMonitor() const { return *m_idle; }
    LockScreen *lockScreen() const { return m_lockScreen; }

    // Shows the sign-in dialog (the first-administrator dialog on a database without
    // accounts). False when the person chose to quit.
    bool signIn(const QString &place, QWidget *parent = nullptr);
    // Adds the lock screen and the Workstation menu to the main window and starts the idle
    // timer. Each person's main window is attached once; the last attached (or the one made
    // current again) is the one the lock screen and the dialogs here belong to.
    void attach(QMainWindow *window);
    void setCurrentWindow(QMainWindow *window);
    void lockNow(const QString &reason);
    void showAuditTrail();
    void changeIdleTime();
    // Workstation → Message Templates… (administrators: the settings right).
    void editMessageTemplates();
    void askToWipe();
    // Offers Workstation → Connect to Server… (administrators) through enroller, which must
    // outlive the windows.
    void setEnroller(WorkstationEnroller *enroller);
    void connectToServer();
    // Where passwords are checked once the workstation is enrolled (the sign-in dialog and the
    // lock screen ask it first); it must outlive the windows.
    void setAuthority(AccountAuthority *authority);
    // A sync disabled these accounts here at the server's word: if one of them is signed in,
    // the workstation locks, saying why; only another person can then sign in over the lock.
    void accountsDisabled(const QStringList &usernames);
    // A sync pulled these records (SyncWorker::recordsChanged): a new version of the clinic's
    // shared settings (Organization/clinic) puts its auto-lock time into force at once, not at
    // the next start.
    void applySyncedChanges(const QString &resourceType, const QStringList &ids);

signals:
    // The administrator confirmed a wipe; requestedBy names them for the system log. The owner
    // of the database closes it, wipes the data directory and starts afresh.
    void wipeRequested(const QString &requestedBy);
    // Another person switched user at the lock screen (LockScreen::switchedUser).
    void switchedUser(const QString &previousUsername, const QList<QPointer<QWidget>> &kept);

private:
    void updateActions();

    Database &m_db;
    Session *m_session;
    IdleMonitor *m_idle;
    LockScreen *m_lockScreen = nullptr;
    QPointer<QMainWindow> m_window;
    // Each attached window's: the menu (and so the actions) belongs to the window, which may go
    // first.
    struct WindowParts
    {
        QPointer<QLabel> who;
        QPointer<QAction> audit;
        QPointer<QAction> idle;
        QPointer<QAction> templates;
        QPointer<QAction> wipe;
        QPointer<QAction> connect;
    };
    QList<WindowParts> m_parts;
    WorkstationEnroller *m_enroller = nullptr;
    AccountAuthority *m_authority = nullptr;
};

} // namespace frontdesk
