#pragma once

#include <QList>
#include <QObject>
#include <QPointer>

class QLabel;
class QLineEdit;
class QWidget;

namespace frontdesk {

class Session;

// What a locked workstation shows: nothing of the patients. Every window's contents are
// hidden (not closed, so unsaved edits survive), every window title is replaced, tooltips and
// shortcuts are blocked, and windows that open while locked are hidden as they appear. An
// application-modal lock window shows the unlock form; the same user or an administrator
// unlocks.
class LockScreen : public QObject
{
    Q_OBJECT
public:
    LockScreen(Session &session, QWidget *mainWindow, QObject *parent = nullptr);
    ~LockScreen() override;

    bool isShown() const { return m_shown; }
    // Conceals everything; the session should already be locked.
    void show();

    QWidget *panel() const { return m_panel; }
    QLineEdit *usernameEdit() const { return m_username; }
    QLineEdit *passwordEdit() const { return m_password; }
    QLabel *errorLabel() const { return m_error; }
    void tryUnlock();

signals:
    void unlocked();

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
    void fitCover(const Concealed &c);

    Session &m_session;
    QPointer<QWidget> m_mainWindow;
    QWidget *m_panel = nullptr;
    QLabel *m_who = nullptr;
    QLineEdit *m_username = nullptr;
    QLineEdit *m_password = nullptr;
    QLabel *m_error = nullptr;
    QList<Concealed> m_concealed;
    QPointer<QWidget> m_focus;
    bool m_shown = false;
};

} // namespace frontdesk
