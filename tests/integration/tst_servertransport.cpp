// The sync engine's transport over ServerConnection (ServerTransport) with the credential of a
// real enrollment, against the real frontdesk-server on loopback: the workstation's token comes
// from its credential, pulls need nobody, changes name the staff member, and a revoked
// workstation gets 401 even after the one retry with a new token. A request started for later
// leaves at once; one abandoned leaves the connection usable.
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
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QThread>

#include <atomic>

using namespace frontdesk;

namespace {
const QByteArray kPassword = "tidal marble orchard 7";

// A server in a thread of its own that notes when a request has come in whole, and answers it
// only when let: what arrived is seen from outside the thread that sent it.
class NotingServer final : public QThread
{
public:
    std::atomic<bool> arrived{false};
    std::atomic<bool> mayAnswer{false};
    std::atomic<quint16> port{0};

protected:
    void run() override
    {
        QTcpServer server;
        if (!server.listen(QHostAddress::LocalHost))
            return;
        port = server.serverPort();
        if (!server.waitForNewConnection(10000))
            return;
        std::unique_ptr<QTcpSocket> socket(server.nextPendingConnection());
        QByteArray request;
        while (!request.contains("\r\n\r\n") && socket->waitForReadyRead(10000))
            request += socket->readAll();
        arrived = true;
        while (!mayAnswer)
            QThread::msleep(5);
        socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                      "Content-Length: 11\r\nConnection: close\r\n\r\n{\"seen\":1}");
        socket->waitForBytesWritten(5000);
        socket->disconnectFromHost();
        if (socket->state() != QAbstractSocket::UnconnectedState)
            socket->waitForDisconnected(5000);
    }
};
} // namespace

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

    // The pull asks for its next page before it applies the last one: the request must leave
    // while this thread is busy elsewhere (here: asleep, no events), not when it is waited for.
    void aStartedRequestLeavesBeforeItsAnswerIsWaitedFor()
    {
        NotingServer server;
        server.start();
        QTRY_VERIFY(server.port != 0);
        ServerEndpoint endpoint;
        endpoint.url = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(server.port.load()));
        endpoint.insecure = true;
        ServerTransport transport(std::make_unique<ServerConnection>(endpoint), false);
        auto pending = transport.start(QStringLiteral("fhir/_history?_cursor=0"));
        for (int i = 0; i < 1000 && !server.arrived; ++i)
            QThread::msleep(10);
        const bool arrivedBeforeTheWait = server.arrived;
        server.mayAnswer = true;
        const HttpReply r = pending->wait();
        server.wait();
        QVERIFY(arrivedBeforeTheWait);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, QByteArray(R"({"seen":1})"));
    }

    // A request abandoned before its answer (the pull stopped by a page it could not apply)
    // leaves the connection as it was.
    void anAbandonedRequestLeavesTheConnectionUsable()
    {
        ServerEndpoint endpoint;
        endpoint.url = QUrl(m_base);
        endpoint.insecure = true;
        ServerTransport transport(std::make_unique<ServerConnection>(endpoint), false);
        for (int i = 0; i < 3; ++i) {
            auto pending = transport.start(QStringLiteral("fhir/metadata"));
            QVERIFY(pending);
        }
        const HttpReply r = transport.start(QStringLiteral("fhir/metadata"))->wait();
        QCOMPARE(r.status, 200);
        QVERIFY(r.body.contains("CapabilityStatement"));
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
