#include "Ctl.h"
#include "CtlCommand.h"
#include "Enrollment.h"
#include "ServerConnection.h"
#include "ServerTransport.h"
#include "SyncConflicts.h"
#include "SyncEngine.h"
#include "access/StaffAccountRepository.h"
#include "core/LocaleFormat.h"
#include "database/Database.h"
#include "database/SecretStore.h"
#include "storage/Outbox.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>

#include <cstdio>
#include <unistd.h>

namespace frontdesk {

namespace {

// The workstation's link to frontdesk-server: enrollment and its state, and a round of sync.
class SyncCommands
{
    Q_DECLARE_TR_FUNCTIONS(SyncCommands)
public:
    static QList<CtlCommand> all();

private:
    static int enroll(CtlContext &c, const QCommandLineParser &p, const QStringList &);
    static int status(CtlContext &c, Database &db, bool json);
    static int sync(CtlContext &c, const QCommandLineParser &p, const QStringList &);
    static int conflicts(CtlContext &c, const QCommandLineParser &p, const QStringList &args);
    // The administrator's password at the server: the first line of standard input, or asked
    // on the terminal without echo when standard input is one.
    static Result<QString> serverPassword(const QString &username, const QString &server);
};

Result<QString> SyncCommands::serverPassword(const QString &username, const QString &server)
{
    if (!::isatty(fileno(stdin))) {
        QTextStream in(stdin);
        const QString line = in.readLine();
        if (line.isEmpty())
            return fail(tr("No password for %1 on standard input.").arg(username));
        return line;
    }
    auto typed = Ctl::askOnTerminal(tr("Password for %1 at %2: ").arg(username, server));
    if (!typed)
        return fail(tr("There is no terminal to ask %1's password on; give it on standard "
                       "input.")
                        .arg(username));
    return typed;
}

int SyncCommands::status(CtlContext &c, Database &db, bool json)
{
    const Enrollment::State s = Enrollment::state(db, c.secretStore(), c.directory().path());
    QString answer;
    bool reachable = false;
    if (s.enrolled && s.credentialKept) {
        auto connection = Enrollment::connect(db, c.secretStore(), c.directory().path());
        const Status token =
            connection ? (*connection)->obtainWorkstationToken() : Status(fail(connection.error()));
        reachable = token.ok();
        answer =
            reachable ? tr("reachable; it accepts this workstation's credential") : token.error();
    }
    if (json) {
        QJsonObject o{{QStringLiteral("enrolled"), s.enrolled}};
        if (s.enrolled) {
            o.insert(QStringLiteral("server"), s.endpoint.url.toString());
            o.insert(QStringLiteral("workstation_id"), s.workstationId);
            o.insert(QStringLiteral("workstation_name"), s.workstationName);
            o.insert(QStringLiteral("enrolled_by"), s.enrolledBy);
            o.insert(QStringLiteral("enrolled_at"), s.enrolledAt);
            o.insert(QStringLiteral("ca_file"), s.endpoint.caFile);
            o.insert(QStringLiteral("pin_sha256"), s.endpoint.pinSha256);
            o.insert(QStringLiteral("insecure"), s.endpoint.insecure);
            o.insert(QStringLiteral("credential_store"), c.secretStore().description());
            o.insert(QStringLiteral("credential_kept"), s.credentialKept);
            o.insert(QStringLiteral("credential_problem"), s.credentialProblem);
            o.insert(QStringLiteral("server_accepts_credential"), reachable);
            o.insert(QStringLiteral("server_answer"), answer);
        }
        c.out() << QJsonDocument(o).toJson(QJsonDocument::Indented) << Qt::flush;
    } else if (!s.enrolled) {
        c.out() << tr("This workstation is not enrolled with a server.") << '\n';
    } else {
        c.out() << tr("Server:       %1").arg(s.endpoint.url.toString()) << '\n'
                << tr("Workstation:  %1 (%2)").arg(s.workstationName, s.workstationId) << '\n'
                << tr("Enrolled:     %1 by %2").arg(s.enrolledAt, s.enrolledBy) << '\n'
                << tr("Trust:        %1")
                       .arg(s.endpoint.insecure
                                ? tr("INSECURE (development): plain HTTP and unverified "
                                     "certificates accepted")
                            : s.endpoint.caFile.isEmpty()
                                ? tr("the system's CAs")
                                : tr("the system's CAs and %1").arg(s.endpoint.caFile))
                << '\n';
        if (!s.endpoint.pinSha256.isEmpty())
            c.out() << tr("Pinned key:   sha256 %1").arg(s.endpoint.pinSha256) << '\n';
        c.out() << tr("Credential:   %1")
                       .arg(s.credentialKept ? tr("kept in %1").arg(c.secretStore().description())
                                             : s.credentialProblem)
                << '\n';
        if (s.credentialKept)
            c.out() << tr("Server check: %1").arg(answer) << '\n';
    }
    c.out().flush();
    if (s.enrolled && (!s.credentialKept || !reachable))
        return CtlContext::Failed;
    return CtlContext::Ok;
}

int SyncCommands::enroll(CtlContext &c, const QCommandLineParser &p, const QStringList &)
{
    const bool json = p.isSet(QStringLiteral("json"));
    if (p.isSet(QStringLiteral("status"))) {
        auto opened = c.openDatabase();
        if (!opened)
            return c.failure(opened.error());
        return status(c, *opened->database, json);
    }
    if (!p.isSet(QStringLiteral("server")))
        return c.usage(tr("enroll needs --server URL (or --status)."));
    const QString admin = p.value(QStringLiteral("user"));
    if (admin.isEmpty())
        return c.usage(tr("enroll needs --user NAME: an administrator's account at the server."));
    const bool insecure = p.isSet(QStringLiteral("insecure-http"));
    Enrollment::Request request;
    auto url = ServerEndpoint::parseUrl(p.value(QStringLiteral("server")), insecure);
    if (!url)
        return c.refused(url.error());
    request.endpoint.url = *url;
    request.endpoint.caFile = p.value(QStringLiteral("ca-file"));
    request.endpoint.pinSha256 = p.value(QStringLiteral("pin-sha256"));
    request.endpoint.insecure = insecure;
    if (auto s = request.endpoint.validate(); !s)
        return c.usage(s.error());
    request.adminUser = admin;
    request.workstationName = p.value(QStringLiteral("name"));

    auto opened = c.openDatabase();
    if (!opened)
        return c.failure(opened.error());
    Database &db = *opened->database;
    if (insecure)
        c.err() << tr("Warning: --insecure-http is for development only: plain HTTP and "
                      "certificates that do not verify are accepted.")
                << '\n'
                << Qt::flush;
    auto password = serverPassword(admin, url->toDisplayString());
    if (!password)
        return c.refused(password.error());
    request.adminPassword = *password;
    password->fill(QLatin1Char('\0'));
    auto enrolled = Enrollment::contact(request);
    request.adminPassword.fill(QLatin1Char('\0'));
    if (!enrolled)
        return c.failure(enrolled.error());
    if (auto s = Enrollment::keep(db, c.secretStore(), c.directory().path(), *enrolled); !s)
        return c.failure(tr("The server enrolled this workstation (%1), but it could not be kept "
                            "here: %2. Revoke it at the server (frontdesk-server workstation "
                            "revoke %1) and enroll again.")
                             .arg(enrolled->credential.workstationId, s.error()));
    auto accounts = StaffAccountRepository(db).count();
    if (json) {
        c.out() << QJsonDocument(
                       QJsonObject{
                           {QStringLiteral("workstation_id"), enrolled->credential.workstationId},
                           {QStringLiteral("workstation_name"), enrolled->credential.name},
                           {QStringLiteral("server"), url->toString()},
                           {QStringLiteral("enrolled_by"), enrolled->enrolledBy},
                           {QStringLiteral("credential_store"), c.secretStore().description()}})
                       .toJson(QJsonDocument::Indented);
    } else {
        c.out() << tr("Enrolled this workstation as \"%1\" (%2) at %3, by %4.")
                       .arg(enrolled->credential.name, enrolled->credential.workstationId,
                            url->toDisplayString(), enrolled->enrolledBy)
                << '\n'
                << tr("Its credential is kept in %1.").arg(c.secretStore().description()) << '\n';
        if (accounts)
            c.out() << tr("The %n local staff account(s) are kept. From now on the server "
                          "checks every sign-in; offline, the passwords kept here still work. "
                          "Each sync gives them the server's name, role and state, and "
                          "disables those the server does not have.",
                          nullptr, int(*accounts))
                    << '\n';
    }
    c.out().flush();
    return CtlContext::Ok;
}

int SyncCommands::sync(CtlContext &c, const QCommandLineParser &p, const QStringList &)
{
    const bool json = p.isSet(QStringLiteral("json"));
    auto opened = c.openDatabase();
    if (!opened)
        return c.failure(opened.error());
    Database &db = *opened->database;
    auto connection = Enrollment::connect(db, c.secretStore(), c.directory().path());
    if (!connection)
        return c.failure(connection.error());
    // The round writes what the server holds, for every role, whoever runs it: on a connection
    // of its own that works for the system, named after the person who asked.
    auto own = db.openAnotherConnection();
    if (!own)
        return c.failure(own.error());
    (*own)->actAsSystem(QStringLiteral("frontdeskctl sync (%1)").arg(db.actor().name));
    ServerTransport transport(std::move(*connection), true);
    SyncEngine engine(**own, transport);
    // A long round (a workstation's first pull, a standalone clinic's records going up) says
    // how far it is, a line per page.
    if (!json)
        engine.setProgress([&c](const SyncProgress &step) {
            if (!step.worthShowing())
                return;
            switch (step.phase) {
            case SyncProgress::Phase::Push:
                c.out() << tr("Sent %1 of %2 records…").arg(step.done).arg(step.total) << '\n';
                break;
            case SyncProgress::Phase::Pull:
                c.out() << tr("Received %1 of %2 changes…").arg(step.done).arg(step.total) << '\n';
                break;
            case SyncProgress::Phase::Indexes:
                // After a large first pull: a line as each index is begun, and one at the end.
                if (step.done < step.total)
                    c.out() << tr("Rebuilding search index %1 of %2…")
                                   .arg(step.done + 1)
                                   .arg(step.total)
                            << '\n';
                else
                    c.out() << tr("Rebuilt %n search index(es).", nullptr, int(step.total)) << '\n';
                break;
            }
            c.out().flush();
        });
    const SyncRound round = engine.round();
    auto waiting = Outbox(**own).waitingRecords();
    const qint64 left = waiting ? *waiting : -1;
    if (json) {
        c.out() << QJsonDocument(
                       QJsonObject{{QStringLiteral("reached"), round.reached},
                                   {QStringLiteral("pushed"), round.pushed},
                                   {QStringLiteral("pulled"), round.pulled},
                                   {QStringLiteral("conflicts"), round.conflicts + round.unapplied},
                                   {QStringLiteral("rejected"), round.rejected},
                                   {QStringLiteral("accountsChanged"), round.accountsChanged},
                                   {QStringLiteral("accountsDisabled"),
                                    QJsonArray::fromStringList(round.accountsDisabled)},
                                   {QStringLiteral("waiting"), left},
                                   {QStringLiteral("auditUploaded"), round.auditUploaded},
                                   {QStringLiteral("problem"), round.problem}})
                       .toJson(QJsonDocument::Indented);
    } else {
        if (!round.reached)
            c.out() << tr("The server could not be reached; the changes wait here and go with "
                          "the next sync: %1")
                           .arg(round.problem)
                    << '\n';
        c.out() << tr("Pushed %1, pulled %2, conflicts %3, rejected %4; %5 waiting.")
                       .arg(round.pushed)
                       .arg(round.pulled)
                       .arg(round.conflicts + round.unapplied)
                       .arg(round.rejected)
                       .arg(left)
                << '\n';
        if (round.auditUploaded > 0)
            c.out() << tr("%n audit entries went up to the server.", nullptr, round.auditUploaded)
                    << '\n';
        if (round.reached)
            c.out() << tr("%n staff account(s) changed to the server's.", nullptr,
                          round.accountsChanged)
                    << (round.accountsDisabled.isEmpty()
                            ? QString()
                            : QLatin1Char(' ') +
                                  tr("Disabled here: %1.")
                                      .arg(round.accountsDisabled.join(QStringLiteral(", "))))
                    << '\n';
    }
    c.out().flush();
    // Unreachable is a state, not a failure: the changes are safe here and go next time.
    if (round.reached && !round.problem.isEmpty())
        return c.failure(round.problem);
    return CtlContext::Ok;
}

int SyncCommands::conflicts(CtlContext &c, const QCommandLineParser &p, const QStringList &args)
{
    const bool json = p.isSet(QStringLiteral("json"));
    const QString sub = args.value(0);
    const QString take = p.value(QStringLiteral("take"));
    if (sub == QLatin1String("rebook")) {
        if (args.size() != 2 || p.isSet(QStringLiteral("take")))
            return c.usage(tr("conflicts rebook needs the refused booking's id, and no --take."));
        auto opened = c.openDatabase();
        if (!opened)
            return c.failure(opened.error());
        SyncConflicts conflicts(*opened->database);
        auto start = conflicts.rebook(args.at(1));
        if (!start)
            return c.refused(start.error());
        if (json)
            c.out() << QJsonDocument(QJsonObject{{QStringLiteral("start"),
                                                  start->toUTC().toString(Qt::ISODate)}})
                           .toJson(QJsonDocument::Compact)
                    << '\n';
        else
            c.out() << tr("Rebooked to %1; it goes to the server with the next sync.")
                           .arg(LocaleFormat::fullYearDateTime(*start))
                    << '\n';
        c.out().flush();
        return CtlContext::Ok;
    }
    if (!sub.isEmpty() && sub != QLatin1String("resolve"))
        return c.usage(tr("conflicts takes no argument, or: resolve ID --take mine|theirs, or: "
                          "rebook ID."));
    if (sub.isEmpty() && (args.size() > 1 || p.isSet(QStringLiteral("take"))))
        return c.usage(tr("--take goes with conflicts resolve ID."));
    if (!sub.isEmpty() &&
        (args.size() != 2 || (take != QLatin1String("mine") && take != QLatin1String("theirs"))))
        return c.usage(tr("conflicts resolve needs the record's id and --take mine or --take "
                          "theirs."));
    auto opened = c.openDatabase();
    if (!opened)
        return c.failure(opened.error());
    SyncConflicts conflicts(*opened->database);

    if (!sub.isEmpty()) {
        auto issue = conflicts.find(args.at(1));
        if (!issue)
            return c.refused(issue.error());
        const bool mine = take == QLatin1String("mine");
        if (auto s = conflicts.resolve(issue->id, mine ? SyncConflicts::Take::Mine
                                                       : SyncConflicts::Take::Theirs);
            !s)
            return c.refused(s.error());
        if (json)
            c.out() << QJsonDocument(QJsonObject{{QStringLiteral("id"), issue->id},
                                                 {QStringLiteral("type"), issue->type},
                                                 {QStringLiteral("took"), take}})
                           .toJson(QJsonDocument::Compact)
                    << '\n';
        else
            c.out() << (mine ? tr("%1: this workstation's version is sent again with the next "
                                  "sync.")
                             : tr("%1: now the server's version; the changes made here are "
                                  "dropped."))
                           .arg(issue->label)
                    << '\n';
        c.out().flush();
        return CtlContext::Ok;
    }

    auto all = conflicts.list();
    if (!all)
        return c.failure(all.error());
    if (json) {
        QJsonArray out;
        for (const SyncIssue &i : std::as_const(*all)) {
            QJsonArray fields;
            for (const SyncIssue::Field &f : i.fields)
                fields.append(QJsonObject{{QStringLiteral("name"), f.name},
                                          {QStringLiteral("label"), f.label},
                                          {QStringLiteral("base"), f.base},
                                          {QStringLiteral("mine"), f.mine},
                                          {QStringLiteral("theirs"), f.theirs},
                                          {QStringLiteral("clash"), f.clash}});
            out.append(QJsonObject{
                {QStringLiteral("id"), i.id},
                {QStringLiteral("type"), i.type},
                {QStringLiteral("state"), i.state},
                {QStringLiteral("label"), i.label},
                {QStringLiteral("problem"), i.problem},
                {QStringLiteral("mineBy"), i.mineBy},
                {QStringLiteral("theirsBy"), i.theirsBy},
                {QStringLiteral("theirsVersion"), i.theirsVersion},
                {QStringLiteral("theirsDeleted"), i.theirsDeleted},
                {QStringLiteral("since"),
                 QDateTime::fromMSecsSinceEpoch(i.since, QTimeZone::utc()).toString(Qt::ISODate)},
                {QStringLiteral("fields"), fields}});
        }
        c.out() << QJsonDocument(out).toJson(QJsonDocument::Indented);
        c.out().flush();
        return CtlContext::Ok;
    }
    if (all->isEmpty()) {
        c.out() << tr("Nothing waits for a decision: every record the server refused or changed "
                      "meanwhile is settled.")
                << '\n';
        c.out().flush();
        return CtlContext::Ok;
    }
    const auto someone = [](const QString &name) { return name.isEmpty() ? tr("unknown") : name; };
    for (const SyncIssue &i : std::as_const(*all)) {
        c.out() << (i.state == QLatin1String("conflict") ? tr("CONFLICT")
                    : i.state == SyncIssues::unapplied() ? tr("NOT WRITTEN HERE")
                                                         : tr("REJECTED"))
                << "  " << i.id << "  " << i.label << '\n'
                << "  " << i.problem << '\n'
                << "  "
                << tr("Here: %1; at the server: %2").arg(someone(i.mineBy), someone(i.theirsBy))
                << '\n';
        if (i.theirsDeleted)
            c.out() << "  " << tr("The server has deleted it.") << '\n';
        for (const SyncIssue::Field &f : i.fields)
            c.out() << "  " << (f.clash ? QStringLiteral("! ") : QStringLiteral("  ")) << f.label
                    << ": " << tr("here \"%1\", at the server \"%2\"").arg(f.mine, f.theirs)
                    << '\n';
    }
    c.out() << tr("Settle one with: frontdeskctl conflicts resolve ID --take mine|theirs (a "
                  "refused booking: conflicts rebook ID)")
            << '\n';
    c.out().flush();
    return CtlContext::Ok;
}

QList<CtlCommand> SyncCommands::all()
{
    return {
        {QStringLiteral("enroll"),
         {},
         tr("Join a frontdesk-server: --user is an administrator there (password on standard "
            "input or asked); or show the enrollment with --status."),
         {QCommandLineOption(QStringLiteral("server"),
                             tr("The server's address, e.g. https://fd.clinic.example:8443."),
                             QStringLiteral("URL")),
          QCommandLineOption(QStringLiteral("ca-file"),
                             tr("Also trust the CA certificates in this PEM file."),
                             QStringLiteral("PEM")),
          QCommandLineOption(QStringLiteral("pin-sha256"),
                             tr("Accept only this server public key: base64 SHA-256 of its "
                                "SubjectPublicKeyInfo."),
                             QStringLiteral("BASE64")),
          QCommandLineOption(QStringLiteral("insecure-http"),
                             tr("Development only: allow http:// and certificates that do not "
                                "verify.")),
          QCommandLineOption(QStringLiteral("name"),
                             tr("The workstation's name at the server (default: the host name)."),
                             QStringLiteral("NAME")),
          QCommandLineOption(QStringLiteral("status"),
                             tr("Show the enrollment and check that the server accepts it.")),
          QCommandLineOption(QStringLiteral("json"), tr("Print JSON."))},
         enroll},
        {QStringLiteral("sync"),
         {},
         tr("One round of sync with the enrolled server: push the changes made here, pull the "
            "server's; prints pushed, pulled, conflicts and refused (exit 0 also when the server "
            "cannot be reached, saying so)."),
         {QCommandLineOption(QStringLiteral("json"), tr("Print JSON."))},
         sync},
        {QStringLiteral("conflicts"),
         QStringLiteral("[resolve ID|rebook ID]"),
         tr("The records the server refused or had changed meanwhile, with both versions; "
            "resolve ID --take mine sends this workstation's again, --take theirs takes the "
            "server's; rebook ID moves a refused booking to the next free time."),
         {QCommandLineOption(QStringLiteral("take"),
                             tr("With resolve: mine (keep this workstation's) or theirs (take "
                                "the server's)."),
                             QStringLiteral("WHICH")),
          QCommandLineOption(QStringLiteral("json"), tr("Print JSON."))},
         conflicts},
    };
}

} // namespace

QList<CtlCommand> syncCommands()
{
    return SyncCommands::all();
}

} // namespace frontdesk
