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
    return databaseCommands() + patientCommands() + accessCommands() + scheduleCommands();
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

int Ctl::run(const QStringList &arguments)
{
    const QString name = findCommand(arguments);
    if (arguments.contains(QLatin1String("--version"))) {
        m_out << "frontdeskctl " << QCoreApplication::applicationVersion() << '\n';
        return Ok;
    }
    if (name.isEmpty())
        return usage(arguments.contains(QLatin1String("--help")) ? QString()
                                                                 : tr("no command given."));
    const auto all = commands();
    const auto command =
        std::find_if(all.begin(), all.end(), [&](const CtlCommand &c) { return c.name == name; });
    if (command == all.end())
        return usage(tr("unknown command \"%1\".").arg(name));

    QCommandLineParser parser;
    parser.setApplicationDescription(command->summary);
    parser.addOptions({kDataDir, kKeyFile});
    parser.addOptions(command->options);
    const QCommandLineOption help = parser.addHelpOption();
    parser.addPositionalArgument(command->name, command->summary,
                                 (command->name + QLatin1Char(' ') + command->syntax).trimmed());
    if (!parser.parse(arguments))
        return usage(parser.errorText());
    if (parser.isSet(help)) {
        m_out << parser.helpText();
        return Ok;
    }
    const QStringList rest = parser.positionalArguments().mid(1);
    if (command->syntax.isEmpty() && !rest.isEmpty())
        return usage(tr("unexpected argument \"%1\".").arg(rest.first()));

    const QString dataDir =
        parser.isSet(kDataDir) ? parser.value(kDataDir) : AppEnvironment::defaultDataDir();
    m_store = AppEnvironment::secretStore(parser.value(kKeyFile));
    m_directory = std::make_unique<DataDirectory>(dataDir, *m_store);
    return command->run(*this, parser, rest);
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
