#include "Workstation.h"

#include "MainWindow.h"
#include "access/Session.h"
#include "common/AccessController.h"
#include "common/LockScreen.h"
#include "patients/PatientsView.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDialog>
#include <QMessageBox>
#include <QPushButton>

namespace frontdesk {

namespace {

bool samePerson(const QString &a, const QString &b)
{
    return a.compare(b, Qt::CaseInsensitive) == 0;
}

} // namespace

Workstation::Workstation(Database &db, AccessController &access, const QString &place,
                         QObject *parent)
    : QObject(parent), m_db(db), m_access(access), m_place(place)
{
    connect(&m_access, &AccessController::switchedUser, this, &Workstation::keep);
}

Workstation::~Workstation()
{
    // Windows first, in any order: none outlives the database they read.
    for (auto &desk : m_desks) {
        if (desk->window)
            desk->window->removeEventFilter(this);
    }
    m_desks.clear();
}

MainWindow *Workstation::currentWindow() const
{
    return m_current ? m_current->window.get() : nullptr;
}

QStringList Workstation::keptFor() const
{
    QStringList names;
    for (const auto &desk : m_desks) {
        if (desk.get() != m_current)
            names << desk->username;
    }
    return names;
}

MainWindow *Workstation::openForCurrentPerson()
{
    const auto &account = m_access.session().account();
    if (!account)
        return nullptr;
    for (auto &desk : m_desks) {
        if (desk.get() == m_current || !samePerson(desk->username, account->username))
            continue;
        m_current = desk.get();
        m_access.setCurrentWindow(desk->window.get());
        // Others may have changed the schedule and the patients meanwhile.
        desk->window->refresh();
        desk->window->show();
        for (const QPointer<QWidget> &window : std::as_const(desk->kept)) {
            if (window && window != desk->window.get())
                window->show();
        }
        desk->kept.clear();
        desk->window->activateWindow();
        return desk->window.get();
    }

    auto desk = std::make_unique<Desk>();
    desk->username = account->username;
    desk->window = std::make_unique<MainWindow>(m_db, m_place);
    MainWindow *window = desk->window.get();
    m_access.attach(window);
    if (m_desks.empty())
        connect(m_access.lockScreen(), &LockScreen::unlocked, this,
                &Workstation::takeOverCurrentDesk);
    window->installEventFilter(this);
    connect(window, &MainWindow::signOutRequested, this, &Workstation::signOutAndSignIn);
    m_current = desk.get();
    m_desks.push_back(std::move(desk));
    emit windowCreated(window);
    window->show();
    return window;
}

void Workstation::keep(const QString &previousUsername, const QList<QPointer<QWidget>> &kept)
{
    if (m_current) {
        m_current->username = previousUsername;
        m_current->kept = kept;
        m_current = nullptr;
    }
    openForCurrentPerson();
}

void Workstation::takeOverCurrentDesk()
{
    // An administrator unlocked another person's session: it is theirs now, windows and all.
    const auto &account = m_access.session().account();
    if (m_current && account)
        m_current->username = account->username;
}

QList<QWidget *> Workstation::openWindows() const
{
    QList<QWidget *> open;
    if (!m_current)
        return open;
    const auto windows = QApplication::topLevelWidgets();
    for (QWidget *window : windows) {
        if (!window->isVisible() || window == m_current->window.get() ||
            window->windowType() == Qt::Popup || window->windowType() == Qt::ToolTip ||
            window == m_access.lockScreen()->panel())
            continue;
        open << window;
    }
    return open;
}

bool Workstation::signOut()
{
    if (!m_current)
        return true;
    MainWindow *window = m_current->window.get();
    const QList<QWidget *> open = openWindows();
    if (!open.isEmpty()) {
        QStringList titles;
        for (QWidget *w : open)
            titles << QStringLiteral("• %1").arg(w->windowTitle());
        QMessageBox box(QMessageBox::Question, tr("Sign out"),
                        tr("These windows are still open:\n%1\n\nSigning out closes them; what "
                           "is not saved in them is lost.")
                            .arg(titles.join(QLatin1Char('\n'))),
                        QMessageBox::Cancel, window);
        box.setTextFormat(Qt::PlainText);
        QPushButton *go = box.addButton(tr("Close Them and Sign Out"), QMessageBox::AcceptRole);
        box.setDefaultButton(QMessageBox::Cancel);
        box.exec();
        if (box.clickedButton() != go)
            return false;
    }
    // Each patient profile with unsaved changes asks for itself.
    if (!window->patientsView()->maybeCloseAll())
        return false;
    for (QWidget *w : openWindows()) {
        if (auto *dialog = qobject_cast<QDialog *>(w))
            dialog->reject();
        else
            w->close();
    }
    if (auto s = m_access.session().signOut(); !s)
        qWarning("%s", qPrintable(s.error()));
    window->removeEventFilter(this);
    window->hide();
    for (auto it = m_desks.begin(); it != m_desks.end(); ++it) {
        if (it->get() == m_current) {
            m_current = nullptr;
            // Later: the window's own events may still be on the stack.
            it->get()->window.release()->deleteLater();
            m_desks.erase(it);
            break;
        }
    }
    return true;
}

void Workstation::signOutAndSignIn()
{
    // The sign-in comes while no main window is shown: that is no reason to quit.
    const bool quitOnClose = QApplication::quitOnLastWindowClosed();
    QApplication::setQuitOnLastWindowClosed(false);
    if (signOut()) {
        if (m_access.signIn(m_place))
            openForCurrentPerson();
        else
            QApplication::quit();
    }
    QApplication::setQuitOnLastWindowClosed(quitOnClose);
}

bool Workstation::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Close && m_current && watched == m_current->window.get()) {
        const QStringList others = keptFor();
        if (!others.isEmpty()) {
            const auto answer = QMessageBox::question(
                m_current->window.get(), tr("Quit Frontdesk"),
                tr("Windows are kept open on this workstation for %1. Quitting closes them; "
                   "what is not saved in them is lost.\n\nQuit anyway?")
                    .arg(QLocale().createSeparatedList(others)),
                QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
            if (answer != QMessageBox::Yes) {
                event->ignore();
                return true;
            }
        }
    }
    return QObject::eventFilter(watched, event);
}

} // namespace frontdesk
