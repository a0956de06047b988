#include "LockScreen.h"

#include "access/Session.h"

#include <QApplication>
#include <QDialog>
#include <QEvent>
#include <QFormLayout>
#include <QFrame>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QToolTip>
#include <QVBoxLayout>

namespace frontdesk {

LockScreen::LockScreen(Session &session, QWidget *mainWindow, QObject *parent)
    : QObject(parent), m_session(session), m_mainWindow(mainWindow)
{
    // A window of its own, application-modal: it takes input even when a modal dialog was
    // open at the moment of locking.
    m_panel = std::make_unique<QFrame>(nullptr, Qt::Window);
    m_panel->setObjectName(QStringLiteral("lockScreen"));
    m_panel->setWindowTitle(tr("Frontdesk — locked"));
    m_panel->setWindowModality(Qt::ApplicationModal);
    auto *outer = new QVBoxLayout(m_panel.get());
    outer->addStretch();
    auto *box = new QFrame(m_panel.get());
    box->setFrameShape(QFrame::StyledPanel);
    box->setMaximumWidth(420);
    auto *layout = new QVBoxLayout(box);
    m_who = new QLabel(box);
    m_who->setWordWrap(true);
    layout->addWidget(m_who);
    auto *form = new QFormLayout;
    m_username = new QLineEdit(box);
    m_username->setObjectName(QStringLiteral("unlockUsername"));
    form->addRow(tr("&User name:"), m_username);
    m_password = new QLineEdit(box);
    m_password->setObjectName(QStringLiteral("unlockPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    form->addRow(tr("&Password:"), m_password);
    layout->addLayout(form);
    m_error = new QLabel(box);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_error->hide();
    layout->addWidget(m_error);
    m_status = new QLabel(tr("Checking the password with the server…"), box);
    m_status->setObjectName(QStringLiteral("unlockChecking"));
    m_status->hide();
    layout->addWidget(m_status);
    auto *unlock = new QPushButton(tr("&Unlock"), box);
    m_unlock = unlock;
    unlock->setObjectName(QStringLiteral("unlockButton"));
    unlock->setDefault(true);
    auto *switchUser = new QPushButton(tr("&Switch User"), box);
    switchUser->setObjectName(QStringLiteral("switchUserButton"));
    m_switchUser = switchUser;
    switchUser->setToolTip(tr("Sign in with your own account; the windows open now are kept, "
                              "hidden, for the person who left them until they sign in again."));
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(switchUser);
    buttons->addWidget(unlock);
    layout->addLayout(buttons);
    auto *row = new QHBoxLayout;
    row->addStretch();
    row->addWidget(box);
    row->addStretch();
    outer->addLayout(row);
    outer->addStretch();
    m_panel->hide();

    connect(unlock, &QPushButton::clicked, this, &LockScreen::tryUnlock);
    connect(switchUser, &QPushButton::clicked, this, &LockScreen::trySwitchUser);
    // A different name is a different choice: the warning about closing forms is asked anew.
    connect(m_username, &QLineEdit::textEdited, this, [this] { m_closingConfirmed = false; });
    connect(m_password, &QLineEdit::returnPressed, this, &LockScreen::tryUnlock);
    connect(m_username, &QLineEdit::returnPressed, m_password, qOverload<>(&QWidget::setFocus));
    qApp->installEventFilter(this);
}

LockScreen::~LockScreen()
{
    if (qApp)
        qApp->removeEventFilter(this);
}

void LockScreen::show()
{
    if (m_shown)
        return;
    m_shown = true;
    m_closingConfirmed = false;
    m_focus = QApplication::focusWidget();
    while (QWidget *popup = QApplication::activePopupWidget())
        popup->close();
    QToolTip::hideText();
    const auto windows = QApplication::topLevelWidgets();
    for (QWidget *window : windows) {
        if (window->inherits("QTipLabel")) {
            window->hide();
            continue;
        }
        if (window->isVisible() && window != m_mainWindow && window != m_panel.get())
            conceal(window);
    }
    if (m_mainWindow)
        conceal(m_mainWindow);
    if (m_mainWindow && m_mainWindow->isVisible())
        m_panel->setGeometry(m_mainWindow->geometry());
    m_panel->show();
    m_panel->raise();
    m_panel->activateWindow();

    const auto &account = m_session.account();
    m_who->setText(account ? tr("<b>Frontdesk is locked.</b><br>%1 is signed in. Enter their "
                                "password, or an administrator's, to go on; or Switch User "
                                "with your own.")
                                 .arg(account->username.toHtmlEscaped())
                           : tr("<b>Frontdesk is locked.</b>"));
    m_username->setText(account ? account->username : QString());
    m_password->clear();
    m_error->hide();
    m_password->setFocus();
}

void LockScreen::conceal(QWidget *window)
{
    for (const Concealed &c : std::as_const(m_concealed)) {
        if (c.window == window)
            return;
    }
    Concealed c;
    c.window = window;
    c.title = window->windowTitle();
    const auto children = window->findChildren<QWidget *>(Qt::FindDirectChildrenOnly);
    for (QWidget *child : children) {
        if (child->isWindow() || child->isHidden())
            continue;
        child->hide();
        c.hidden << child;
    }
    window->setWindowTitle(tr("Frontdesk — locked"));
    auto *cover = new QLabel(tr("Frontdesk is locked."), window);
    cover->setAlignment(Qt::AlignCenter);
    cover->setAutoFillBackground(true);
    c.cover = cover;
    window->installEventFilter(this);
    m_concealed << c;
    fitCover(c);
    c.cover->show();
    c.cover->raise();
}

void LockScreen::fitCover(const Concealed &c)
{
    if (c.window && c.cover)
        c.cover->setGeometry(c.window->rect());
}

void LockScreen::uncover(const Concealed &c)
{
    c.window->removeEventFilter(this);
    c.window->setWindowTitle(c.title);
    for (const QPointer<QWidget> &child : c.hidden) {
        if (child)
            child->show();
    }
    if (c.cover)
        c.cover->deleteLater();
}

void LockScreen::reveal()
{
    for (const Concealed &c : std::as_const(m_concealed)) {
        if (c.window)
            uncover(c);
    }
    m_concealed.clear();
    m_panel->hide();
    m_shown = false;
    if (m_focus)
        m_focus->setFocus();
}

QList<QPointer<QWidget>> LockScreen::release()
{
    QList<QPointer<QWidget>> kept;
    for (const Concealed &c : std::as_const(m_concealed)) {
        if (!c.window)
            continue;
        // Hidden before it is uncovered, so its content never shows to the next person.
        c.window->removeEventFilter(this);
        c.window->hide();
        uncover(c);
        kept << c.window;
    }
    m_concealed.clear();
    m_focus.clear();
    m_shown = false;
    return kept;
}

QList<QWidget *> LockScreen::blockingForms() const
{
    QList<QWidget *> forms;
    for (const Concealed &c : m_concealed) {
        if (c.window && c.window != m_mainWindow &&
            c.window->windowModality() == Qt::ApplicationModal)
            forms << c.window;
    }
    return forms;
}

void LockScreen::showMessage(const QString &message)
{
    m_error->setText(message);
    m_error->show();
    m_password->setFocus();
}

void LockScreen::setChecking(bool checking)
{
    m_checking = checking;
    m_status->setVisible(checking);
    for (QWidget *w : {static_cast<QWidget *>(m_username), static_cast<QWidget *>(m_password),
                       static_cast<QWidget *>(m_unlock), static_cast<QWidget *>(m_switchUser)})
        w->setEnabled(!checking);
    if (!checking)
        m_password->setFocus();
}

void LockScreen::withVerdict(const QString &username, const QString &password,
                             std::function<void(const std::optional<ServerVerdict> &)> then)
{
    const AccountAuthority::Check check = m_authority
                                              ? m_authority->prepare(username.trimmed(), password)
                                              : AccountAuthority::Check();
    if (!check) {
        then(std::nullopt);
        return;
    }
    setChecking(true);
    AccountAuthority::runInBackground(check, this,
                                      [this, then = std::move(then)](const ServerVerdict &v) {
                                          setChecking(false);
                                          then(v);
                                      });
}

void LockScreen::trySwitchUser()
{
    const auto &account = m_session.account();
    if (!account || m_checking)
        return;
    const QString previous = account->username;
    const bool samePerson =
        m_username->text().trimmed().compare(previous, Qt::CaseInsensitive) == 0;
    // A form that holds the whole application would block the next person's window, and one
    // waiting in a nested event loop can only finish in order: it cannot be kept. Only the
    // number is said here; the forms' titles may name a patient.
    if (!samePerson && !blockingForms().isEmpty() && !m_closingConfirmed) {
        m_closingConfirmed = true;
        m_error->setText(tr("%1 has %n form(s) open that cannot be kept: switching closes them "
                            "without saving. Press Switch User again to go on, or let %1 "
                            "unlock.",
                            nullptr, int(blockingForms().size()))
                             .arg(previous));
        m_error->show();
        m_password->setFocus();
        return;
    }
    const QString username = m_username->text();
    const QString password = m_password->text();
    m_password->clear();
    withVerdict(username, password,
                [this, username, password, previous,
                 samePerson](const std::optional<ServerVerdict> &server) {
                    const Status s = m_session.switchUser(username, password, server);
                    if (!s) {
                        showMessage(s.error());
                        return;
                    }
                    if (samePerson) {
                        reveal();
                        emit unlocked();
                        return;
                    }
                    for (QWidget *form : blockingForms()) {
                        if (auto *dialog = qobject_cast<QDialog *>(form))
                            dialog->reject();
                        else
                            form->close();
                    }
                    const QList<QPointer<QWidget>> kept = release();
                    emit switchedUser(previous, kept);
                    m_panel->hide();
                });
}

void LockScreen::tryUnlock()
{
    if (m_checking)
        return;
    const QString username = m_username->text();
    const QString password = m_password->text();
    m_password->clear();
    withVerdict(username, password,
                [this, username, password](const std::optional<ServerVerdict> &server) {
                    const Status s = m_session.unlock(username, password, server);
                    if (!s) {
                        showMessage(s.error());
                        return;
                    }
                    reveal();
                    emit unlocked();
                });
}

bool LockScreen::eventFilter(QObject *watched, QEvent *event)
{
    if (!m_shown)
        return QObject::eventFilter(watched, event);
    switch (event->type()) {
    case QEvent::ToolTip:
    case QEvent::WhatsThis:
    case QEvent::QueryWhatsThis:
    case QEvent::Shortcut:
        return true;
    case QEvent::Resize:
        for (const Concealed &c : std::as_const(m_concealed)) {
            if (c.window == watched)
                fitCover(c);
        }
        break;
    case QEvent::Show:
        if (auto *widget = qobject_cast<QWidget *>(watched);
            widget && widget->isWindow() && widget != m_panel.get() &&
            !widget->inherits("QTipLabel") && widget->windowType() != Qt::Popup)
            conceal(widget);
        else if (widget && widget->inherits("QTipLabel"))
            widget->hide();
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace frontdesk
