#include "Ctl.h"

#include "AppEnvironment.h"
#include "storage/DemoSeeder.h"

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
                                  QCoreApplication::translate("Ctl", "The data directory (default: %1).")
                                      .arg(AppEnvironment::defaultDataDir()),
                                  QStringLiteral("DIR"));
const QCommandLineOption kKeyFile(QStringLiteral("key-file"),
                                  QCoreApplication::translate("Ctl", "Keep the database key in this file (mode 0600) "
                                                                     "instead of the OS keychain. Weaker: for headless servers."),
                                  QStringLiteral("PATH"));
const QCommandLineOption kJson(QStringLiteral("json"), QCoreApplication::translate("Ctl", "Print JSON."));

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

QList<Ctl::Command> Ctl::commands() const
{
    return {
        {QStringLiteral("init"), tr("Create the encrypted database (and its key) in the data directory."),
         {QCommandLineOption(QStringLiteral("time-zone"), tr("The clinic's time zone (IANA), default Europe/Berlin."), QStringLiteral("TZ")),
          QCommandLineOption(QStringLiteral("clinic-name"), tr("The clinic's name."), QStringLiteral("NAME"))},
         &Ctl::cmdInit},
        {QStringLiteral("seed"), tr("Add realistic, deterministic demo data."),
         {QCommandLineOption(QStringLiteral("patients"), tr("How many patients."), QStringLiteral("N")),
          QCommandLineOption(QStringLiteral("appointments"), tr("How many appointments."), QStringLiteral("M")),
          QCommandLineOption(QStringLiteral("seed"), tr("The random seed (default 1)."), QStringLiteral("S")),
          QCommandLineOption(QStringLiteral("today"), tr("The day the demo clinic calls today (YYYY-MM-DD)."), QStringLiteral("DATE"))},
         &Ctl::cmdSeed},
        {QStringLiteral("stats"), tr("Row counts per table."), {kJson}, &Ctl::cmdStats},
        {QStringLiteral("rekey"), tr("Re-encrypt the database with a new random key."), {}, &Ctl::cmdRekey},
        {QStringLiteral("check"), tr("Check the database's integrity and encryption."), {kJson}, &Ctl::cmdCheck},
        {QStringLiteral("wipe"), tr("Remove the database, its WAL and journal files, and its key."),
         {QCommandLineOption(QStringLiteral("yes"), tr("Do not ask for confirmation."))},
         &Ctl::cmdWipe},
    };
}

