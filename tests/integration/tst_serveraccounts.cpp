// The server as the authority for staff accounts (issue 17), against the real frontdesk-server
// on loopback and an enrolled workstation: online sign-in makes the Argon2id cache, the cache
// signs in while the server is down, a password changed there replaces the old one here, a
// disable or a new role from the server takes effect at the next sync, and five wrong tries
// lock the account here and at the server.
#include "Enrollment.h"
#include "ServerConnection.h"
#include "ServerProcess.h"
#include "ServerSignIn.h"
#include "ServerTransport.h"
#include "SyncEngine.h"
#include "TestDatabase.h"
#include "access/Session.h"
#include "access/StaffAccountRepository.h"
#include "database/MemorySecretStore.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace frontdesk;

namespace {

const QString kPassword = QStringLiteral("tidal marble orchard 7");
const QString kNewPassword = QStringLiteral("copper lantern meadow 4");
const QString kWrong = QStringLiteral("not the password at all");

struct Attempt
{
    bool signedIn = false;
    std::optional<ServerVerdict::Kind> asked; // nullopt: no server to ask
    Role role = Role::Receptionist;
    QString error;
};

} // namespace

class TestServerAccounts : public QObject
{
    Q_OBJECT

    test::TestDatabase m_ws;
    MemorySecretStore m_store;
    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_server;
    QString m_url;
    quint16 m_port = 0;

    QStringList storage() const
    {
        return {QStringLiteral("--config"), m_dir.filePath(QStringLiteral("server.conf")),
                QStringLiteral("--data-dir"), m_dir.filePath(QStringLiteral("server"))};
    }

    bool runServer(const QStringList &args, const QString &input = {})
    {
        QProcess p;
        p.start(QStringLiteral(FRONTDESK_SERVER_PATH), storage() + args);
        if (!p.waitForStarted())
            return false;
        if (!input.isEmpty())
            p.write(input.toUtf8() + '\n');
        p.closeWriteChannel();
        const bool ok = p.waitForFinished(60000) && p.exitCode() == 0;
        if (!ok)
            qWarning("frontdesk-server %s: %s", qPrintable(args.join(QLatin1Char(' '))),
                     p.readAllStandardError().constData());
        return ok;
    }

    bool startServer()
    {
        m_server = std::make_unique<QProcess>();
        return testing::startServerOnLoopback(
            *m_server, QStringLiteral(FRONTDESK_SERVER_PATH),
            storage() << QStringLiteral("--insecure-http") << QStringLiteral("--listen")
                      << QStringLiteral("127.0.0.1:%1").arg(m_port),
            &m_url, &m_port);
    }

    void stopServer()
    {
        m_server->terminate();
        m_server->waitForFinished(10000);
    }

    // The workstation's server address pointed at a port nobody listens on, and back: no
    // answer, as with the server stopped, without the time a restart takes.
    void unreachable(bool gone)
    {
        QUrl url(m_url);
        if (gone) {
            QTcpServer closed;
            closed.listen(QHostAddress::LocalHost);
            url.setPort(closed.serverPort());
        }
        QVERIFY(db().setSetting(QStringLiteral("sync_server_url"), url.toString()).ok());
    }

    Database &db() { return *m_ws.db; }

    // As the sign-in screens and frontdeskctl do it: the server first, when there is one.
    Attempt signIn(const QString &user, const QString &password)
    {
        Attempt a;
        std::optional<ServerVerdict> verdict;
        if (const AccountAuthority::Check check = ServerSignIn(db()).prepare(user, password)) {
            verdict = check();
            a.asked = verdict->kind;
        }
        Session session(db());
        auto account = session.signIn(user, password, verdict);
        a.signedIn = account.ok();
        if (account) {
            a.role = account->role;
            (void)session.signOut();
        } else {
            a.error = account.error();
        }
        test::actAsTestSetUp(db());
        return a;
    }

    SyncRound sync()
    {
        auto connection = Enrollment::connect(db(), m_store, m_ws.dir.path());
        if (!connection) {
            SyncRound r;
            r.problem = connection.error();
            return r;
        }
        ServerTransport transport(std::move(*connection), true);
        return SyncEngine(db(), transport).round();
    }

    std::optional<StaffAccount> local(const QString &user)
    {
        auto found = StaffAccountRepository(db()).find(user);
        return found ? *found : std::nullopt;
    }

    // The newest sign-in entry of the trail: its outcome and detail.
    QJsonObject lastSignIn()
    {
        auto q = db().query(QStringLiteral("SELECT outcome, detail FROM audit_log WHERE action = "
                                           "'login' ORDER BY seq DESC LIMIT 1"));
        if (!q || !q->next())
            return {};
        QJsonObject o = QJsonDocument::fromJson(q->value(1).toString().toUtf8()).object();
        o.insert(QStringLiteral("outcome"), q->value(0).toString());
        return o;
    }

