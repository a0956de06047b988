#include "Ctl.h"

#include "AppEnvironment.h"

#include <QDate>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>

#include <cstdio>
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

// Globals are found before the command is known, so their values are skipped here.
QString findCommand(const QStringList &args)
{
    for (int i = 1; i < args.size(); ++i) {
        const QString &a = args.at(i);
        if (a == QLatin1String("--data-dir") || a == QLatin1String("--key-file")) {
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

QList<CtlCommand> Ctl::commands()
{
    // One line per group of commands; each group lives in its own file.
    return databaseCommands() + patientCommands() + accessCommands() + scheduleCommands() +
           kpiCommands();
}

int Ctl::usage(const QString &problem)
{
    if (!problem.isEmpty())
        m_err << tr("frontdeskctl: %1").arg(problem) << '\n';
    m_err << tr("Usage: frontdeskctl [--data-dir DIR] [--key-file PATH] COMMAND [options]")
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
    parser.addOptions({kDataDir, kKeyFile});
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
    const int code = call.command->run(*this, parser, call.arguments);
    anchorTrail();
    return code;
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

Result<DataDirectory::Opened> Ctl::openDatabase(bool create)
{
    // Only init creates: a mistyped --data-dir must not leave an empty database behind.
    if (!create && !m_directory->databaseExists())
        return fail(tr("There is no Frontdesk database in %1. Create one with: frontdeskctl "
                       "--data-dir %1 init")
                        .arg(m_directory->path()));
    auto opened = m_directory->open();
    if (!opened)
        return opened;
    opened->database->setActor(Actor::osUser(AppEnvironment::operatingSystemUser()));
    for (const QString &note : opened->notes)
        m_err << note << '\n';
    return opened;
}

} // namespace frontdesk
