#include "AuditUpload.h"
#include "CtlCommand.h"
#include "Enrollment.h"
#include "ServerTransport.h"

#include "access/AccessGuard.h"
#include "access/AuditAnchor.h"
#include "access/AuditLog.h"
#include "access/AuditQuery.h"
#include "access/AuditVerifier.h"
#include "access/PasswordPolicy.h"
#include "access/StaffAccountRepository.h"
#include "fhir/ClinicSettingsMapping.h"
#include "storage/MessageRetention.h"
#include "storage/SharedSettings.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include <cstdio>
#include <optional>
#include <termios.h>
#include <unistd.h>

namespace frontdesk {

namespace {

// Staff accounts and the audit trail, for the admin of the machine that holds the keychain.
class AccessCommands
{
    Q_DECLARE_TR_FUNCTIONS(AccessCommands)
public:
    static QList<CtlCommand> all();
    // The demo accounts `user demo-accounts` makes, one per role; the README lists them.
    static QString demoPassword() { return QStringLiteral("Frontdesk demo only!"); }

private:
    static int user(CtlContext &c, const QCommandLineParser &p, const QStringList &args);
    static int audit(CtlContext &c, const QCommandLineParser &p, const QStringList &args);
    static int retention(CtlContext &c, const QCommandLineParser &p, const QStringList &args);
    static int settings(CtlContext &c, const QCommandLineParser &p, const QStringList &args);
    static int userList(CtlContext &c, Database &db, bool json);
    static int demoAccounts(CtlContext &c, Database &db);
    static int verify(CtlContext &c, Database &db, bool json);
    static int list(CtlContext &c, Database &db, const QCommandLineParser &p);
    static int reanchor(CtlContext &c, Database &db);
    static Result<QString> readPassword(CtlContext &c, const QString &username);
};

// Without echo on a terminal, asked twice; from a pipe, the first line.
Result<QString> AccessCommands::readPassword(CtlContext &c, const QString &username)
{
    QTextStream in(stdin);
    if (!::isatty(fileno(stdin))) {
        const QString line = in.readLine();
        if (line.isNull())
            return fail(tr("No password on standard input."));
        return line;
    }
    termios saved{};
    const bool canHide = ::tcgetattr(fileno(stdin), &saved) == 0;
    const auto ask = [&](const QString &prompt) {
        c.err() << prompt << Qt::flush;
        if (canHide) {
            termios hidden = saved;
            hidden.c_lflag &= ~static_cast<tcflag_t>(ECHO);
            ::tcsetattr(fileno(stdin), TCSAFLUSH, &hidden);
        }
        const QString line = in.readLine();
        if (canHide)
            ::tcsetattr(fileno(stdin), TCSAFLUSH, &saved);
        c.err() << '\n' << Qt::flush;
        return line;
    };
    const QString first = ask(tr("New password for %1 (at least %2 characters): ")
                                  .arg(username)
                                  .arg(PasswordPolicy::MinimumLength));
    if (auto s = PasswordPolicy::check(first, username); !s)
        return fail(s.error());
    const QString second = ask(tr("The same password again: "));
    if (first != second)
        return fail(tr("The two passwords differ; nothing was changed."));
    return first;
}

int AccessCommands::userList(CtlContext &c, Database &db, bool json)
{
    auto accounts = StaffAccountRepository(db).list();
    if (!accounts)
        return c.failure(accounts.error());
    const qint64 now = db.clock().nowMs();
    if (json) {
        QJsonArray array;
        for (const StaffAccount &a : *accounts) {
            QJsonObject o{
                {QStringLiteral("username"), a.username},
                {QStringLiteral("display_name"), a.displayName},
                {QStringLiteral("role"), Roles::name(a.role)},
                {QStringLiteral("active"), a.active},
                {QStringLiteral("locked"), a.lockedUntil > now},
                {QStringLiteral("created_at"),
                 QDateTime::fromMSecsSinceEpoch(a.createdAt, Qt::UTC).toString(Qt::ISODate)}};
            array.append(o);
        }
        c.out() << QJsonDocument(array).toJson(QJsonDocument::Compact) << '\n';
        return CtlContext::Ok;
    }
    if (accounts->isEmpty()) {
        c.out() << tr("No staff accounts yet. Add the first administrator with: frontdeskctl "
                      "user add NAME --role admin")
                << '\n';
        return CtlContext::Ok;
    }
    for (const StaffAccount &a : *accounts) {
        QString state = a.active ? tr("active") : tr("disabled");
        if (a.lockedUntil > now)
            state +=
                QStringLiteral(", ") +
                tr("locked until %1")
                    .arg(QLocale().toString(QDateTime::fromMSecsSinceEpoch(a.lockedUntil).time(),
                                            QLocale::ShortFormat));
        c.out() << a.username.leftJustified(20) << ' ' << Roles::name(a.role).leftJustified(13)
                << ' ' << state << '\n';
    }
    return CtlContext::Ok;
}

int AccessCommands::demoAccounts(CtlContext &c, Database &db)
{
    StaffAccountRepository accounts(db);
    auto count = accounts.count();
    if (!count)
        return c.failure(count.error());
    if (*count > 0)
        return c.refused(tr("This database already has staff accounts; demo accounts are only "
                            "added to a database without any."));
    const Status s = db.write([&]() -> Status {
        for (Role role : Roles::all()) {
            auto made = accounts.create(Roles::name(role), role, demoPassword(),
                                        tr("Demo %1").arg(Roles::displayName(role)));
            if (!made)
                return fail(made.error());
        }
        return {};
    });
    if (!s)
        return c.failure(s.error());
    c.out() << tr("Added the demo accounts receptionist, nurse, manager and admin, each with the "
                  "password \"%1\". They are for the demo only.")
                   .arg(demoPassword())
            << '\n';
    return CtlContext::Ok;
}

int AccessCommands::user(CtlContext &c, const QCommandLineParser &p, const QStringList &args)
{
    static const QStringList needName{QStringLiteral("add"), QStringLiteral("disable"),
                                      QStringLiteral("enable"), QStringLiteral("passwd"),
                                      QStringLiteral("role")};
    const QString sub = args.value(0);
    const bool json = p.isSet(QStringLiteral("json"));
    if (sub.isEmpty())
        return c.usage(tr("user needs a sub-command: add, disable, enable, list, passwd, role or "
                          "demo-accounts."));
    if (needName.contains(sub) && args.size() != 2)
        return c.usage(tr("user %1 needs exactly one user name.").arg(sub));
    if (!needName.contains(sub) && args.size() != 1)
        return c.usage(tr("user %1 takes no further arguments.").arg(sub));
    std::optional<Role> role;
    if (sub == QLatin1String("add") || sub == QLatin1String("role")) {
        if (!p.isSet(QStringLiteral("role")))
            return c.usage(tr("user %1 needs --role receptionist|nurse|manager|admin.").arg(sub));
        role = Roles::fromName(p.value(QStringLiteral("role")));
        if (!role)
            return c.usage(tr("unknown role \"%1\": use receptionist, nurse, manager or admin.")
                               .arg(p.value(QStringLiteral("role"))));
    }
    if (!needName.contains(sub) && sub != QLatin1String("list") &&
        sub != QLatin1String("demo-accounts"))
        return c.usage(tr("unknown user sub-command \"%1\".").arg(sub));
    const QString name = args.value(1);
    if (sub == QLatin1String("add")) {
        if (auto s = StaffAccountRepository::validateUsername(name); !s)
            return c.usage(s.error());
    }

    auto opened = c.openDatabase();
    if (!opened)
        return c.failure(opened.error());
    Database &db = *opened->database;
    StaffAccountRepository accounts(db);

    if (sub == QLatin1String("list"))
        return userList(c, db, json);
    if (sub == QLatin1String("demo-accounts"))
        return demoAccounts(c, db);
    if (sub == QLatin1String("add")) {
        auto existing = accounts.find(name);
        if (!existing)
            return c.failure(existing.error());
        if (existing->has_value())
            return c.refused(tr("There is already an account named %1.").arg(name));
        auto password = readPassword(c, name);
        if (!password)
            return c.refused(password.error());
        auto made =
            accounts.create(name, *role, *password, p.value(QStringLiteral("display-name")));
        if (!made)
            return c.refused(made.error());
        c.out() << tr("Added %1 (%2).").arg(made->username, Roles::name(made->role)) << '\n';
        return CtlContext::Ok;
    }
    auto existing = accounts.find(name);
    if (!existing)
        return c.failure(existing.error());
    if (!existing->has_value())
        return c.failure(tr("There is no account named %1.").arg(name));
    Status s;
    QString done;
    if (sub == QLatin1String("disable")) {
        s = accounts.setActive(name, false);
        done = tr("%1 is disabled and can no longer sign in.").arg(name);
    } else if (sub == QLatin1String("enable")) {
        s = accounts.setActive(name, true);
        done = tr("%1 can sign in again.").arg(name);
    } else if (sub == QLatin1String("role")) {
        s = accounts.setRole(name, *role);
        done = tr("%1 is now %2.").arg(name, Roles::name(*role));
    } else {
        auto password = readPassword(c, name);
        if (!password)
            return c.refused(password.error());
        s = accounts.setPassword(name, *password);
        done = tr("The password of %1 was changed; any lock-out is lifted.").arg(name);
    }
    if (!s)
        return c.refused(s.error());
    c.out() << done << '\n';
    return CtlContext::Ok;
}

int AccessCommands::verify(CtlContext &c, Database &db, bool json)
{
    AuditAnchor::Reading reading;
    QString anchorName;
    if (AuditAnchor *anchor = c.auditAnchor()) {
        auto read = anchor->read();
        if (!read)
            return c.failure(read.error());
        reading = *read;
        anchorName = anchor->description();
    }
    auto report = AuditVerifier(db).verify(reading, anchorName);
    if (!report)
        return c.failure(report.error());
    // Once enrolled, also against the copy the server holds of this workstation's trail.
    std::optional<AuditUpload::Comparison> server;
    QString serverName;
    const Enrollment::State enrolled = Enrollment::state(db, c.secretStore(), c.directory().path());
    if (enrolled.enrolled) {
        serverName = enrolled.endpoint.url.toDisplayString();
        auto connection = Enrollment::connect(db, c.secretStore(), c.directory().path());
        AuditUpload::Comparison compared;
        if (connection) {
            ServerTransport transport(std::move(*connection), true);
            compared = AuditUpload(db, transport).compare();
        } else {
            compared.problem = connection.error();
        }
        server = compared;
    }
    const bool serverDiffers = server && server->reached && !server->matches;
    const bool intact = report->intact && !serverDiffers;
    if (json) {
        QJsonObject o{{QStringLiteral("intact"), intact},
                      {QStringLiteral("entries"), report->entries},
                      {QStringLiteral("anchor"), report->anchor}};
        if (!report->intact) {
            o.insert(QStringLiteral("broken_seq"), report->brokenSeq);
            o.insert(QStringLiteral("broken_id"), report->brokenId);
            o.insert(QStringLiteral("problem"), report->problem);
        }
        if (server) {
            QJsonObject copy{{QStringLiteral("url"), serverName},
                             {QStringLiteral("reached"), server->reached},
                             {QStringLiteral("matches"), server->reached && server->matches},
                             {QStringLiteral("entries"), server->serverEntries}};
            if (!server->problem.isEmpty())
                copy.insert(QStringLiteral("problem"), server->problem);
            o.insert(QStringLiteral("server"), copy);
        }
        c.out() << QJsonDocument(o).toJson(QJsonDocument::Compact) << '\n';
        return intact ? CtlContext::Ok : CtlContext::Failed;
    }
    if (!report->intact)
        return c.failure(tr("The audit trail was tampered with. %1\nChecked against: %2")
                             .arg(report->problem, report->anchor));
    if (serverDiffers)
        return c.failure(tr("The audit trail here does not match the copy the server %1 holds. "
                            "%2")
                             .arg(serverName, server->problem));
    c.out() << tr("The audit trail is intact: %n entries, each chained to the one before.", nullptr,
                  static_cast<int>(report->entries))
            << '\n'
            << tr("Checked against: %1").arg(report->anchor) << '\n';
    if (server && server->reached)
        c.out() << tr("It matches the copy the server %1 holds (%n entries; the rest go up with "
                      "the next sync).",
                      nullptr, static_cast<int>(server->serverEntries))
                       .arg(serverName)
                << '\n';
    else if (server)
        c.out() << tr("Not compared with the server's copy: %1").arg(server->problem) << '\n';
    return CtlContext::Ok;
}

// After an anchor was found missing or forged and someone has looked into it: the chain inside
// the database must still hold, and the new anchor is itself recorded in the trail.
int AccessCommands::reanchor(CtlContext &c, Database &db)
{
    AuditAnchor *anchor = c.auditAnchor();
    if (!anchor)
        return c.refused(tr("This trail has no anchor outside its database."));
    auto reading = anchor->read();
    if (!reading)
        return c.failure(reading.error());
    auto report = AuditVerifier(db).verify();
    if (!report)
        return c.failure(report.error());
    if (!report->intact)
        return c.failure(tr("The audit trail was tampered with, so it is not anchored again. %1")
                             .arg(report->problem));
    AuditEntry entry;
    entry.action = QStringLiteral("audit-reanchor");
    entry.entityType = QStringLiteral("AuditTrail");
    entry.detail = {{QStringLiteral("previous_anchor"), reading->problem.isEmpty()
                                                            ? QStringLiteral("valid or none")
                                                            : reading->problem}};
    if (auto a = AuditLog(db).append(entry); !a)
        return c.failure(a.error());
    if (auto s = anchor->reset(db); !s)
        return c.failure(s.error());
    c.out() << tr("The audit trail is anchored again at its current end: %1.")
                   .arg(anchor->description())
            << '\n';
    return CtlContext::Ok;
}

int AccessCommands::list(CtlContext &c, Database &db, const QCommandLineParser &p)
{
    AuditQuery::Filter filter;
    filter.patientId = p.value(QStringLiteral("patient"));
    filter.actor = p.value(QStringLiteral("actor"));
    filter.action = p.value(QStringLiteral("action"));
    filter.limit = 0;
    if (p.isSet(QStringLiteral("limit"))) {
        bool ok = false;
        filter.limit = p.value(QStringLiteral("limit")).toInt(&ok);
        if (!ok || filter.limit < 1)
            return c.usage(tr("--limit must be a whole number of at least 1."));
    }
    const bool clinical = p.isSet(QStringLiteral("clinical-detail"));
    if (clinical && filter.patientId.isEmpty())
        return c.usage(tr("--clinical-detail needs --patient ID: it opens that patient's clinical "
                          "record."));
    std::optional<ClinicalAccess> access;
    if (clinical) {
        auto opened = AccessGuard(db).openClinical(filter.patientId, ClinicalRead::AuditDetail,
                                                   p.value(QStringLiteral("reason")));
        if (!opened)
            return c.refused(opened.error());
        access = *opened;
    }
    auto entries = access ? AuditQuery(db).list(filter, *access) : AuditQuery(db).list(filter);
    if (!entries)
        return c.failure(entries.error());
    // Oldest first reads like a log; the query gives the newest first so --limit keeps those.
    std::reverse(entries->begin(), entries->end());
    if (p.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const AuditEntry &e : *entries) {
            array.append(QJsonObject{
                {QStringLiteral("seq"), e.seq},
                {QStringLiteral("id"), e.id},
                {QStringLiteral("recorded_at"),
                 QDateTime::fromMSecsSinceEpoch(e.recordedAt, Qt::UTC).toString(Qt::ISODateWithMs)},
                {QStringLiteral("actor"), e.actor},
                {QStringLiteral("actor_kind"), e.actorKind},
                {QStringLiteral("action"), e.action},
                {QStringLiteral("outcome"), e.outcome},
                {QStringLiteral("entity_type"), e.entityType},
                {QStringLiteral("entity_id"), e.entityId},
                {QStringLiteral("patient_id"), e.patientId},
                {QStringLiteral("detail"), e.detail},
                {QStringLiteral("hash"), e.hash}});
        }
        c.out() << QJsonDocument(array).toJson(QJsonDocument::Compact) << '\n';
        return CtlContext::Ok;
    }
    for (const AuditEntry &e : *entries) {
        c.out() << QString::number(e.seq).rightJustified(7) << "  "
                << QDateTime::fromMSecsSinceEpoch(e.recordedAt, Qt::UTC).toString(Qt::ISODate)
                << "  " << e.actor.leftJustified(14) << ' ' << e.action.leftJustified(16) << ' '
                << e.outcome.leftJustified(8) << ' ' << e.entityType << ' ' << e.entityId;
        if (!e.patientId.isEmpty() && e.patientId != e.entityId)
            c.out() << "  " << tr("patient %1").arg(e.patientId);
        c.out() << '\n';
    }
    return CtlContext::Ok;
}

int AccessCommands::audit(CtlContext &c, const QCommandLineParser &p, const QStringList &args)
{
    const QString sub = args.value(0);
    if (args.size() != 1 || (sub != QLatin1String("verify") && sub != QLatin1String("list") &&
                             sub != QLatin1String("reanchor")))
        return c.usage(tr("audit needs one sub-command: verify, list or reanchor."));
    auto opened = c.openDatabase();
    if (!opened)
        return c.failure(opened.error());
    Database &db = *opened->database;
    if (sub == QLatin1String("verify"))
        return verify(c, db, p.isSet(QStringLiteral("json")));
    if (sub == QLatin1String("reanchor"))
        return reanchor(c, db);
    return list(c, db, p);
}

int AccessCommands::retention(CtlContext &c, const QCommandLineParser &p, const QStringList &)
{
    std::optional<int> days;
    if (p.isSet(QStringLiteral("days"))) {
        bool ok = false;
        days = p.value(QStringLiteral("days")).toInt(&ok);
        if (!ok || *days < 0 || *days > MessageRetention::MaximumDays)
            return c.usage(tr("--days must be a whole number from 0 (keep all) to %1.")
                               .arg(MessageRetention::MaximumDays));
    }
    auto opened = c.openDatabase();
    if (!opened)
        return c.failure(opened.error());
    Database &db = *opened->database;
    if (days) {
        if (auto s = MessageRetention::setDays(db, *days); !s)
            return c.failure(s.error());
    }
    const int keep = MessageRetention::days(db);
    if (keep == 0) {
        c.out() << tr("Messages are kept on this workstation without a time limit.") << '\n';
        return CtlContext::Ok;
    }
    auto removed = MessageRetention::purge(db);
    if (!removed)
        return c.failure(removed.error());
    c.out() << tr("Messages are kept on this workstation for %1 days; %2 older local copies were "
                  "removed.")
                   .arg(keep)
                   .arg(*removed)
            << '\n';
    return CtlContext::Ok;
}

int AccessCommands::settings(CtlContext &c, const QCommandLineParser &p, const QStringList &args)
{
    const QString sub = args.value(0, QStringLiteral("list"));
    if (sub != QLatin1String("list") && sub != QLatin1String("set"))
        return c.usage(tr("settings takes list or set KEY VALUE."));
    if (sub == QLatin1String("set") && args.size() != 3)
        return c.usage(tr("settings set takes a key and a value (\"\" clears it): one of %1.")
                           .arg(ClinicSettingsMapping::keys().join(QStringLiteral(", "))));
    auto opened = c.openDatabase();
    if (!opened)
        return c.failure(opened.error());
    Database &db = *opened->database;
    SharedSettings shared(db);
    if (sub == QLatin1String("set")) {
        if (!ClinicSettingsMapping::isShared(args[1]))
            return c.usage(
                tr("%1 is not a setting of the clinic; they are %2.")
                    .arg(args[1], ClinicSettingsMapping::keys().join(QStringLiteral(", "))));
        if (auto s = shared.change(args[1], args[2]); !s)
            return c.failure(s.error());
    }
    auto values = shared.values();
    if (!values)
        return c.failure(values.error());
    auto meta = shared.meta();
    if (!meta)
        return c.failure(meta.error());
    const QString state = meta->has_value() ? (*meta)->syncState : QString();
    if (p.isSet(QStringLiteral("json"))) {
        QJsonObject settings;
        for (const QString &key : ClinicSettingsMapping::keys())
            settings.insert(key, values->contains(key) ? QJsonValue(values->value(key))
                                                       : QJsonValue(QJsonValue::Null));
        c.out() << QJsonDocument(QJsonObject{{QStringLiteral("settings"), settings},
                                             {QStringLiteral("sync_state"), state}})
                       .toJson(QJsonDocument::Compact)
                << '\n';
        return CtlContext::Ok;
    }
    for (const QString &key : ClinicSettingsMapping::keys())
        c.out() << key << " = "
                << (values->contains(key) ? values->value(key) : tr("(not set: the default)"))
                << '\n';
    if (state == SyncState::pending())
        c.out() << tr("Changed here; the change goes to the server with the next sync.") << '\n';
    return CtlContext::Ok;
}

QList<CtlCommand> AccessCommands::all()
{
    const QCommandLineOption json(QStringLiteral("json"), tr("Print JSON."));
    return {
        {QStringLiteral("user"),
         QStringLiteral("ACTION [NAME]"),
         tr("Manage staff accounts (passwords are read from standard input)."),
         {QCommandLineOption(QStringLiteral("role"), tr("receptionist, nurse, manager or admin."),
                             QStringLiteral("ROLE")),
          QCommandLineOption(QStringLiteral("display-name"), tr("The name shown for the account."),
                             QStringLiteral("NAME")),
          json},
         user},
        {QStringLiteral("audit"),
         QStringLiteral("verify|list|reanchor"),
         tr("Check the audit trail's hash chain and its anchor outside the database, list its "
            "entries, or anchor it again after a missing or forged anchor was looked into."),
         {QCommandLineOption(QStringLiteral("patient"), tr("Only entries about this patient id."),
                             QStringLiteral("ID")),
          QCommandLineOption(QStringLiteral("actor"), tr("Only entries by this user."),
                             QStringLiteral("NAME")),
          QCommandLineOption(QStringLiteral("action"),
                             tr("Only entries of this action (e.g. read, update, login)."),
                             QStringLiteral("ACTION")),
          QCommandLineOption(QStringLiteral("limit"), tr("Only the newest N entries."),
                             QStringLiteral("N")),
          QCommandLineOption(QStringLiteral("clinical-detail"),
                             tr("With --patient: show the clinical fields of the entries about "
                                "the patient's clinical records (withheld otherwise); a clinical "
                                "read, audited.")),
          QCommandLineOption(QStringLiteral("reason"),
                             tr("Why the clinical record is read (at least 5 characters), when "
                                "the patient has no appointment today."),
                             QStringLiteral("TEXT")),
          json},
         audit},
        {QStringLiteral("settings"),
         QStringLiteral("[list|set KEY VALUE]"),
         tr("Show or change the clinic's shared settings (name, phone, time zone, quiet hours, "
            "...); a change goes to the server and the other workstations with the next sync."),
         {json},
         settings},
        {QStringLiteral("retention"),
         {},
         tr("Keep messages on this workstation for N days and remove older local copies."),
         {QCommandLineOption(QStringLiteral("days"), tr("Days to keep (0: keep all)."),
                             QStringLiteral("N"))},
         retention},
    };
}

} // namespace

QList<CtlCommand> accessCommands()
{
    return AccessCommands::all();
}

} // namespace frontdesk
