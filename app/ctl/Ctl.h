#pragma once

#include "CtlCommand.h"
#include "access/AuditAnchor.h"
#include "access/Permission.h"
#include "database/SecretStore.h"

#include <QCoreApplication>
#include <QStringList>
#include <QTextStream>

#include <memory>
#include <optional>

namespace frontdesk {

class Session;

// frontdeskctl: finds the command, parses its options, signs the staff member in and runs it.
// Exit codes: 0 done, 1 usage error, 2 failure, 3 refused (by a business rule, or because the
// command needs a signed-in staff member with a role that allows it).
// A command runs as the person named by --user, with that person's role, through the same
// Session and permission checks as the app; only the commands of accessOf() run without.
class Ctl final : public CtlContext
{
    Q_DECLARE_TR_FUNCTIONS(Ctl)
public:
    Ctl();
    ~Ctl() override;
    int run(const QStringList &arguments);

    // What a command line asks for, worked out without running anything or touching the data
    // directory or the keychain: run() acts on it, and the fuzzer (tests/fuzz) checks it alone.
    struct Invocation
    {
        enum class Action
        {
            RunCommand,
            ShowHelp,    // COMMAND --help: helpText
            ShowVersion, // --version
            // problem says what is wrong; it is empty for a bare --help, which exits 1 as well
            Usage
        };
        Action action = Action::Usage;
        QString problem;
        std::optional<CtlCommand> command;
        // RunCommand and ShowHelp: the parser holding the command's options.
        std::unique_ptr<QCommandLineParser> parser;
        QStringList arguments; // RunCommand: the positional arguments after the command's name
        QString helpText;
    };
    static Invocation parse(const QStringList &arguments);

    static QList<CtlCommand> commands();

    // Who may run a command: anyone who can reach the data directory (init, check, stats,
    // wipe), anyone while the database has no account yet (the first administrator), or a
    // signed-in staff member whose role allows the permission.
    struct Access
    {
        enum class Kind
        {
            Open,
            FirstAccount,
            SignedIn
        };
        Kind kind = Kind::SignedIn;
        std::optional<Permission> permission; // SignedIn: what the role must allow
        // The command needs the database to itself (rekey): the sign-in's connection is closed
        // before it runs.
        bool exclusive = false;
    };
    static Access accessOf(const QString &command, const QStringList &arguments);

    // Asks on the terminal itself (/dev/tty) without echo; fails when there is none.
    static Result<QString> askOnTerminal(const QString &prompt);

    QTextStream &out() override { return m_out; }
    QTextStream &err() override { return m_err; }
    DataDirectory &directory() override { return *m_directory; }
    SecretStore &secretStore() override { return *m_store; }
    AuditAnchor *auditAnchor() override { return m_anchor.get(); }
    Result<DataDirectory::Opened> openDatabase(bool create = false) override;
    int usage(const QString &problem) override;
    int failure(const QString &message) override;
    int refused(const QString &message) override;

private:
    // After every command that leaves a database behind: the trail's head goes to the anchor.
    void anchorTrail();
    // Opens the database and signs in --user before the command runs; the command then gets
    // this connection from openDatabase(). An exit code when that is refused or fails.
    std::optional<int> signIn(const QCommandLineParser &parser, const Access &access,
                              const QString &command);
    Result<QString> signInPassword(const QCommandLineParser &parser, const QString &username);

    QTextStream m_out;
    QTextStream m_err;
    std::unique_ptr<SecretStore> m_store;
    std::unique_ptr<DataDirectory> m_directory;
    std::unique_ptr<SecretStore> m_anchorStore;
    std::unique_ptr<AuditAnchor> m_anchor;
    // The signed-in connection, handed to the command by openDatabase(); the session checks
    // every guarded read and write on it and names the person in the audit trail.
    std::optional<DataDirectory::Opened> m_signedIn;
    std::unique_ptr<Session> m_session;
    bool m_signInDone = false;
};

} // namespace frontdesk
