#include "AccessController.h"

#include "ClinicSettings.h"

#include "IdleMonitor.h"
#include "LanguageMenu.h"
#include "LockScreen.h"
#include "SignInDialog.h"
#include "access/AccountAuthority.h"
#include "access/Permissions.h"
#include "access/Session.h"
#include "admin/AuditViewer.h"
#include "admin/ConnectServerDialog.h"
#include "admin/MessageTemplatesDialog.h"

#include <QAction>
#include <QInputDialog>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>

namespace frontdesk {

AccessController::AccessController(Database &db, QObject *parent)
    : QObject(parent), m_db(db), m_session(new Session(db, this)), m_idle(new IdleMonitor(this))
{
    m_idle->setTimeout(ClinicSettings(db).autoLockMinutes() * 60 * 1000);
    connect(m_idle, &IdleMonitor::idle, this, [this] { lockNow(QStringLiteral("idle")); });
    connect(m_session, &Session::changed, this, &AccessController::updateActions);
}

AccessController::~AccessController()
{
    // The window and its menu may already be gone: nothing here is to be updated any more.
    disconnect(m_session, nullptr, this, nullptr);
    // Quitting signs the staff member out, so the trail shows where their session ended.
    if (auto s = m_session->signOut(); !s)
        qWarning("%s", qPrintable(s.error()));
}

bool AccessController::signIn(const QString &place, QWidget *parent)
{
    auto firstAdministrator = m_session->needsFirstAdministrator();
    // Enrolled, the accounts are the server's: its administrator signs in online.
    const bool firstRun =
        firstAdministrator && *firstAdministrator && !(m_authority && m_authority->enrolled());
    SignInDialog dialog(
        *m_session, firstRun ? SignInDialog::Mode::FirstAdministrator : SignInDialog::Mode::SignIn,
        place, parent);
    dialog.setAuthority(m_authority);
    return dialog.exec() == QDialog::Accepted && m_session->isSignedIn();
}

void AccessController::attach(QMainWindow *window)
{
    if (!m_lockScreen) {
        m_lockScreen = new LockScreen(*m_session, window, this);
        m_lockScreen->setAuthority(m_authority);
        connect(m_lockScreen, &LockScreen::unlocked, m_idle, &IdleMonitor::start);
        connect(m_lockScreen, &LockScreen::switchedUser, this,
                [this](const QString &previous, const QList<QPointer<QWidget>> &kept) {
                    emit switchedUser(previous, kept);
                    m_idle->start();
                });
    }
    setCurrentWindow(window);

    auto *menu = new QMenu(tr("&Workstation"), window);
    QAction *lock =
        menu->addAction(tr("&Lock"), this, [this] { lockNow(QStringLiteral("manual")); });
    lock->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    menu->addSeparator();
    WindowParts parts;
    parts.audit = menu->addAction(tr("&Audit Trail…"), this, &AccessController::showAuditTrail);
    parts.idle = menu->addAction(tr("Auto-Lock &Time…"), this, &AccessController::changeIdleTime);
    parts.templates =
        menu->addAction(tr("Message Te&mplates…"), this, &AccessController::editMessageTemplates);
    parts.templates->setObjectName(QStringLiteral("messageTemplates"));
    menu->addMenu(new LanguageMenu(menu));
    parts.connect =
        menu->addAction(tr("Connect to &Server…"), this, &AccessController::connectToServer);
    parts.connect->setObjectName(QStringLiteral("connectToServer"));
    menu->addSeparator();
    parts.wipe = menu->addAction(tr("&Wipe This Workstation…"), this, &AccessController::askToWipe);
    parts.who = new QLabel(window);
    parts.who->setObjectName(QStringLiteral("signedInAs"));
    window->statusBar()->addPermanentWidget(parts.who);
    m_parts.removeIf([](const WindowParts &p) { return !p.who; });
    m_parts << parts;

    const auto menus = window->menuBar()->actions();
    // Before Help, which by convention comes last.
    if (!menus.isEmpty())
        window->menuBar()->insertMenu(menus.last(), menu);
    else
        window->menuBar()->addMenu(menu);
    updateActions();
    m_idle->start();
}

void AccessController::setCurrentWindow(QMainWindow *window)
{
    m_window = window;
    if (m_lockScreen)
        m_lockScreen->setMainWindow(window);
}

void AccessController::updateActions()
{
    const auto &account = m_session->account();
    for (const WindowParts &parts : std::as_const(m_parts)) {
        if (parts.who)
            parts.who->setText(
                account ? tr("%1 (%2)").arg(account->displayName, Roles::displayName(account->role))
                        : QString());
        if (parts.audit)
            parts.audit->setVisible(m_session->allows(Permission::ViewAuditLog));
        if (parts.idle)
            parts.idle->setVisible(m_session->allows(Permission::ManageSettings));
        if (parts.templates)
            parts.templates->setVisible(m_session->allows(Permission::ManageSettings));
        if (parts.wipe)
            parts.wipe->setVisible(m_session->allows(Permission::WipeWorkstation));
        if (parts.connect)
            parts.connect->setVisible(m_enroller && m_session->allows(Permission::ManageSettings));
    }
}

void AccessController::setEnroller(WorkstationEnroller *enroller)
{
    m_enroller = enroller;
    updateActions();
}

void AccessController::setAuthority(AccountAuthority *authority)
{
    m_authority = authority;
    if (m_lockScreen)
        m_lockScreen->setAuthority(authority);
}

void AccessController::accountsDisabled(const QStringList &usernames)
{
    const auto &account = m_session->account();
    if (!account || !usernames.contains(account->username, Qt::CaseInsensitive))
        return;
    lockNow(QStringLiteral("account-disabled"));
    if (m_lockScreen && m_lockScreen->isShown())
        m_lockScreen->showMessage(
            tr("The account %1 was disabled at the server. Another person can sign in here "
               "with Switch User.")
                .arg(account->username));
}

void AccessController::applySyncedChanges(const QString &resourceType, const QStringList &ids)
{
    Q_UNUSED(ids);
    // The clinic's shared settings are one record, Organization/clinic (SharedSettings).
    if (resourceType != QLatin1String("Organization"))
        return;
    // Only a new time: setting it restarts the count of idle time already under way.
    const int timeout = ClinicSettings(m_db).autoLockMinutes() * 60 * 1000;
    if (m_idle->timeout() != timeout)
        m_idle->setTimeout(timeout);
}

void AccessController::connectToServer()
{
    if (!m_enroller)
        return;
    if (auto s = m_session->require(Permission::ManageSettings); !s) {
        QMessageBox::warning(m_window, tr("Connect to server"), s.error());
        return;
    }
    auto *dialog = new ConnectServerDialog(*m_enroller, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void AccessController::lockNow(const QString &reason)
{
    if (!m_session->isSignedIn() || !m_lockScreen || m_lockScreen->isShown())
        return;
    m_idle->stop();
    // The screen is hidden even if the audit entry could not be written.
    const Status s = m_session->lock(reason);
    if (!m_session->isLocked())
        return;
    m_lockScreen->show();
    if (!s)
        qWarning("%s", qPrintable(s.error()));
}

void AccessController::showAuditTrail()
{
    if (auto s = m_session->require(Permission::ViewAuditLog); !s) {
        QMessageBox::warning(m_window, tr("Audit trail"), s.error());
        return;
    }
    auto *viewer = new AuditViewer(m_db, m_window);
    viewer->setAttribute(Qt::WA_DeleteOnClose);
    viewer->show();
}

void AccessController::editMessageTemplates()
{
    if (auto s = m_session->require(Permission::ManageSettings); !s) {
        QMessageBox::warning(m_window, tr("Message templates"), s.error());
        return;
    }
    auto *dialog = new MessageTemplatesDialog(m_db, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void AccessController::changeIdleTime()
{
    bool ok = false;
    const int minutes = QInputDialog::getInt(
        m_window, tr("Auto-lock"), tr("Lock the workstation after this many idle minutes:"),
        ClinicSettings(m_db).autoLockMinutes(), 1, ClinicSettings::maximumAutoLockMinutes(), 1,
        &ok);
    if (!ok)
        return;
    if (auto s = ClinicSettings(m_db).setAutoLockMinutes(minutes); !s) {
        QMessageBox::warning(m_window, tr("Auto-lock"), s.error());
        return;
    }
    m_idle->setTimeout(minutes * 60 * 1000);
}

void AccessController::askToWipe()
{
    if (auto s = m_session->require(Permission::WipeWorkstation); !s) {
        QMessageBox::warning(m_window, tr("Wipe"), s.error());
        return;
    }
    QInputDialog ask(m_window);
    ask.setWindowTitle(tr("Wipe this workstation"));
    ask.setLabelText(
        tr("This removes the database, its WAL and journal files and its key from this "
           "workstation for good. Changes not yet sent to the server are lost. Frontdesk then "
           "starts as new.\n\nType WIPE to confirm:"));
    // Unwrapped, the warning made the dialog as wide as the screen (wider in German).
    if (auto *label = ask.findChild<QLabel *>())
        label->setWordWrap(true);
    if (ask.exec() != QDialog::Accepted || ask.textValue().trimmed() != QLatin1String("WIPE"))
        return;
    emit wipeRequested(QStringLiteral("staff member %1").arg(m_session->account()->username));
}

} // namespace frontdesk
