#pragma once

#include "storage/DataDirectory.h"

#include <QCoreApplication>
#include <QString>

#include <memory>
#include <optional>

namespace frontdesk {

class AccessController;
class AuditAnchor;
class BackgroundEnroller;
class SyncConflicts;
class Database;
class Workstation;
class SecretStore;
class ServerSignIn;
class SyncThread;

// What the frontdesk executable does between main() and the event loop: read the command
// line, open the data directory with its key, tell the user what they need to know, and show
// the main window. Owns what it opened, so it all lives as long as the window.
class StartUp
{
    Q_DECLARE_TR_FUNCTIONS(StartUp)
public:
    // 2 for both a wrong command line and data that cannot be opened: the caller can do nothing
    // but read the message.
    enum ExitCode
    {
        Ok = 0,
        Failed = 2
    };

    StartUp();
    ~StartUp();

    static void setApplicationNames();
    // Answers --version and --help on stdout, before there is a QApplication, so both work
    // without a display. nullopt: start the application.
    static std::optional<int> answerWithoutGui(int argc, char *argv[]);

    // Needs the QApplication. Returns the exit code when it could not start, else runs the
    // event loop and returns its result.
    int run();
    // The same with a command line of its own (the program's name first), not the process's:
    // a test starts the app as main() does, in its own process (tests/gui/tst_appstartup).
    int run(const QStringList &arguments);

private:
    int fail(const QString &message);
    // Closes everything, wipes the data directory and starts Frontdesk again as new.
    void wipe(const QString &requestedBy);

    // Destroyed bottom-up: the window before the database it reads, the database before its key.
    std::unique_ptr<SecretStore> m_store;
    std::unique_ptr<DataDirectory> m_directory;
    std::unique_ptr<SecretStore> m_anchorStore;
    std::unique_ptr<AuditAnchor> m_anchor;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<BackgroundEnroller> m_enroller; // before the window whose dialog uses it
    std::unique_ptr<ServerSignIn> m_authority;      // likewise, for the sign-in screens
    std::unique_ptr<SyncConflicts> m_conflicts;     // likewise
    std::unique_ptr<AccessController> m_access;
    // Every person's main window on this workstation.
    std::unique_ptr<Workstation> m_workstation;
    std::unique_ptr<SyncThread> m_sync; // last: stopped before the window and database go
};

} // namespace frontdesk