int Ctl::usage(const QString &problem)
{
    if (!problem.isEmpty())
        m_err << tr("frontdeskctl: %1").arg(problem) << '\n';
    m_err << tr("Usage: frontdeskctl [--data-dir DIR] [--key-file PATH] COMMAND [options]") << "\n\n"
          << tr("Commands:") << '\n';
    for (const Command &c : commands())
        m_err << "  " << c.name.leftJustified(10) << c.summary << '\n';
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

int Ctl::run(const QStringList &arguments)
{
    const QString name = findCommand(arguments);
    if (arguments.contains(QLatin1String("--version"))) {
        m_out << "frontdeskctl " << QCoreApplication::applicationVersion() << '\n';
        return Ok;
    }
    if (name.isEmpty())
        return usage(arguments.contains(QLatin1String("--help")) ? QString() : tr("no command given."));
    const auto all = commands();
    const auto command = std::find_if(all.begin(), all.end(), [&](const Command &c) { return c.name == name; });
    if (command == all.end())
        return usage(tr("unknown command \"%1\".").arg(name));

    QCommandLineParser parser;
    parser.setApplicationDescription(command->summary);
    parser.addOptions({kDataDir, kKeyFile});
    parser.addOptions(command->options);
    const QCommandLineOption help = parser.addHelpOption();
    parser.addPositionalArgument(command->name, command->summary);
    if (!parser.parse(arguments))
        return usage(parser.errorText());
    if (parser.isSet(help)) {
        m_out << parser.helpText();
        return Ok;
    }
    if (parser.positionalArguments().size() > 1)
        return usage(tr("unexpected argument \"%1\".").arg(parser.positionalArguments().at(1)));

    m_dataDir = parser.isSet(kDataDir) ? parser.value(kDataDir) : AppEnvironment::defaultDataDir();
    m_store = AppEnvironment::secretStore(parser.value(kKeyFile));
    m_directory = std::make_unique<DataDirectory>(m_dataDir, *m_store);
    return (this->*(command->handler))(parser);
}

Result<DataDirectory::Opened> Ctl::openDatabase(bool create)
{
    // Only init creates: a mistyped --data-dir must not leave an empty database behind.
    if (!create && !m_directory->databaseExists())
        return fail(tr("There is no Frontdesk database in %1. Create one with: frontdeskctl --data-dir %1 init")
                        .arg(m_directory->path()));
    auto opened = m_directory->open();
    if (!opened)
        return opened;
    opened->database->setActor(Actor::osUser(AppEnvironment::operatingSystemUser()));
    for (const QString &note : opened->notes)
        m_err << note << '\n';
    return opened;
}

int Ctl::cmdInit(const QCommandLineParser &p)
{
    const QString zone = p.isSet(QStringLiteral("time-zone")) ? p.value(QStringLiteral("time-zone"))
                                                               : QStringLiteral("Europe/Berlin");
    if (!QTimeZone(zone.toUtf8()).isValid())
        return usage(tr("unknown time zone \"%1\" (use an IANA name such as Europe/Berlin).").arg(zone));
    const bool existed = m_directory->databaseExists();
    auto opened = openDatabase(true);
    if (!opened)
        return failure(opened.error());
    Database &db = *opened->database;
    if (!existed || p.isSet(QStringLiteral("time-zone"))) {
        if (auto s = db.setSetting(QStringLiteral("clinic_time_zone"), zone); !s)
            return failure(s.error());
    }
    if (p.isSet(QStringLiteral("clinic-name"))) {
        if (auto s = db.setSetting(QStringLiteral("clinic_name"), p.value(QStringLiteral("clinic-name"))); !s)
            return failure(s.error());
    }
    m_out << (existed ? tr("The database in %1 is ready (schema version %2).")
                      : tr("Created an encrypted database in %1 (schema version %2); its key is in %3."))
                 .arg(m_directory->path())
                 .arg(db.schemaVersion())
                 .arg(m_store->description())
          << '\n';
    return Ok;
}

int Ctl::cmdSeed(const QCommandLineParser &p)
{
    DemoSeeder::Options options;
    bool ok = true;
    if (!p.isSet(QStringLiteral("patients")) || !p.isSet(QStringLiteral("appointments")))
        return usage(tr("seed needs --patients N and --appointments M."));
    options.patients = p.value(QStringLiteral("patients")).toInt(&ok);
    if (!ok || options.patients < 1 || options.patients > 10'000'000)
        return usage(tr("--patients must be a whole number from 1 to 10000000."));
    options.appointments = p.value(QStringLiteral("appointments")).toInt(&ok);
    if (!ok || options.appointments < 0 || options.appointments > 100'000'000)
        return usage(tr("--appointments must be a whole number from 0 to 100000000."));
    if (p.isSet(QStringLiteral("seed"))) {
        options.seed = p.value(QStringLiteral("seed")).toULongLong(&ok);
        if (!ok)
            return usage(tr("--seed must be a whole number."));
    }
    if (p.isSet(QStringLiteral("today"))) {
        options.today = QDate::fromString(p.value(QStringLiteral("today")), Qt::ISODate);
        if (!options.today.isValid())
            return usage(tr("--today must be a date as YYYY-MM-DD."));
    }
    auto opened = openDatabase();
    if (!opened)
        return failure(opened.error());
    Database &db = *opened->database;
    options.timeZone = db.setting(QStringLiteral("clinic_time_zone"), options.timeZone);

    QElapsedTimer timer;
    timer.start();
    const bool interactive = ::isatty(fileno(stderr));
    auto summary = DemoSeeder(db).seed(options, [&](qint64 done, qint64 total) {
        if (interactive) {
            m_err << '\r' << tr("Seeding: %1%").arg(total ? done * 100 / total : 100) << Qt::flush;
        }
    });
    if (interactive)
        m_err << '\n';
    if (!summary)
        return failure(summary.error());
    m_out << tr("Seeded %1 patients, %2 practitioners, %3 rooms, %4 appointments and %5 messages in %6 s.")
                 .arg(summary->patients)
                 .arg(summary->practitioners)
                 .arg(summary->locations)
                 .arg(summary->appointments)
                 .arg(summary->messages)
                 .arg(QLocale::c().toString(timer.elapsed() / 1000.0, 'f', 1))
          << '\n';
    return Ok;
}

int Ctl::cmdStats(const QCommandLineParser &p)
{
    auto opened = openDatabase();
    if (!opened)
        return failure(opened.error());
    Database &db = *opened->database;
    const QStringList tables{QStringLiteral("patients"),      QStringLiteral("practitioners"),
                             QStringLiteral("locations"),     QStringLiteral("working_hours"),
                             QStringLiteral("appointments"),  QStringLiteral("messages"),
                             QStringLiteral("outbox"),        QStringLiteral("audit_log")};
    QJsonObject json;
    for (const QString &table : tables) {
        // Table names come from the fixed list above, never from input.
        auto n = db.scalar(QStringLiteral("SELECT count(*) FROM %1").arg(table));
        if (!n)
            return failure(n.error());
        json.insert(table, n->toLongLong());
    }
    json.insert(QStringLiteral("schema_version"), db.schemaVersion());
    if (p.isSet(kJson)) {
        m_out << QJsonDocument(json).toJson(QJsonDocument::Compact) << '\n';
        return Ok;
    }
    m_out << tr("Database: %1 (SQLCipher %2, schema version %3)")
                 .arg(db.path(), db.cipherVersion())
                 .arg(db.schemaVersion())
          << '\n';
    for (const QString &table : tables)
        m_out << "  " << table.leftJustified(16) << QLocale().toString(json.value(table).toInteger()) << '\n';
    return Ok;
}

int Ctl::cmdRekey(const QCommandLineParser &)
{
    auto note = m_directory->rekey();
    if (!note)
        return failure(note.error());
    m_out << *note << '\n';
    return Ok;
}

int Ctl::cmdCheck(const QCommandLineParser &p)
{
    auto opened = openDatabase();
    if (!opened)
        return failure(opened.error());
    Database &db = *opened->database;
    auto problems = db.check();
    if (!problems)
        return failure(problems.error());
    if (p.isSet(kJson)) {
        m_out << QJsonDocument(QJsonObject{{QStringLiteral("ok"), problems->isEmpty()},
                                           {QStringLiteral("cipher_version"), db.cipherVersion()},
                                           {QStringLiteral("schema_version"), db.schemaVersion()},
                                           {QStringLiteral("problems"), QJsonArray::fromStringList(*problems)}})
                     .toJson(QJsonDocument::Compact)
              << '\n';
    } else if (problems->isEmpty()) {
        m_out << tr("%1: encrypted with SQLCipher %2, schema version %3, integrity ok.")
                     .arg(db.path(), db.cipherVersion())
                     .arg(db.schemaVersion())
              << '\n';
    } else {
        for (const QString &problem : *problems)
            m_err << problem << '\n';
    }
    return problems->isEmpty() ? Ok : Failed;
}

int Ctl::cmdWipe(const QCommandLineParser &p)
{
    if (!p.isSet(QStringLiteral("yes"))) {
        if (!::isatty(fileno(stdin)))
            return usage(tr("wipe asks for confirmation; pass --yes when running it from a script."));
        m_err << tr("This removes %1 and its key for good. Type \"wipe\" to confirm: ").arg(m_directory->databasePath())
              << Qt::flush;
        QTextStream in(stdin);
        if (in.readLine().trimmed() != QLatin1String("wipe")) {
            m_err << tr("Nothing was removed.") << '\n';
            return Refused;
        }
    }
    if (auto s = m_directory->wipe(); !s)
        return failure(s.error());
    m_out << tr("Wiped %1: the database files and its key are gone.").arg(m_directory->path()) << '\n';
    return Ok;
}

} // namespace frontdesk
