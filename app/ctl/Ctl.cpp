#include "Ctl.h"

#include "AppEnvironment.h"
#include "ServerSignIn.h"
#include "access/AuditLog.h"
#include "access/Permissions.h"
#include "access/Session.h"
#include "access/StaffAccountRepository.h"

#include <QDate>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>

#include <cstdio>
#include <fcntl.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

namespace frontdesk {

namespace {

const QCommandLineOption kDataDir(QStringLiteral("data-dir"),
                                  QCoreApplication::translate("Ctl",
                                                              "The data directory (default: %1).")
                                      .arg(AppEnvironment::defaultDataDir()),
                                  QStringLiteral("DIR"));
const QCommandLineOption kKeyFile(
    QStringLiteral("key-file"),
    QCoreApplication::translate("Ctl", "Keep the database key in this file (mode 0600) "
                                       "instead of the OS keychain. Weaker: for headless servers."),
    QStringLiteral("PATH"));

const QCommandLineOption
    kUser(QStringLiteral("user"),
          QCoreApplication::translate("Ctl", "Sign in as this staff member; the command runs with "
                                             "their role and the audit trail names them."),
          QStringLiteral("NAME"));
const QCommandLineOption kPasswordFile(
    QStringLiteral("password-file"),
    QCoreApplication::translate("Ctl", "Read the password for --user from the first line of "
                                       "this file (mode 0600 or 0400); without it, it is asked "
                                       "on the terminal."),
    QStringLiteral("PATH"));

// Globals are found before the command is known, so their values are skipped here.
QString findCommand(const QStringList &args)
{
    for (int i = 1; i < args.size(); ++i) {
        const QString &a = args.at(i);
        if (a == QLatin1String("--data-dir") || a == QLatin1String("--key-file") ||
            a == QLatin1String("--user") || a == QLatin1String("--password-file")) {
            ++i;
            continue;
        }
        if (!a.startsWith(QLatin1Char('-')))
            return a;
    }
    return {};
}

} // namespace

Ctl::Ctl() : m_out(stdout), m_err(stderr) {}

Ctl::~Ctl() = default;

QList<CtlCommand> Ctl::commands()
{
    // One line per group of commands; each group lives in its own file.
    return databaseCommands() + patientCommands() + accessCommands() + scheduleCommands() +
           kpiCommands() + recallCommands() + messageCommands() + surveyCommands() + syncCommands();
}

int Ctl::usage(const QString &problem)
{
    if (!problem.isEmpty())
        m_err << tr("frontdeskctl: %1").arg(problem) << '\n';
    m_err << tr("Usage: frontdeskctl [--data-dir DIR] [--key-file PATH] [--user NAME "
                "[--password-file PATH]] COMMAND [options]")
          << "\n\n"
          << tr("Commands:") << '\n';
    for (const CtlCommand &c : commands())
        m_err << "  " << (c.name + QLatin1Char(' ') + c.syntax).leftJustified(22) << c.summary
              << '\n';
    m_err << '\n' << tr("Run frontdeskctl COMMAND --help for a command's options.") << '\n';
    m_err.flush();
    return UsageError;
}

int Ctl::failure(const QString &message)
{
    m_err << tr("frontdeskctl: %1").arg(message) << '\n';
    m_err.flush();
    return Failed;
}

int Ctl::refused(const QString &message)
{
    m_err << tr("frontdeskctl: %1").arg(message) << '\n';
    m_err.flush();
    return Refused;
}

Ctl::Invocation Ctl::parse(const QStringList &arguments)
{
    Invocation call;
    const QString name = findCommand(arguments);
    if (arguments.contains(QLatin1String("--version"))) {
        call.action = Invocation::Action::ShowVersion;
        return call;
    }
    if (name.isEmpty()) {
        if (!arguments.contains(QLatin1String("--help")))
            call.problem = tr("no command given.");
        return call;
    }
    const auto all = commands();
    const auto command =
        std::find_if(all.begin(), all.end(), [&](const CtlCommand &c) { return c.name == name; });
    if (command == all.end()) {
        call.problem = tr("unknown command \"%1\".").arg(name);
        return call;
    }
    call.command = *command;

    call.parser = std::make_unique<QCommandLineParser>();
    QCommandLineParser &parser = *call.parser;
    parser.setApplicationDescription(command->summary);
    parser.addOptions({kDataDir, kKeyFile, kUser, kPasswordFile});
    parser.addOptions(command->options);
    const QCommandLineOption help = parser.addHelpOption();
    parser.addPositionalArgument(command->name, command->summary,
                                 (command->name + QLatin1Char(' ') + command->syntax).trimmed());
    if (!parser.parse(arguments)) {
        call.problem = parser.errorText();
        return call;
    }
    if (parser.isSet(help)) {
        call.action = Invocation::Action::ShowHelp;
        call.helpText = parser.helpText();
        return call;
    }
    // The command was found by skipping what looks like an option; the parser, which knows
    // which options take a value, must agree that it is the first positional argument.
    const QStringList positional = parser.positionalArguments();
    if (positional.value(0) != command->name) {
        call.problem = positional.contains(command->name)
                           ? tr("unexpected argument \"%1\" before the command \"%2\".")
                                 .arg(positional.first(), command->name)
                           : tr("\"%1\" was read as the value of an option before it; write the "
                                "command first, then its options.")
                                 .arg(command->name);
        return call;
    }
    const QStringList rest = positional.mid(1);
    if (command->syntax.isEmpty() && !rest.isEmpty()) {
        call.problem = tr("unexpected argument \"%1\".").arg(rest.first());
        return call;
    }
    call.action = Invocation::Action::RunCommand;
    call.arguments = rest;
    return call;
}

Ctl::Access Ctl::accessOf(const QString &command, const QStringList &arguments)
{
    using Kind = Access::Kind;
    const QString sub = arguments.value(0);
    if (command == QLatin1String("init") || command == QLatin1String("check") ||
        command == QLatin1String("stats") || command == QLatin1String("wipe"))
        return {Kind::Open, std::nullopt};
    if (command == QLatin1String("user") &&
        (sub == QLatin1String("add") || sub == QLatin1String("demo-accounts")))
        return {Kind::FirstAccount, Permission::ManageUsers};
    if (command == QLatin1String("settings"))
        return {Kind::SignedIn, sub == QLatin1String("set") ? Permission::ManageSettings
                                                            : Permission::ViewSchedule};
    if (command == QLatin1String("message"))
        return {Kind::SignedIn,
                sub == QLatin1String("send") ? Permission::SendMessages : Permission::ViewMessages};
    // An answer taken on the phone is written as a message's answer is.
    if (command == QLatin1String("survey"))
        return {Kind::SignedIn, sub == QLatin1String("record") ? Permission::SendMessages
                                                               : Permission::ViewMessages};
    // Recall outreach writes to patients, even when it only shows what it would write.
    if (command == QLatin1String("recall") && sub == QLatin1String("outreach"))
        return {Kind::SignedIn, Permission::SendMessages};
    // A new workstation has no account yet: the server administrator's sign-in answers for it.
    if (command == QLatin1String("enroll"))
        return {Kind::FirstAccount, Permission::ManageSettings};
    if (command == QLatin1String("rekey"))
        return {Kind::SignedIn, Permission::ManageSettings, true};
    // The permission each command needs beyond what the models check on every read and write.
    static const QHash<QString, Permission> needs{
        {QStringLiteral("user"), Permission::ManageUsers},
        {QStringLiteral("audit"), Permission::ViewAuditLog},
        {QStringLiteral("retention"), Permission::ManageSettings},
        {QStringLiteral("seed"), Permission::ManageSettings},
        {QStringLiteral("kpi"), Permission::ViewDashboards},
        {QStringLiteral("recall"), Permission::ViewDemographics},
        {QStringLiteral("search"), Permission::ViewDemographics},
        {QStringLiteral("duplicates"), Permission::ViewDemographics},
        {QStringLiteral("merge"), Permission::EditDemographics},
        {QStringLiteral("import-fhir"), Permission::EditClinical},
        {QStringLiteral("export-fhir"), Permission::ViewClinical},
        {QStringLiteral("book"), Permission::EditSchedule},
        {QStringLiteral("status"), Permission::EditSchedule},
        {QStringLiteral("slots"), Permission::ViewSchedule},
        {QStringLiteral("day"), Permission::ViewSchedule},
    };
    const auto found = needs.constFind(command);
    if (found == needs.constEnd())
        return {Kind::SignedIn, std::nullopt};
    return {Kind::SignedIn, *found};
}

int Ctl::run(const QStringList &arguments)
{
    const Invocation call = parse(arguments);
    switch (call.action) {
    case Invocation::Action::ShowVersion:
        m_out << "frontdeskctl " << QCoreApplication::applicationVersion() << '\n';
        return Ok;
    case Invocation::Action::Usage:
        return usage(call.problem);
    case Invocation::Action::ShowHelp:
        m_out << call.helpText;
        return Ok;
    case Invocation::Action::RunCommand:
        break;
    }
    const QCommandLineParser &parser = *call.parser;
    const QString dataDir =
        parser.isSet(kDataDir) ? parser.value(kDataDir) : AppEnvironment::defaultDataDir();
    m_store = AppEnvironment::secretStore(parser.value(kKeyFile));
    m_directory = std::make_unique<DataDirectory>(dataDir, *m_store);
    m_anchorStore = AppEnvironment::anchorKeyStore(parser.value(kKeyFile));
    m_anchor = std::make_unique<AuditAnchor>(*m_anchorStore, dataDir);
    const Access access = accessOf(call.command->name, call.arguments);
    if (auto refusedWith = signIn(parser, access, call.command->name)) {
        // A refused sign-in is itself in the trail (a failed login), so the anchor follows it.
        m_signedIn.reset();
        m_session.reset();
        anchorTrail();
        return *refusedWith;
    }
    const int exit = call.command->run(*this, parser, call.arguments);
    // The command owned the connection and has closed it; the session only leaves the registry.
    m_signedIn.reset();
    m_session.reset();
    anchorTrail();
    return exit;
}

void Ctl::anchorTrail()
{
    if (!m_directory->databaseExists())
        return;
    // A database this run could not open was reported by the command itself.
    auto opened = m_directory->open();
    if (!opened)
        return;
    if (auto s = m_anchor->update(*opened->database); !s)
        m_err << tr("Warning: the audit trail's anchor was not updated. %1").arg(s.error()) << '\n';
}

std::optional<int> Ctl::signIn(const QCommandLineParser &parser, const Access &access,
                               const QString &command)
{
    if (access.kind == Access::Kind::Open)
        return std::nullopt;
    // Without a database the command says so itself (openDatabase), as before.
    if (!m_directory->databaseExists())
        return std::nullopt;
    auto opened = m_directory->open();
    if (!opened)
        return failure(opened.error());
    Database &db = *opened->database;
    for (const QString &note : opened->notes)
        m_err << note << '\n';
    m_signInDone = true;
    if (access.kind == Access::Kind::FirstAccount) {
        auto accounts = StaffAccountRepository(db).count();
        if (!accounts)
            return failure(accounts.error());
        if (*accounts == 0) {
            // The first accounts: nobody could sign in yet, so the command works for the
            // system and the trail names it and the OS user.
            db.actAsSystem(
                QStringLiteral("frontdeskctl %1 (os user %2)")
                    .arg(command + QLatin1Char(' ') + parser.positionalArguments().value(1),
                         AppEnvironment::operatingSystemUser()));
            m_signedIn = std::move(*opened);
            return std::nullopt;
        }
    }
    if (!parser.isSet(kUser))
        return refused(tr("%1 needs a signed-in staff member: add --user NAME (with "
                          "--password-file PATH, or type the password when asked). Only init, "
                          "check, stats and wipe run without, and user add while there is no "
                          "account yet.")
                           .arg(command));
    const QString username = parser.value(kUser);
    auto password = signInPassword(parser, username);
    if (!password)
        return refused(password.error());
    db.setActor(Actor::osUser(AppEnvironment::operatingSystemUser()));
    m_session = std::make_unique<Session>(db);
    // Enrolled: the server checks the password first (online); without its answer, the
    // Argon2id cache here does (offline).
    std::optional<ServerVerdict> verdict;
    if (const AccountAuthority::Check check = ServerSignIn(db).prepare(username, *password))
        verdict = check();
    auto account = m_session->signIn(username, *password, verdict);
    password->fill(QLatin1Char('\0'));
    if (!account)
        return refused(account.error());
    if (verdict && verdict->kind == ServerVerdict::Kind::Unreachable)
        m_err << tr("Signed in offline (the server did not answer: %1).").arg(verdict->problem)
              << '\n';
    if (access.permission) {
        if (auto allowed = m_session->require(*access.permission); !allowed)
            return refused(allowed.error());
    }
    // The trail names the person (the actor) and the operating-system account they used.
    AuditEntry entry;
    entry.action = QStringLiteral("ctl-command");
    entry.entityType = QStringLiteral("Command");
    entry.entityId = command;
    entry.detail =
        QJsonObject{{QStringLiteral("os_user"), AppEnvironment::operatingSystemUser()},
                    {QStringLiteral("sub_command"), parser.positionalArguments().value(1)}};
    if (auto a = AuditLog(db).append(entry); !a)
        return failure(a.error());
    if (access.exclusive) {
        m_session.reset();
        return std::nullopt; // the connection closes here, before the command runs
    }
    m_signedIn = std::move(*opened);
    return std::nullopt;
}

Result<QString> Ctl::signInPassword(const QCommandLineParser &parser, const QString &username)
{
    if (parser.isSet(kPasswordFile)) {
        const QString path = parser.value(kPasswordFile);
        struct stat info
        {
        };
        if (::stat(QFile::encodeName(path).constData(), &info) != 0)
            return fail(tr("The password file %1 cannot be read.").arg(path));
        if ((info.st_mode & (S_IRWXG | S_IRWXO)) != 0)
            return fail(tr("The password file %1 may be read or changed by others (mode %2); "
                           "make it private first: chmod 600 %1")
                            .arg(path)
                            .arg(info.st_mode & 0777, 3, 8, QLatin1Char('0')));
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return fail(
                tr("The password file %1 cannot be read: %2").arg(path, file.errorString()));
        QByteArray line = file.readLine();
        QString password =
            QString::fromUtf8(line).remove(QLatin1Char('\n')).remove(QLatin1Char('\r'));
        line.fill('\0');
        return password;
    }
    // Asked on the terminal itself, never read from a pipe: standard input may carry the data
    // of the command (a new account's password).
    auto typed = askOnTerminal(tr("Password for %1: ").arg(username));
    if (!typed)
        return fail(tr("There is no terminal to ask %1's password on; give it with "
                       "--password-file PATH.")
                        .arg(username));
    return typed;
}

Result<QString> Ctl::askOnTerminal(const QString &prompt)
{
    const int tty = ::open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (tty < 0)
        return fail(tr("There is no terminal."));
    const QByteArray text = prompt.toUtf8();
    (void)!::write(tty, text.constData(), size_t(text.size()));
    termios saved{};
    const bool canHide = ::tcgetattr(tty, &saved) == 0;
    if (canHide) {
        termios hidden = saved;
        hidden.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        ::tcsetattr(tty, TCSAFLUSH, &hidden);
    }
    QByteArray typed;
    char c = 0;
    while (::read(tty, &c, 1) == 1 && c != '\n')
        typed.append(c);
    if (canHide)
        ::tcsetattr(tty, TCSAFLUSH, &saved);
    (void)!::write(tty, "\n", 1);
    ::close(tty);
    QString answer = QString::fromUtf8(typed);
    typed.fill('\0');
    return answer;
}

Result<DataDirectory::Opened> Ctl::openDatabase(bool create)
{
    if (m_signedIn) {
        DataDirectory::Opened opened = std::move(*m_signedIn);
        m_signedIn.reset();
        return opened;
    }
    // A command opens its database once; a second connection would not carry the session.
    if (m_signInDone)
        return fail(tr("The database was already opened for this command."));
    // Only init creates: a mistyped --data-dir must not leave an empty database behind.
    if (!create && !m_directory->databaseExists())
        return fail(tr("There is no Frontdesk database in %1. Create one with: frontdeskctl "
                       "--data-dir %1 init")
                        .arg(m_directory->path()));
    auto opened = m_directory->open();
    if (!opened)
        return opened;
    // init, check, stats and wipe run without sign-in and read no patient data: their
    // connection is nobody's and not the system's, so the models refuse it every guarded read.
    opened->database->setActor(Actor::osUser(AppEnvironment::operatingSystemUser()));
    for (const QString &note : opened->notes)
        m_err << note << '\n';
    return opened;
}

} // namespace frontdesk
