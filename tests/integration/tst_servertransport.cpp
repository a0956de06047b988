// The sync engine's transport over ServerConnection (ServerTransport) with the credential of a
// real enrollment, against the real frontdesk-server on loopback: the workstation's token comes
// from its credential, pulls need nobody, changes name the staff member, and a revoked
// workstation gets 401 even after the one retry with a new token.
#include "Enrollment.h"
#include "ServerConnection.h"
#include "ServerProcess.h"
#include "ServerTransport.h"
#include "TestDatabase.h"
#include "database/MemorySecretStore.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

using namespace frontdesk;

namespace {
const QByteArray kPassword = "tidal marble orchard 7";
}

class TestServerTransport : public QObject
{
    Q_OBJECT

    test::TestDatabase t;
    MemorySecretStore m_store;
    QTemporaryDir m_serverDir;
    QProcess m_server;
    QString m_base;

    QStringList serverArgs() const
    {
        return {QStringLiteral("--config"), m_serverDir.filePath(QStringLiteral("none.conf")),
                QStringLiteral("--data-dir"), m_serverDir.filePath(QStringLiteral("data"))};
    }
    int runServer(const QStringList &args, const QByteArray &input = {})
    {
        QProcess p;
        p.start(QStringLiteral(FRONTDESK_SERVER_PATH), serverArgs() + args);
        if (!p.waitForStarted())
            return -1;
        p.write(input);
        p.closeWriteChannel();
        return p.waitForFinished(60000) ? p.exitCode() : -1;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(t.open());
        QVERIFY(m_serverDir.isValid());
        QFile none(m_serverDir.filePath(QStringLiteral("none.conf")));
        QVERIFY(none.open(QIODevice::WriteOnly));
        none.close();
        QCOMPARE(runServer({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("alice"),
                            QStringLiteral("--role"), QStringLiteral("admin")},
                           kPassword + '\n'),
                 0);
        QByteArray seen;
        m_base = testing::startServerProcess(m_server, QStringLiteral(FRONTDESK_SERVER_PATH),
                                             serverArgs() << QStringLiteral("--listen")
                                                          << QStringLiteral("127.0.0.1:0")
                                                          << QStringLiteral("--insecure-http"),
                                             &seen);
        QVERIFY2(!m_base.isEmpty(), seen.constData());
    }

    void cleanupTestCase()
    {
        m_server.terminate();
        m_server.waitForFinished(5000);
    }

    void theEngineTalksWithTheWorkstationsCredential()
    {
        Enrollment::Request request;
        request.endpoint.url = QUrl(m_base);
        request.endpoint.insecure = true;
        request.adminUser = QStringLiteral("alice");
        request.adminPassword = QString::fromLatin1(kPassword);
        request.workstationName = QStringLiteral("Sync test");
        auto enrolled = Enrollment::contact(request);
        QVERIFY2(enrolled, qPrintable(enrolled.error()));
        QVERIFY(Enrollment::keep(*t.db, m_store, t.dir.path(), *enrolled).ok());

        auto connection = Enrollment::connect(*t.db, m_store, t.dir.path());
        QVERIFY2(connection, qPrintable(connection.error()));
        ServerTransport transport(std::move(*connection), true);
        HttpReply r = transport.send("GET", QStringLiteral("fhir/_history?_cursor=0"));
        QCOMPARE(r.status, 200);
        const QByteArray patient =
            R"({"resourceType":"Patient","identifier":[{"system":"urn:frontdesk:mrn","value":"MRN-9"}],
                "name":[{"family":"Weber","given":["Jonas"]}],"gender":"male"})";
        r = transport.send("POST", QStringLiteral("fhir/Patient"), patient);
        QCOMPARE(r.status, 403);
        transport.setActingFor(QStringLiteral("alice"));
        r = transport.send("POST", QStringLiteral("fhir/Patient"), patient);
        QCOMPARE(r.status, 201);
        QCOMPARE(QJsonDocument::fromJson(r.body).object().value(QStringLiteral("id")).isString(),
                 true);

        QCOMPARE(runServer({QStringLiteral("workstation"), QStringLiteral("revoke"),
                            enrolled->credential.workstationId}),
                 0);
        // The old token is refused, and so is the credential when asked for a new one: the
        // answer is the server's 401, not "unreachable".
        r = transport.send("GET", QStringLiteral("fhir/_history?_cursor=0"));
        QCOMPARE(r.status, 401);
        QVERIFY2(r.body.contains("revoked"), r.body.constData());
    }

    void anUnreachableServerIsNoAnswer()
    {
        ServerEndpoint endpoint;
        endpoint.url = QUrl(QStringLiteral("https://127.0.0.1:1"));
        ServerTransport transport(std::make_unique<ServerConnection>(endpoint), false);
        const HttpReply r = transport.send("GET", QStringLiteral("fhir/metadata"));
        QVERIFY(!r.reached());
        QVERIFY2(r.error.contains(QStringLiteral("cannot be reached")), qPrintable(r.error));
    }
};

QTEST_GUILESS_MAIN(TestServerTransport)
#include "tst_servertransport.moc"
