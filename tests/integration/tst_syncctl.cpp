// frontdeskctl sync end to end: two enrolled workstations (their own data directories and
// credentials) and the real frontdesk-server on loopback; a patient imported on one appears on
// the other after a round each; with the server gone, sync says so and exits 0.
#include "CtlProcess.h"
#include "KeyFileDatabase.h"
#include "ServerProcess.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using frontdesk::testing::CtlRun;
using frontdesk::testing::runCtl;

namespace {
const QByteArray kPassword = "tidal marble orchard 7";
}

class TestSyncCtl : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_server;
    QString m_base;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    CtlRun ctl(const QString &ws, const QStringList &args, const QByteArray &input = {})
    {
        return runCtl(QStringLiteral(FRONTDESK_CTL_PATH), path(ws),
                      path(ws + QStringLiteral(".key")), args, input);
    }
    // As alice, signed in with her password file.
    CtlRun asAlice(const QString &ws, const QStringList &args)
    {
        return ctl(ws, QStringList{QStringLiteral("--user"), QStringLiteral("alice"),
                                   QStringLiteral("--password-file"), path(QStringLiteral("pw"))} +
                           args);
    }

    // Ilse Quast (identifier urn:test SYNC-1), imported at a workstation; with a mobile number,
    // matched by that identifier to the patient already there and updated.
    CtlRun importQuast(const QString &ws, const QString &phone = {})
    {
        QJsonObject patient{
            {QStringLiteral("resourceType"), QStringLiteral("Patient")},
            {QStringLiteral("identifier"),
             QJsonArray{QJsonObject{{QStringLiteral("system"), QStringLiteral("urn:test")},
                                    {QStringLiteral("value"), QStringLiteral("SYNC-1")}}}},
            {QStringLiteral("name"),
             QJsonArray{
                 QJsonObject{{QStringLiteral("family"), QStringLiteral("Quast")},
                             {QStringLiteral("given"), QJsonArray{QStringLiteral("Ilse")}}}}},
            {QStringLiteral("birthDate"), QStringLiteral("1961-02-03")}};
        if (!phone.isEmpty())
            patient.insert(
                QStringLiteral("telecom"),
                QJsonArray{QJsonObject{{QStringLiteral("system"), QStringLiteral("phone")},
                                       {QStringLiteral("use"), QStringLiteral("mobile")},
                                       {QStringLiteral("value"), phone}}});
        const QJsonObject bundle{
            {QStringLiteral("resourceType"), QStringLiteral("Bundle")},
            {QStringLiteral("type"), QStringLiteral("transaction")},
            {QStringLiteral("entry"),
             QJsonArray{
                 QJsonObject{{QStringLiteral("fullUrl"),
                              QStringLiteral("urn:uuid:6c9d8e51-0000-4000-8000-000000000017")},
                             {QStringLiteral("resource"), patient}}}}};
        QFile f(path(ws + QStringLiteral("-patient.json")));
        if (!f.open(QIODevice::WriteOnly))
            return CtlRun{-1, {}, f.errorString()};
        f.write(QJsonDocument(bundle).toJson());
        f.close();
        QStringList args{QStringLiteral("import-fhir"), f.fileName()};
        if (!phone.isEmpty())
            args << QStringLiteral("--match-system") << QStringLiteral("urn:test");
        return asAlice(ws, args);
    }

    // A new workstation: enrolled at the server, then its first account, alice, as there.
    bool setUpWorkstation(const QString &ws)
    {
        const CtlRun init = ctl(ws, {QStringLiteral("init")});
        const CtlRun enrolled = ctl(ws,
                                    {QStringLiteral("enroll"), QStringLiteral("--server"), m_base,
                                     QStringLiteral("--insecure-http"), QStringLiteral("--user"),
                                     QStringLiteral("alice"), QStringLiteral("--name"), ws},
                                    kPassword + '\n');
        const CtlRun account =
            ctl(ws,
                {QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("alice"),
                 QStringLiteral("--role"), QStringLiteral("admin")},
                kPassword + '\n');
        for (const CtlRun *r : {&init, &enrolled, &account}) {
            if (r->exitCode != 0) {
                qWarning("%s: %s", qPrintable(ws), qPrintable(r->err));
                return false;
            }
        }
        return true;
    }

    static QJsonObject json(const CtlRun &r)
    {
        return QJsonDocument::fromJson(r.out.toUtf8()).object();
    }

    // A shared setting as `settings --json` shows it (null: not set).
    QJsonValue setting(const QString &ws, const QString &key)
    {
        return json(asAlice(ws, {QStringLiteral("settings"), QStringLiteral("--json")}))
            .value(QStringLiteral("settings"))
            .toObject()
            .value(key);
    }
    bool changeSetting(const QString &ws, const QString &key, const QString &value)
    {
        const CtlRun r =
            asAlice(ws, {QStringLiteral("settings"), QStringLiteral("set"), key, value});
        if (r.exitCode != 0)
            qWarning("%s: %s", qPrintable(ws), qPrintable(r.err));
        return r.exitCode == 0;
    }
    // One round; what it pushed (-1: it failed or left something behind).
    int syncPushed(const QString &ws)
    {
        const CtlRun r = asAlice(ws, {QStringLiteral("sync"), QStringLiteral("--json")});
        const QJsonObject o = json(r);
        if (r.exitCode != 0 || o.value(QStringLiteral("conflicts")).toInt() != 0 ||
            o.value(QStringLiteral("waiting")).toInt() != 0) {
            qWarning("%s: %s %s", qPrintable(ws), qPrintable(r.out), qPrintable(r.err));
            return -1;
        }
        return o.value(QStringLiteral("pushed")).toInt();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QFile none(path(QStringLiteral("none.conf")));
        QVERIFY(none.open(QIODevice::WriteOnly));
        // Every frontdeskctl run signs in at the server (online sign-in) and trades the
        // workstation's secret for a token; both count against the rate limit of one address
        // (loopback here).
        none.write("login_attempts_per_minute = 200\n");
        none.close();
        QFile pw(path(QStringLiteral("pw")));
        QVERIFY(pw.open(QIODevice::WriteOnly));
        pw.write(kPassword + '\n');
        pw.close();
        QVERIFY(pw.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        const QStringList storage{QStringLiteral("--config"), path(QStringLiteral("none.conf")),
                                  QStringLiteral("--data-dir"), path(QStringLiteral("server"))};
        QVERIFY(frontdesk::testing::addServerUser(QStringLiteral(FRONTDESK_SERVER_PATH), storage,
                                                  QStringLiteral("alice"), QStringLiteral("admin"),
                                                  kPassword));

        m_server = std::make_unique<QProcess>();
        QByteArray seen;
        m_base = frontdesk::testing::startServerProcess(
            *m_server, QStringLiteral(FRONTDESK_SERVER_PATH),
            storage + QStringList{QStringLiteral("--insecure-http"), QStringLiteral("--listen"),
                                  QStringLiteral("127.0.0.1:0")},
            &seen);
        QVERIFY2(!m_base.isEmpty(), seen.constData());
        QVERIFY(setUpWorkstation(QStringLiteral("a")));
        QVERIFY(setUpWorkstation(QStringLiteral("b")));
    }

    void cleanupTestCase()
    {
        if (m_server && m_server->state() != QProcess::NotRunning) {
            m_server->terminate();
            m_server->waitForFinished(10000);
        }
    }

    void aPatientImportedOnAAppearsOnB()
    {
        const CtlRun imported = importQuast(QStringLiteral("a"));
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));

        const CtlRun a =
            asAlice(QStringLiteral("a"), {QStringLiteral("sync"), QStringLiteral("--json")});
        QVERIFY2(a.exitCode == 0, qPrintable(a.err));
        QVERIFY2(json(a).value(QStringLiteral("reached")).toBool(), qPrintable(a.out));
        QCOMPARE(json(a).value(QStringLiteral("pushed")).toInt(), 1);
        QCOMPARE(json(a).value(QStringLiteral("waiting")).toInt(), 0);

        const CtlRun b = asAlice(QStringLiteral("b"), {QStringLiteral("sync")});
        QVERIFY2(b.exitCode == 0, qPrintable(b.err));
        QVERIFY2(b.out.contains(QStringLiteral("pulled 1")), qPrintable(b.out));
        const CtlRun found =
            asAlice(QStringLiteral("b"),
                    {QStringLiteral("search"), QStringLiteral("Quast"), QStringLiteral("--json")});
        QVERIFY2(found.exitCode == 0, qPrintable(found.err));
        QVERIFY2(found.out.contains(QStringLiteral("Ilse")), qPrintable(found.out));
    }

    // The same patient's mobile number changed on both workstations (an import matched by its
    // identifier): B's sync leaves a conflict, `conflicts` shows both numbers, and
    // `conflicts resolve` keeps B's, which then reaches A.
    void aConflictIsListedAndResolved()
    {
        const CtlRun onA = importQuast(QStringLiteral("a"), QStringLiteral("+49 170 1111111"));
        QVERIFY2(onA.exitCode == 0, qPrintable(onA.err));
        const CtlRun onB = importQuast(QStringLiteral("b"), QStringLiteral("+49 170 2222222"));
        QVERIFY2(onB.exitCode == 0, qPrintable(onB.err));
        const CtlRun a =
            asAlice(QStringLiteral("a"), {QStringLiteral("sync"), QStringLiteral("--json")});
        QCOMPARE(json(a).value(QStringLiteral("pushed")).toInt(), 1);
        const CtlRun b =
            asAlice(QStringLiteral("b"), {QStringLiteral("sync"), QStringLiteral("--json")});
        QVERIFY2(json(b).value(QStringLiteral("conflicts")).toInt() == 1, qPrintable(b.out));

        const CtlRun listed =
            asAlice(QStringLiteral("b"), {QStringLiteral("conflicts"), QStringLiteral("--json")});
        QVERIFY2(listed.exitCode == 0, qPrintable(listed.err));
        const QJsonArray issues = QJsonDocument::fromJson(listed.out.toUtf8()).array();
        QCOMPARE(issues.size(), 1);
        const QJsonObject issue = issues.first().toObject();
        QCOMPARE(issue.value(QStringLiteral("state")).toString(), QStringLiteral("conflict"));
        QCOMPARE(issue.value(QStringLiteral("theirsBy")).toString(), QStringLiteral("alice"));
        const QJsonObject field =
            issue.value(QStringLiteral("fields")).toArray().first().toObject();
        QCOMPARE(field.value(QStringLiteral("mine")).toString(), QStringLiteral("+49 170 2222222"));
        QCOMPARE(field.value(QStringLiteral("theirs")).toString(),
                 QStringLiteral("+49 170 1111111"));
        const CtlRun text = asAlice(QStringLiteral("b"), {QStringLiteral("conflicts")});
        QVERIFY2(text.out.contains(QStringLiteral("CONFLICT")) &&
                     text.out.contains(QStringLiteral("+49 170 1111111")),
                 qPrintable(text.out));

        const QString id = issue.value(QStringLiteral("id")).toString();
        const CtlRun missing = asAlice(
            QStringLiteral("b"), {QStringLiteral("conflicts"), QStringLiteral("resolve"), id});
        QCOMPARE(missing.exitCode, 1); // --take is required
        const CtlRun resolved = asAlice(
            QStringLiteral("b"), {QStringLiteral("conflicts"), QStringLiteral("resolve"),
                                  id.left(8), QStringLiteral("--take"), QStringLiteral("mine")});
        QVERIFY2(resolved.exitCode == 0, qPrintable(resolved.err));
        const CtlRun again =
            asAlice(QStringLiteral("b"), {QStringLiteral("sync"), QStringLiteral("--json")});
        QCOMPARE(json(again).value(QStringLiteral("pushed")).toInt(), 1);
        QCOMPARE(json(again).value(QStringLiteral("conflicts")).toInt(), 0);
        const CtlRun settled = asAlice(QStringLiteral("b"),
                                       {QStringLiteral("conflicts"), QStringLiteral("rebook"), id});
        QCOMPARE(settled.exitCode, 3); // nothing of it waits any more
        QVERIFY2(settled.err.contains(id), qPrintable(settled.err));
        const CtlRun none = asAlice(QStringLiteral("b"), {QStringLiteral("conflicts")});
        QVERIFY2(none.out.contains(QStringLiteral("Nothing waits")), qPrintable(none.out));
        QCOMPARE(
            json(asAlice(QStringLiteral("a"), {QStringLiteral("sync"), QStringLiteral("--json")}))
                .value(QStringLiteral("pulled"))
                .toInt(),
            1);
        const CtlRun found =
            asAlice(QStringLiteral("a"),
                    {QStringLiteral("search"), QStringLiteral("Quast"), QStringLiteral("--json")});
        QVERIFY2(found.out.contains(QStringLiteral("2222222")), qPrintable(found.out));
    }

    // The sync takes the workstation's audit trail up; `audit verify` then checks the trail
    // here against the copy the server holds.
    void theAuditTrailGoesUpAndIsVerifiedAgainstTheServersCopy()
    {
        const CtlRun searched =
            asAlice(QStringLiteral("a"), {QStringLiteral("search"), QStringLiteral("Quast")});
        QVERIFY2(searched.exitCode == 0, qPrintable(searched.err));
        const CtlRun synced =
            asAlice(QStringLiteral("a"), {QStringLiteral("sync"), QStringLiteral("--json")});
        QVERIFY2(synced.exitCode == 0, qPrintable(synced.err));
        QVERIFY2(json(synced).value(QStringLiteral("auditUploaded")).toInt() > 0,
                 qPrintable(synced.out));
        // alice is the same at the server and here: no account changed, none disabled.
        QCOMPARE(json(synced).value(QStringLiteral("accountsChanged")).toInt(-1), 0);
        const CtlRun verified =
            asAlice(QStringLiteral("a"),
                    {QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--json")});
        QVERIFY2(verified.exitCode == 0, qPrintable(verified.out + verified.err));
        const QJsonObject server = json(verified).value(QStringLiteral("server")).toObject();
        QVERIFY2(server.value(QStringLiteral("matches")).toBool(), qPrintable(verified.out));
        QVERIFY(server.value(QStringLiteral("entries")).toInt() > 0);
        const CtlRun text =
            asAlice(QStringLiteral("a"), {QStringLiteral("audit"), QStringLiteral("verify")});
        QVERIFY2(text.out.contains(QStringLiteral("matches the copy the server")),
                 qPrintable(text.out));
    }

    // frontdeskctl sync killed (SIGKILL) at random moments while it pushes 6000 new patients,
    // and then while a new workstation pulls them with everything else; after a sync that runs
    // to its end nothing is lost and nothing applied twice: every patient reaches the server
    // once (version 1 there) and the new workstation holds each once. Replay a failure with
    // FRONTDESK_KILL_SEED=<the seed printed>.
    void aSyncKilledMidwayLosesNothingAndDoublesNothing()
    {
        bool fromEnv = false;
        quint32 seed = qEnvironmentVariable("FRONTDESK_KILL_SEED").toUInt(&fromEnv);
        if (!fromEnv)
            seed = QRandomGenerator::global()->generate();
        qInfo("kill seed: %u (replay with FRONTDESK_KILL_SEED=%u)", seed, seed);
        QRandomGenerator random(seed);
        // Enough for several transactions of the pull (2,000 changes each), so a kill can fall
        // between them.
        constexpr int patients = 6000;
        QJsonArray entries;
        for (int i = 0; i < patients; ++i)
            entries.append(QJsonObject{
                {QStringLiteral("fullUrl"), QStringLiteral("urn:uuid:6c9d8e51-0000-4000-8000-%1")
                                                .arg(i, 12, 10, QLatin1Char('0'))},
                {QStringLiteral("resource"),
                 QJsonObject{
                     {QStringLiteral("resourceType"), QStringLiteral("Patient")},
                     {QStringLiteral("identifier"),
                      QJsonArray{
                          QJsonObject{{QStringLiteral("system"), QStringLiteral("urn:kill")},
                                      {QStringLiteral("value"), QStringLiteral("K-%1").arg(i)}}}},
                     {QStringLiteral("name"),
                      QJsonArray{QJsonObject{
                          {QStringLiteral("family"), QStringLiteral("Killtest")},
                          {QStringLiteral("given"), QJsonArray{QStringLiteral("N%1").arg(i)}}}}},
                     {QStringLiteral("birthDate"), QStringLiteral("1970-01-01")}}}});
        QFile f(path(QStringLiteral("kill.json")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(
            QJsonDocument(QJsonObject{{QStringLiteral("resourceType"), QStringLiteral("Bundle")},
                                      {QStringLiteral("type"), QStringLiteral("transaction")},
                                      {QStringLiteral("entry"), entries}})
                .toJson(QJsonDocument::Compact));
        f.close();
        const CtlRun imported =
            asAlice(QStringLiteral("a"), {QStringLiteral("import-fhir"), f.fileName()});
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));

        // Counts progress in a data directory while frontdeskctl works in it (a read may find
        // the database busy: -1, look again).
        const auto progress = [this](const QString &ws, const QString &sql) {
            auto db =
                frontdesk::testing::openWithKeyFile(path(ws), path(ws + QStringLiteral(".key")));
            auto v = db ? db->scalar(sql) : frontdesk::Result<QVariant>(QVariant());
            return v && v->isValid() ? v->toInt() : -1;
        };
        // Each time: a sync, killed once its progress is seen between the start and the end
        // (and a random moment later), or left to finish when it never is.
        const auto killSyncs = [&](const QString &ws, int times, const QString &sql, int start,
                                   int end) -> int {
            int interrupted = 0;
            for (int i = 0; i < times; ++i) {
                const int before = progress(ws, sql);
                QProcess sync;
                sync.start(QStringLiteral(FRONTDESK_CTL_PATH),
                           {QStringLiteral("--data-dir"), path(ws), QStringLiteral("--key-file"),
                            path(ws + QStringLiteral(".key")), QStringLiteral("--user"),
                            QStringLiteral("alice"), QStringLiteral("--password-file"),
                            path(QStringLiteral("pw")), QStringLiteral("sync")});
                if (!sync.waitForStarted())
                    return -1;
                int seen = -1;
                while (!sync.waitForFinished(int(random.bounded(5, 25)))) {
                    seen = progress(ws, sql);
                    if (seen != before && seen != end && seen >= 0) {
                        QTest::qWait(int(random.bounded(0, 60)));
                        sync.kill();
                        sync.waitForFinished(10000);
                        ++interrupted;
                        break;
                    }
                }
                qInfo("%s: sync %d %s at %d (from %d to %d)", qPrintable(ws), i + 1,
                      sync.exitStatus() == QProcess::CrashExit ? "killed" : "finished", seen, start,
                      end);
                if (sync.exitStatus() != QProcess::CrashExit)
                    break;
            }
            return interrupted;
        };
        const int pushKills = killSyncs(QStringLiteral("a"), 4,
                                        QStringLiteral("SELECT count(*) FROM outbox"), patients, 0);
        const CtlRun pushed =
            asAlice(QStringLiteral("a"), {QStringLiteral("sync"), QStringLiteral("--json")});
        QVERIFY2(pushed.exitCode == 0, qPrintable(pushed.err));
        QCOMPARE(json(pushed).value(QStringLiteral("waiting")).toInt(), 0);
        QCOMPARE(json(pushed).value(QStringLiteral("rejected")).toInt(), 0);

        // Once, on a new workstation, whose first pull (over 6,000 changes) sets the indexes
        // aside: what is left of the pull then shows its progress below.
        QVERIFY(setUpWorkstation(QStringLiteral("k")));
        const int pullKills = killSyncs(
            QStringLiteral("k"), 1,
            QStringLiteral("SELECT count(*) FROM patients WHERE family_name = 'Killtest'"), 0,
            patients);
        // The test is only as good as its kills: some must have fallen mid-way.
        QVERIFY2(pushKills > 0 && pullKills > 0,
                 qPrintable(QStringLiteral("%1 pushes and %2 pulls interrupted")
                                .arg(pushKills)
                                .arg(pullKills)));
        // The rest of the pull says how far it is, a line a page.
        const CtlRun pulled = asAlice(QStringLiteral("k"), {QStringLiteral("sync")});
        QVERIFY2(pulled.exitCode == 0, qPrintable(pulled.err));
        QVERIFY2(pulled.out.contains(QStringLiteral("Received ")) &&
                     pulled.out.contains(QStringLiteral(" changes…")) &&
                     pulled.out.contains(QStringLiteral("conflicts 0, rejected 0")),
                 qPrintable(pulled.out));
        // A whole first pull of as much ends by making the indexes it set aside, and says so
        // after its last page, rather than standing at it.
        QVERIFY(setUpWorkstation(QStringLiteral("m")));
        const CtlRun first = asAlice(QStringLiteral("m"), {QStringLiteral("sync")});
        QVERIFY2(first.exitCode == 0, qPrintable(first.err));
        const qsizetype lastPage = first.out.lastIndexOf(QStringLiteral("Received "));
        const qsizetype firstIndex =
            first.out.indexOf(QStringLiteral("Rebuilding search index 1 of "));
        const qsizetype allIndexes = first.out.indexOf(QStringLiteral("Rebuilt "));
        QVERIFY2(lastPage >= 0 && firstIndex > lastPage && allIndexes > firstIndex,
                 qPrintable(first.out));
        // 34 indexes and the two triggers of derived tables, as the README says.
        QVERIFY2(first.out.contains(QStringLiteral("Rebuilt 36 search indexes.")),
                 qPrintable(first.out));

        for (const QString &ws : {QStringLiteral("a"), QStringLiteral("k")}) {
            auto db =
                frontdesk::testing::openWithKeyFile(path(ws), path(ws + QStringLiteral(".key")));
            QVERIFY(db);
            const auto count = [&db](const QString &sql) {
                auto v = db->scalar(sql);
                return v ? v->toInt() : -1;
            };
            QCOMPARE(count(QStringLiteral("SELECT count(*) FROM patients WHERE family_name = "
                                          "'Killtest'")),
                     patients);
            // Created once at the server: a push applied twice would have made version 2.
            QCOMPARE(count(QStringLiteral("SELECT count(*) FROM patients WHERE family_name = "
                                          "'Killtest' AND (server_version IS NULL OR "
                                          "server_version != '1' OR sync_state != 'synced')")),
                     0);
            QCOMPARE(count(QStringLiteral("SELECT count(DISTINCT mrn) FROM patients WHERE "
                                          "family_name = 'Killtest'")),
                     patients);
            // K's first pull set the indexes aside and was killed: the next sync's open made
            // them again.
            QCOMPARE(count(QStringLiteral("SELECT count(*) FROM deferred_indexes")), 0);
            QCOMPARE(count(QStringLiteral("SELECT count(*) FROM deferred_triggers")), 0);
            QCOMPARE(count(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = "
                                          "'trigger' AND name IN ('patients_search_on_insert', "
                                          "'appointments_first_visit_on_insert')")),
                     2);
            QCOMPARE(count(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = "
                                          "'index' AND name IN ('patients_name', "
                                          "'patients_birth_date', 'appointments_start')")),
                     3);
        }
    }

    // A workstation that seeded the demo clinic before it was enrolled sends all of it with
    // its first sync, as the administrator who enrolled it; the other workstations then have it.
    void aSeededDemoClinicGoesUpOnceEnrolled()
    {
        const QString ws = QStringLiteral("demo");
        QCOMPARE(ctl(ws, {QStringLiteral("init")}).exitCode, 0);
        QCOMPARE(ctl(ws,
                     {QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("alice"),
                      QStringLiteral("--role"), QStringLiteral("admin")},
                     kPassword + '\n')
                     .exitCode,
                 0);
        const CtlRun seeded =
            asAlice(ws, {QStringLiteral("seed"), QStringLiteral("--patients"), QStringLiteral("30"),
                         QStringLiteral("--appointments"), QStringLiteral("150")});
        QVERIFY2(seeded.exitCode == 0, qPrintable(seeded.err));
        const QJsonObject seededRows =
            json(ctl(ws, {QStringLiteral("stats"), QStringLiteral("--json")}));
        const int patients = seededRows.value(QStringLiteral("patients")).toInt();
        const int appointments = seededRows.value(QStringLiteral("appointments")).toInt();
        QCOMPARE(patients, 30);
        QVERIFY(appointments > 0);
        // Signed in here as the workstation's administrator; the server's administrator's
        // password on stdin.
        const CtlRun enrolled = ctl(ws,
                                    {QStringLiteral("--user"), QStringLiteral("alice"),
                                     QStringLiteral("--password-file"), path(QStringLiteral("pw")),
                                     QStringLiteral("enroll"), QStringLiteral("--server"), m_base,
                                     QStringLiteral("--insecure-http"), QStringLiteral("--user"),
                                     QStringLiteral("alice"), QStringLiteral("--name"), ws},
                                    kPassword + '\n');
        QVERIFY2(enrolled.exitCode == 0, qPrintable(enrolled.err));

        const QJsonObject before =
            json(ctl(QStringLiteral("a"), {QStringLiteral("stats"), QStringLiteral("--json")}));
        const CtlRun sent = asAlice(ws, {QStringLiteral("sync"), QStringLiteral("--json")});
        QVERIFY2(sent.exitCode == 0, qPrintable(sent.err));
        const QJsonObject round = json(sent);
        QVERIFY2(round.value(QStringLiteral("pushed")).toInt() >= patients + appointments,
                 qPrintable(sent.out));
        const bool clean = round.value(QStringLiteral("conflicts")).toInt() == 0 &&
                           round.value(QStringLiteral("rejected")).toInt() == 0 &&
                           round.value(QStringLiteral("waiting")).toInt() == 0;
        QVERIFY2(clean, qPrintable(sent.out + asAlice(ws, {QStringLiteral("conflicts")}).out));
        // Nothing of the demo clinic is left unqueued or waiting.
        const CtlRun again = asAlice(ws, {QStringLiteral("sync"), QStringLiteral("--json")});
        QCOMPARE(json(again).value(QStringLiteral("pushed")).toInt(), 0);

        const CtlRun pulled =
            asAlice(QStringLiteral("a"), {QStringLiteral("sync"), QStringLiteral("--json")});
        QVERIFY2(pulled.exitCode == 0, qPrintable(pulled.err));
        QCOMPARE(json(pulled).value(QStringLiteral("conflicts")).toInt(), 0);
        const QJsonObject after =
            json(ctl(QStringLiteral("a"), {QStringLiteral("stats"), QStringLiteral("--json")}));
        QCOMPARE(after.value(QStringLiteral("patients")).toInt() -
                     before.value(QStringLiteral("patients")).toInt(),
                 patients);
        QCOMPARE(after.value(QStringLiteral("appointments")).toInt() -
                     before.value(QStringLiteral("appointments")).toInt(),
                 appointments);
    }

    // On an enrolled workstation the clinic's shared settings change as a signed-in person's
    // change that goes to the server: `init` (which signs no one in) refuses and names
    // `settings set`, whose change is queued, pushed and on the other workstation after its
    // round.
    void initOnAnEnrolledWorkstationLeavesTheClinicsSettingsToSettingsSet()
    {
        const CtlRun refused =
            ctl(QStringLiteral("a"), {QStringLiteral("init"), QStringLiteral("--clinic-name"),
                                      QStringLiteral("Praxis am Hafen")});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(QStringLiteral("settings set")), qPrintable(refused.err));
        QVERIFY(setting(QStringLiteral("a"), QStringLiteral("clinic_name")).isNull());
        QVERIFY(changeSetting(QStringLiteral("a"), QStringLiteral("clinic_name"),
                              QStringLiteral("Praxis am Hafen")));
        QCOMPARE(syncPushed(QStringLiteral("a")), 1);
        QVERIFY(syncPushed(QStringLiteral("b")) == 0);
        QCOMPARE(setting(QStringLiteral("b"), QStringLiteral("clinic_name")).toString(),
                 QStringLiteral("Praxis am Hafen"));
    }

    // Two administrators change different clinic settings on A and B: both stand on both, no
    // conflict; the same setting on both: one conflict at the second, resolved there, synced.
    void theClinicsSettingsChangedOnTwoWorkstationsMergeOrConflict()
    {
        const QString a = QStringLiteral("a");
        const QString b = QStringLiteral("b");
        QVERIFY(changeSetting(a, QStringLiteral("late_cancellation_hours"), QStringLiteral("48")));
        QVERIFY(changeSetting(b, QStringLiteral("phone_country_code"), QStringLiteral("43")));
        QCOMPARE(syncPushed(a), 1);
        const CtlRun onB = asAlice(b, {QStringLiteral("sync"), QStringLiteral("--json")});
        QVERIFY2(json(onB).value(QStringLiteral("conflicts")).toInt() == 0 &&
                     json(onB).value(QStringLiteral("waiting")).toInt() == 0,
                 qPrintable(onB.out));
        QCOMPARE(syncPushed(a), 0);
        for (const QString &ws : {a, b}) {
            QCOMPARE(setting(ws, QStringLiteral("late_cancellation_hours")).toString(),
                     QStringLiteral("48"));
            QCOMPARE(setting(ws, QStringLiteral("phone_country_code")).toString(),
                     QStringLiteral("43"));
            QCOMPARE(setting(ws, QStringLiteral("clinic_name")).toString(),
                     QStringLiteral("Praxis am Hafen"));
        }

        QVERIFY(changeSetting(a, QStringLiteral("auto_lock_minutes"), QStringLiteral("5")));
        QVERIFY(changeSetting(b, QStringLiteral("auto_lock_minutes"), QStringLiteral("15")));
        QCOMPARE(syncPushed(a), 1);
        const CtlRun clash = asAlice(b, {QStringLiteral("sync"), QStringLiteral("--json")});
        QVERIFY2(json(clash).value(QStringLiteral("conflicts")).toInt() == 1,
                 qPrintable(clash.out));
        const QJsonArray issues =
            QJsonDocument::fromJson(
                asAlice(b, {QStringLiteral("conflicts"), QStringLiteral("--json")}).out.toUtf8())
                .array();
        QCOMPARE(issues.size(), 1);
        const QString id = issues.first().toObject().value(QStringLiteral("id")).toString();
        const CtlRun resolved = asAlice(b, {QStringLiteral("conflicts"), QStringLiteral("resolve"),
                                            id, QStringLiteral("--take"), QStringLiteral("mine")});
        QVERIFY2(resolved.exitCode == 0, qPrintable(resolved.err));
        QCOMPARE(syncPushed(b), 1);
        QCOMPARE(syncPushed(a), 0);
        for (const QString &ws : {a, b}) {
            QCOMPARE(setting(ws, QStringLiteral("auto_lock_minutes")).toString(),
                     QStringLiteral("15"));
            QCOMPARE(setting(ws, QStringLiteral("phone_country_code")).toString(),
                     QStringLiteral("43"));
        }
    }

    // A workstation that never received the clinic's record changes one of its settings: its
    // push sends it only where there is none yet (If-None-Match: *), the server answers 412,
    // and the workstation merges field by field against nothing (every value set on one side
    // only): the settings the others had set stay, its own goes up.
    void aSettingFromAWorkstationThatNeverSawTheClinicsRecordKeepsTheOthers()
    {
        const QString c = QStringLiteral("c");
        QVERIFY(setUpWorkstation(c));
        QVERIFY(
            changeSetting(c, QStringLiteral("clinic_quiet_hours"), QStringLiteral("20:00-08:00")));
        const CtlRun onC = asAlice(c, {QStringLiteral("sync"), QStringLiteral("--json")});
        QVERIFY2(onC.exitCode == 0, qPrintable(onC.err));
        const CtlRun onA =
            asAlice(QStringLiteral("a"), {QStringLiteral("sync"), QStringLiteral("--json")});
        QVERIFY2(onA.exitCode == 0, qPrintable(onA.err));
        QVERIFY2(json(onC).value(QStringLiteral("conflicts")).toInt() == 0 &&
                     json(onC).value(QStringLiteral("waiting")).toInt() == 0,
                 qPrintable(onC.out));
        QCOMPARE(setting(c, QStringLiteral("clinic_name")).toString(),
                 QStringLiteral("Praxis am Hafen"));
        QCOMPARE(setting(QStringLiteral("a"), QStringLiteral("clinic_name")).toString(),
                 QStringLiteral("Praxis am Hafen"));
        QCOMPARE(setting(QStringLiteral("a"), QStringLiteral("clinic_quiet_hours")).toString(),
                 QStringLiteral("20:00-08:00"));
    }

    void anUnreachableServerIsSaidAndExitsZero()
    {
        m_server->terminate();
        QVERIFY(m_server->waitForFinished(10000));
        const CtlRun r = asAlice(QStringLiteral("b"), {QStringLiteral("sync")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("could not be reached")), qPrintable(r.out));
        // alice signed in against the cache of her last online sign-in, and was told so.
        QVERIFY2(r.err.contains(QStringLiteral("Signed in offline")), qPrintable(r.err));
        const CtlRun j =
            asAlice(QStringLiteral("b"), {QStringLiteral("sync"), QStringLiteral("--json")});
        QCOMPARE(j.exitCode, 0);
        QCOMPARE(json(j).value(QStringLiteral("reached")).toBool(true), false);
    }
};

QTEST_GUILESS_MAIN(TestSyncCtl)
#include "tst_syncctl.moc"