    // The accounts as the server lists them to this workstation (GET /auth/staff).
    QJsonObject atServer(const QString &user)
    {
        auto connection = Enrollment::connect(db(), m_store, m_ws.dir.path());
        if (!connection)
            return {};
        auto answer = (*connection)->sendJson("GET", QStringLiteral("/auth/staff"));
        if (!answer)
            return {};
        for (const QJsonValue &v : answer->value(QStringLiteral("staff")).toArray()) {
            if (v.toObject().value(QStringLiteral("username")).toString() == user)
                return v.toObject();
        }
        return {};
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QFile conf(m_dir.filePath(QStringLiteral("server.conf")));
        QVERIFY(conf.open(QIODevice::WriteOnly));
        // Every sign-in of this test comes from 127.0.0.1: the per-address limit is not tested
        // here.
        conf.write("login_attempts_per_minute = 1000\n");
        conf.close();
        for (const auto &[name, role] :
             {std::pair{QStringLiteral("alice"), QStringLiteral("admin")},
              std::pair{QStringLiteral("bob"), QStringLiteral("receptionist")},
              std::pair{QStringLiteral("carol"), QStringLiteral("nurse")}})
            QVERIFY(runServer({QStringLiteral("user"), QStringLiteral("add"), name,
                               QStringLiteral("--role"), role},
                              kPassword));
        QVERIFY(startServer());

        // A workstation that started standalone: one local administrator the server does not
        // know, then enrolled by the server's administrator.
        QVERIFY(m_ws.open());
        QVERIFY(StaffAccountRepository(db())
                    .create(QStringLiteral("legacy"), Role::Admin, kPassword)
                    .ok());
        Enrollment::Request request;
        request.endpoint.url = QUrl(m_url);
        request.endpoint.insecure = true;
        request.adminUser = QStringLiteral("alice");
        request.adminPassword = kPassword;
        request.workstationName = QStringLiteral("Reception 1");
        auto enrolled = Enrollment::contact(request);
        QVERIFY2(enrolled, qPrintable(enrolled.error()));
        QVERIFY(Enrollment::keep(db(), m_store, m_ws.dir.path(), *enrolled).ok());
    }

    void cleanupTestCase()
    {
        if (m_server)
            stopServer();
    }

    void anOnlineSignInMakesTheAccountAndItsCache()
    {
        QVERIFY(!local(QStringLiteral("bob")));
        const Attempt a = signIn(QStringLiteral("bob"), kPassword);
        QVERIFY2(a.signedIn, qPrintable(a.error));
        QCOMPARE(a.asked, ServerVerdict::Kind::Accepted);
        const auto bob = local(QStringLiteral("bob"));
        QVERIFY(bob);
        QCOMPARE(bob->role, Role::Receptionist);
        QVERIFY(bob->active);
        const QJsonObject entry = lastSignIn();
        QCOMPARE(entry.value(QStringLiteral("outcome")).toString(), QStringLiteral("success"));
        QCOMPARE(entry.value(QStringLiteral("mode")).toString(), QStringLiteral("online"));
        // A wrong password is the server's no, counted here too.
        const Attempt wrong = signIn(QStringLiteral("bob"), kWrong);
        QVERIFY(!wrong.signedIn);
        QCOMPARE(wrong.asked, ServerVerdict::Kind::Refused);
        QCOMPARE(wrong.error, QStringLiteral("The user name or the password is wrong."));
        QCOMPARE(local(QStringLiteral("bob"))->failedAttempts, 1);
        QCOMPARE(lastSignIn().value(QStringLiteral("reason")).toString(),
                 QStringLiteral("refused-by-server"));
    }

    void withTheServerDownTheCacheSignsIn()
    {
        stopServer();
        const Attempt a = signIn(QStringLiteral("bob"), kPassword);
        QVERIFY2(a.signedIn, qPrintable(a.error));
        QCOMPARE(a.asked, ServerVerdict::Kind::Unreachable);
        QCOMPARE(lastSignIn().value(QStringLiteral("mode")).toString(), QStringLiteral("offline"));
        QVERIFY(!signIn(QStringLiteral("bob"), kWrong).signedIn);
        QCOMPARE(lastSignIn().value(QStringLiteral("reason")).toString(),
                 QStringLiteral("wrong-password"));
        // Never signed in online here: no cache, no offline sign-in.
        QVERIFY(!signIn(QStringLiteral("carol"), kPassword).signedIn);
        QCOMPARE(lastSignIn().value(QStringLiteral("reason")).toString(),
                 QStringLiteral("unknown-user"));
        // A local account from before enrollment signs in offline until a sync says otherwise.
        QVERIFY(signIn(QStringLiteral("legacy"), kPassword).signedIn);
        QVERIFY(startServer());
        // Online, only the server's accounts sign in.
        const Attempt legacy = signIn(QStringLiteral("legacy"), kPassword);
        QVERIFY(!legacy.signedIn);
        QCOMPARE(legacy.asked, ServerVerdict::Kind::Refused);
    }

    void aPasswordChangedAtTheServerReplacesTheCache()
    {
        QVERIFY(runServer({QStringLiteral("user"), QStringLiteral("passwd"), QStringLiteral("bob")},
                          kNewPassword));
        const Attempt old = signIn(QStringLiteral("bob"), kPassword);
        QVERIFY(!old.signedIn);
        QCOMPARE(old.asked, ServerVerdict::Kind::Refused);
        QVERIFY(signIn(QStringLiteral("bob"), kNewPassword).signedIn);
        unreachable(true);
        QVERIFY(signIn(QStringLiteral("bob"), kNewPassword).signedIn);
        QVERIFY(!signIn(QStringLiteral("bob"), kPassword).signedIn);
        unreachable(false);
    }

