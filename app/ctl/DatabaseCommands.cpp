#include "CtlCommand.h"

#include "ClinicSettings.h"

#include "WorkstationCredential.h"
#include "access/AuditAnchor.h"
#include "database/SecretStore.h"
#include "demo/DemoSeeder.h"
#include "storage/SharedSettings.h"

#include <QCoreApplication>
#include <QDate>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QTimeZone>

#include <cstdio>
#include <unistd.h>

namespace frontdesk {

namespace {

// The admin's commands on the database as a whole.
class DatabaseCommands
{
    Q_DECLARE_TR_FUNCTIONS(DatabaseCommands)
public:
    static QList<CtlCommand> all();

private:
    static int init(CtlContext &c, const QCommandLineParser &p, const QStringList &);
    static int seed(CtlContext &c, const QCommandLineParser &p, const QStringList &);
    static int stats(CtlContext &c, const QCommandLineParser &p, const QStringList &);
    static int check(CtlContext &c, const QCommandLineParser &p, const QStringList &);
    static int rekey(CtlContext &c, const QCommandLineParser &p, const QStringList &);
    static int wipe(CtlContext &c, const QCommandLineParser &p, const QStringList &);
    static QCommandLineOption jsonOption()
    {
        return QCommandLineOption(QStringLiteral("json"), tr("Print JSON."));
    }
};

int DatabaseCommands::init(CtlContext &c, const QCommandLineParser &p, const QStringList &)
{
    const QString zone = p.isSet(QStringLiteral("time-zone")) ? p.value(QStringLiteral("time-zone"))
                                                              : QStringLiteral("Europe/Berlin");
    if (!QTimeZone(zone.toUtf8()).isValid())
        return c.usage(
            tr("unknown time zone \"%1\" (use an IANA name such as Europe/Berlin).").arg(zone));
    const bool existed = c.directory().databaseExists();
    // An anchor left from a database removed by hand belongs to no trail any more: a new
    // database's trail starts its own.
    if (!existed && c.auditAnchor()) {
        if (auto s = c.auditAnchor()->remove(); !s)
            return c.failure(s.error());
    }
    auto opened = c.openDatabase(true);
    if (!opened)
        return c.failure(opened.error());
    Database &db = *opened->database;
    // On a database that already was, these are changes of the clinic's shared settings, queued
    // for the server like the app's and `settings set`'s (SharedSettings). Once enrolled, the
    // server takes such a change only from a person allowed to make it, and init signs no one
    // in: `settings set` is the way. A new database's first values are its start.
    const bool enrolled = existed && !db.setting(QStringLiteral("sync_workstation_id")).isEmpty() &&
                          !db.setting(QStringLiteral("sync_server_url")).isEmpty();
    const bool changesShared = p.isSet(QStringLiteral("time-zone")) ||
                               p.isSet(QStringLiteral("clinic-name")) ||
                               p.isSet(QStringLiteral("clinic-phone"));
    if (enrolled && changesShared)
        return c.usage(tr("This workstation is enrolled at a server, where the clinic's settings "
                          "are shared: change them with frontdeskctl --user NAME settings set "
                          "KEY VALUE (clinic_time_zone, clinic_name, clinic_phone), which sends "
                          "the change to the other workstations."));
    const auto write = [&](const QString &key, const QString &value) -> Status {
        if (existed)
            return SharedSettings(db).set(key, value);
        return db.setSetting(key, value);
    };
    if (!existed || p.isSet(QStringLiteral("time-zone"))) {
        if (auto s = write(QStringLiteral("clinic_time_zone"), zone); !s)
            return c.failure(s.error());
    }
    if (p.isSet(QStringLiteral("clinic-name"))) {
        if (auto s = write(QStringLiteral("clinic_name"), p.value(QStringLiteral("clinic-name")));
            !s)
            return c.failure(s.error());
    }
    if (p.isSet(QStringLiteral("clinic-phone"))) {
        if (auto s = write(ClinicSettings::clinicPhoneKey(),
                           p.value(QStringLiteral("clinic-phone")).trimmed());
            !s)
            return c.failure(s.error());
    }
    c.out()
        << (existed
                ? tr("The database in %1 is ready (schema version %2).")
                : tr("Created an encrypted database in %1 (schema version %2); its key is in %3."))
               .arg(c.directory().path())
               .arg(db.schemaVersion())
               .arg(c.secretStore().description())
        << '\n';
    return CtlContext::Ok;
}

int DatabaseCommands::seed(CtlContext &c, const QCommandLineParser &p, const QStringList &)
{
    DemoSeeder::Options options;
    // The reminders' dates in the language the clinic's names are seeded in (the system's).
    options.locale = QLocale();
    bool ok = true;
    if (!p.isSet(QStringLiteral("patients")) || !p.isSet(QStringLiteral("appointments")))
        return c.usage(tr("seed needs --patients N and --appointments M."));
    options.patients = p.value(QStringLiteral("patients")).toInt(&ok);
    if (!ok || options.patients < 1 || options.patients > 10'000'000)
        return c.usage(tr("--patients must be a whole number from 1 to 10000000."));
    options.appointments = p.value(QStringLiteral("appointments")).toInt(&ok);
    if (!ok || options.appointments < 0 || options.appointments > 100'000'000)
        return c.usage(tr("--appointments must be a whole number from 0 to 100000000."));
    if (p.isSet(QStringLiteral("seed"))) {
        options.seed = p.value(QStringLiteral("seed")).toULongLong(&ok);
        if (!ok)
            return c.usage(tr("--seed must be a whole number."));
    }
    if (p.isSet(QStringLiteral("today"))) {
        options.today = QDate::fromString(p.value(QStringLiteral("today")), Qt::ISODate);
        if (!options.today.isValid())
            return c.usage(tr("--today must be a date as YYYY-MM-DD."));
    }
    auto opened = c.openDatabase();
    if (!opened)
        return c.failure(opened.error());
    Database &db = *opened->database;
    options.timeZone = db.setting(QStringLiteral("clinic_time_zone"), options.timeZone);

    QElapsedTimer timer;
    timer.start();
    const bool interactive = ::isatty(fileno(stderr));
    auto summary = DemoSeeder(db).seed(options, [&](qint64 done, qint64 total) {
        if (interactive) {
            c.err() << '\r' << tr("Seeding: %1%").arg(total ? done * 100 / total : 100)
                    << Qt::flush;
        }
    });
    if (interactive)
        c.err() << '\n';
    if (!summary)
        return c.failure(summary.error());
    c.out() << tr("Seeded %1 patients, %2 practitioners, %3 rooms, %4 appointments, %5 messages, "
                  "%6 recalls and %7 patient-record entries in %8 s.")
                   .arg(summary->patients)
                   .arg(summary->practitioners)
                   .arg(summary->locations)
                   .arg(summary->appointments)
                   .arg(summary->messages)
                   .arg(summary->recalls)
                   .arg(summary->records)
                   .arg(QLocale::c().toString(timer.elapsed() / 1000.0, 'f', 1))
            << '\n';
    return CtlContext::Ok;
}

int DatabaseCommands::stats(CtlContext &c, const QCommandLineParser &p, const QStringList &)
{
    auto opened = c.openDatabase();
    if (!opened)
        return c.failure(opened.error());
    Database &db = *opened->database;
    const QStringList tables{QStringLiteral("patients"),     QStringLiteral("practitioners"),
                             QStringLiteral("locations"),    QStringLiteral("working_hours"),
                             QStringLiteral("appointments"), QStringLiteral("messages"),
                             QStringLiteral("outbox"),       QStringLiteral("audit_log")};
    QJsonObject json;
    for (const QString &table : tables) {
        // Table names come from the fixed list above, never from input.
        auto n = db.scalar(QStringLiteral("SELECT count(*) FROM %1").arg(table));
        if (!n)
            return c.failure(n.error());
        json.insert(table, n->toLongLong());
    }
    json.insert(QStringLiteral("schema_version"), db.schemaVersion());
    if (p.isSet(jsonOption())) {
        c.out() << QJsonDocument(json).toJson(QJsonDocument::Compact) << '\n';
        return CtlContext::Ok;
    }
    c.out() << tr("Database: %1 (SQLCipher %2, schema version %3)")
                   .arg(db.path(), db.cipherVersion())
                   .arg(db.schemaVersion())
            << '\n';
    for (const QString &table : tables)
        c.out() << "  " << table.leftJustified(16)
                << QLocale().toString(json.value(table).toInteger()) << '\n';
    return CtlContext::Ok;
}

int DatabaseCommands::rekey(CtlContext &c, const QCommandLineParser &, const QStringList &)
{
    auto note = c.directory().rekey();
    if (!note)
        return c.failure(note.error());
    c.out() << *note << '\n';
    return CtlContext::Ok;
}

int DatabaseCommands::check(CtlContext &c, const QCommandLineParser &p, const QStringList &)
{
    auto opened = c.openDatabase();
    if (!opened)
        return c.failure(opened.error());
    Database &db = *opened->database;
    auto problems = db.check();
    if (!problems)
        return c.failure(problems.error());
    if (p.isSet(jsonOption())) {
        c.out() << QJsonDocument(QJsonObject{{QStringLiteral("ok"), problems->isEmpty()},
                                             {QStringLiteral("cipher_version"), db.cipherVersion()},
                                             {QStringLiteral("schema_version"), db.schemaVersion()},
                                             {QStringLiteral("problems"),
                                              QJsonArray::fromStringList(*problems)}})
                       .toJson(QJsonDocument::Compact)
                << '\n';
    } else if (problems->isEmpty()) {
        c.out() << tr("%1: encrypted with SQLCipher %2, schema version %3, integrity ok.")
                       .arg(db.path(), db.cipherVersion())
                       .arg(db.schemaVersion())
                << '\n';
    } else {
        for (const QString &problem : *problems)
            c.err() << problem << '\n';
    }
    return problems->isEmpty() ? CtlContext::Ok : CtlContext::Failed;
}

int DatabaseCommands::wipe(CtlContext &c, const QCommandLineParser &p, const QStringList &)
{
    if (!p.isSet(QStringLiteral("yes"))) {
        if (!::isatty(fileno(stdin)))
            return c.usage(
                tr("wipe asks for confirmation; pass --yes when running it from a script."));
        c.err() << tr("This removes %1 and its key for good. Type \"wipe\" to confirm: ")
                       .arg(c.directory().databasePath())
                << Qt::flush;
        QTextStream in(stdin);
        if (in.readLine().trimmed() != QLatin1String("wipe")) {
            return c.refused(tr("Nothing was removed."));
        }
    }
    // The server credential goes with the data: a wiped workstation is enrolled anew.
    if (auto s = WorkstationCredential::remove(c.secretStore(), c.directory().path()); !s)
        return c.failure(s.error());
    if (auto s = c.directory().wipe(); !s)
        return c.failure(s.error());
    if (c.auditAnchor()) {
        if (auto s = c.auditAnchor()->remove(); !s)
            return c.failure(s.error());
    }
    c.out() << tr("Wiped %1: the database files and its key are gone.").arg(c.directory().path())
            << '\n';
    return CtlContext::Ok;
}

QList<CtlCommand> DatabaseCommands::all()
{
    return {
        {QStringLiteral("init"),
         {},
         tr("Create the encrypted database (and its key) in the data directory."),
         {QCommandLineOption(QStringLiteral("time-zone"),
                             tr("The clinic's time zone (IANA), default Europe/Berlin."),
                             QStringLiteral("TZ")),
          QCommandLineOption(QStringLiteral("clinic-name"), tr("The clinic's name."),
                             QStringLiteral("NAME")),
          QCommandLineOption(QStringLiteral("clinic-phone"),
                             tr("The clinic's phone number, as patients should call it."),
                             QStringLiteral("PHONE"))},
         init},
        {QStringLiteral("seed"),
         {},
         tr("Add realistic, deterministic demo data."),
         {QCommandLineOption(QStringLiteral("patients"), tr("How many patients."),
                             QStringLiteral("N")),
          QCommandLineOption(QStringLiteral("appointments"), tr("How many appointments."),
                             QStringLiteral("M")),
          QCommandLineOption(QStringLiteral("seed"), tr("The random seed (default 1)."),
                             QStringLiteral("S")),
          QCommandLineOption(QStringLiteral("today"),
                             tr("The day the demo clinic calls today (YYYY-MM-DD)."),
                             QStringLiteral("DATE"))},
         seed},
        {QStringLiteral("stats"), {}, tr("Row counts per table."), {jsonOption()}, stats},
        {QStringLiteral("check"),
         {},
         tr("Check the database's integrity and encryption."),
         {jsonOption()},
         check},
        {QStringLiteral("rekey"),
         {},
         tr("Re-encrypt the database with a new random key."),
         {},
         rekey},
        {QStringLiteral("wipe"),
         {},
         tr("Remove the database, its WAL and journal files, and its key."),
         {QCommandLineOption(QStringLiteral("yes"), tr("Do not ask for confirmation."))},
         wipe},
    };
}

} // namespace

QList<CtlCommand> databaseCommands()
{
    return DatabaseCommands::all();
}

} // namespace frontdesk
