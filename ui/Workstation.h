#pragma once

#include <QList>
#include <QObject>
#include <QPointer>

#include <memory>
#include <vector>

class QWidget;

namespace frontdesk {

class AccessController;
class Database;
class MainWindow;

// The shared front-desk PC: one main window per person who signed in on it. When someone
// switches user at the lock screen, the previous person's windows (their main window with its
// open profiles, the booking and message windows) are kept hidden and whole, and come back
// when that person signs in again, by Switch User or after someone else signs out. File → Sign
// Out asks the person first about what they have open, then closes their windows and shows the
// sign-in; quitting while windows are kept for someone asks too.
class Workstation : public QObject
{
    Q_OBJECT
public:
    // place: what the window titles and the sign-in name, the clinic.
    Workstation(Database &db, AccessController &access, const QString &place,
                QObject *parent = nullptr);
    ~Workstation() override;

    // The window of the person signed in now: the one kept for them, or a new one; shown.
    MainWindow *openForCurrentPerson();
    MainWindow *currentWindow() const;
    // The people for whom windows are kept, hidden, on this workstation.
    QStringList keptFor() const;

    // Asks the signed-in person about their open windows and unsaved profiles, then signs them
    // out and closes their windows. False when they chose to stay.
    bool signOut();
    // signOut(), then the sign-in for the next person; quits when they choose to.
    void signOutAndSignIn();

signals:
    void windowCreated(MainWindow *window);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct Desk
    {
        QString username;
        std::unique_ptr<MainWindow> window;
        QList<QPointer<QWidget>> kept;
    };
    void keep(const QString &previousUsername, const QList<QPointer<QWidget>> &kept);
    void takeOverCurrentDesk();
    // The windows the person at the current desk has open besides the main window.
    QList<QWidget *> openWindows() const;

    Database &m_db;
    AccessController &m_access;
    QString m_place;
    std::vector<std::unique_ptr<Desk>> m_desks;
    Desk *m_current = nullptr;
};

} // namespace frontdesk