    void aNewRoleOrADisableTakesEffectAtTheNextSync()
    {
        QVERIFY(runServer({QStringLiteral("user"), QStringLiteral("role"), QStringLiteral("bob"),
                           QStringLiteral("--role"), QStringLiteral("nurse")}));
        SyncRound round = sync();
        QVERIFY2(round.problem.isEmpty(), qPrintable(round.problem));
        // bob's role, and legacy, whom the server does not know, disabled.
        QCOMPARE(round.accountsChanged, 2);
        QCOMPARE(round.accountsDisabled, QStringList{QStringLiteral("legacy")});
        QCOMPARE(local(QStringLiteral("bob"))->role, Role::Nurse);
        QVERIFY(!local(QStringLiteral("legacy"))->active);
        const Attempt nurse = signIn(QStringLiteral("bob"), kNewPassword);
        QVERIFY2(nurse.signedIn, qPrintable(nurse.error));
        QCOMPARE(nurse.role, Role::Nurse);
        round = sync();
        QVERIFY2(round.problem.isEmpty(), qPrintable(round.problem));
        QCOMPARE(round.accountsChanged, 0);

        QVERIFY(
            runServer({QStringLiteral("user"), QStringLiteral("disable"), QStringLiteral("bob")}));
        round = sync();
        QVERIFY2(round.problem.isEmpty(), qPrintable(round.problem));
        QCOMPARE(round.accountsDisabled, QStringList{QStringLiteral("bob")});
        QVERIFY(!signIn(QStringLiteral("bob"), kNewPassword).signedIn);
        unreachable(true);
        QVERIFY(!signIn(QStringLiteral("bob"), kNewPassword).signedIn);
        QCOMPARE(lastSignIn().value(QStringLiteral("reason")).toString(),
                 QStringLiteral("disabled"));
        QVERIFY(!signIn(QStringLiteral("legacy"), kPassword).signedIn);
        unreachable(false);
    }

    void fiveWrongTriesLockHereAndAtTheServer()
    {
        QVERIFY(signIn(QStringLiteral("carol"), kPassword).signedIn);
        for (int i = 0; i < 5; ++i) {
            const Attempt a = signIn(QStringLiteral("carol"), kWrong);
            QVERIFY(!a.signedIn);
            QCOMPARE(a.asked, ServerVerdict::Kind::Refused);
        }
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        QVERIFY(local(QStringLiteral("carol"))->lockedUntil > now);
        QVERIFY(atServer(QStringLiteral("carol")).value(QStringLiteral("locked_until")).toDouble() >
                double(now));
        // The right password now: the server's lock-out refuses it online, the one here offline.
        const Attempt online = signIn(QStringLiteral("carol"), kPassword);
        QVERIFY(!online.signedIn);
        QCOMPARE(online.asked, ServerVerdict::Kind::Refused);
        unreachable(true);
        QVERIFY(!signIn(QStringLiteral("carol"), kPassword).signedIn);
        QCOMPARE(lastSignIn().value(QStringLiteral("reason")).toString(),
                 QStringLiteral("locked-out"));
        unreachable(false);
    }

    // Locked at the server by tries made elsewhere: the next sync brings the lock-out here, so
    // that it refuses offline too while it lasts.
    void aLockOutAtTheServerReachesHereWithTheSync()
    {
        QVERIFY(runServer({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("dora"),
                           QStringLiteral("--role"), QStringLiteral("receptionist")},
                          kPassword));
        QVERIFY(signIn(QStringLiteral("dora"), kPassword).signedIn);
        ServerEndpoint endpoint;
        endpoint.url = QUrl(m_url);
        endpoint.insecure = true;
        ServerConnection elsewhere(endpoint);
        for (int i = 0; i < 5; ++i) {
            auto r = elsewhere.send(
                "POST", QStringLiteral("/auth/login"),
                QJsonDocument(QJsonObject{{QStringLiteral("username"), QStringLiteral("dora")},
                                          {QStringLiteral("password"), kWrong}})
                    .toJson());
            QVERIFY(r && r->status == 401);
        }
        QCOMPARE(local(QStringLiteral("dora"))->lockedUntil, 0);
        const SyncRound round = sync();
        QVERIFY2(round.problem.isEmpty(), qPrintable(round.problem));
        QCOMPARE(round.accountsChanged, 1);
        QVERIFY(local(QStringLiteral("dora"))->lockedUntil > QDateTime::currentMSecsSinceEpoch());
        unreachable(true);
        QVERIFY(!signIn(QStringLiteral("dora"), kPassword).signedIn);
        QCOMPARE(lastSignIn().value(QStringLiteral("reason")).toString(),
                 QStringLiteral("locked-out"));
    }
};

QTEST_GUILESS_MAIN(TestServerAccounts)
#include "tst_serveraccounts.moc"
