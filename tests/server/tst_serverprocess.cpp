// The real frontdesk-server binary, driven by curl — a client nobody on the project wrote — on
// the SQLCipher file or, with FRONTDESK_SERVER_BACKEND=postgresql, on PostgreSQL: the API as the
// README documents it, TLS, the admin commands, and one slot booked through two server processes
// at once.
#include "ServerTestBackend.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTest>

#include <memory>

namespace {

const QString kPassword = QStringLiteral("tidal marble orchard 7");

struct CurlResult
{
    int status = 0;
    QByteArray body;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

} // namespace

class TestServerProcess : public QObject
{
    Q_OBJECT

private:
    frontdesk::test::ServerTestBackend m_backend;
    QList<std::shared_ptr<QProcess>> m_servers;
    QString m_token;

    QStringList storageArguments() const
    {
        if (!m_backend.postgresUrl.isEmpty())
            return {QStringLiteral("--config"), m_backend.dir.filePath(QStringLiteral("none.conf")),
                    QStringLiteral("--database"), m_backend.postgresUrl};
        return {QStringLiteral("--config"), m_backend.dir.filePath(QStringLiteral("none.conf")),
                QStringLiteral("--data-dir"), m_backend.dir.filePath(QStringLiteral("data"))};
    }

    int runServer(const QStringList &arguments, const QByteArray &input = {},
                  QByteArray *out = nullptr, QByteArray *err = nullptr)
    {
        QProcess p;
        p.start(QStringLiteral(FRONTDESK_SERVER_PATH), storageArguments() + arguments);
        if (!p.waitForStarted())
            return -1;
        p.write(input);
        p.closeWriteChannel();
        p.waitForFinished(60000);
        if (out)
            *out = p.readAllStandardOutput();
        const QByteArray e = p.readAllStandardError();
        if (err)
            *err = e;
        return p.exitCode();
    }

    // Starts a server on a free port; its base URL, or empty.
    QString startServer(const QStringList &extra = {QStringLiteral("--insecure-http")})
    {
        auto p = std::make_shared<QProcess>();
        p->setProcessChannelMode(QProcess::SeparateChannels);
        p->start(QStringLiteral(FRONTDESK_SERVER_PATH),
                 storageArguments() +
                     QStringList{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")} +
                     extra);
        if (!p->waitForStarted())
            return {};
        m_servers << p;
        static const QRegularExpression listening(QStringLiteral("listening on (\\S+)"));
        QByteArray seen;
        for (int i = 0; i < 100; ++i) {
            p->waitForReadyRead(200);
            seen += p->readAllStandardError();
            const auto m = listening.match(QString::fromUtf8(seen));
            if (m.hasMatch())
                return m.captured(1);
            if (p->state() == QProcess::NotRunning)
                break;
        }
        qWarning("server did not start: %s", seen.constData());
        return {};
    }

    static QStringList curlArguments(const QString &method, const QString &url,
                                     const QByteArray &body, const QString &token,
                                     const QStringList &extra)
    {
        QStringList args{QStringLiteral("-s"), QStringLiteral("-S"),
                         QStringLiteral("-X"), method,
                         QStringLiteral("-w"), QStringLiteral("\n%{http_code}")};
        if (!token.isEmpty())
            args << QStringLiteral("-H") << QStringLiteral("Authorization: Bearer ") + token;
        if (!body.isNull())
            args << QStringLiteral("-H") << QStringLiteral("Content-Type: application/fhir+json")
                 << QStringLiteral("--data-binary") << QStringLiteral("@-");
        return args + extra + QStringList{url};
    }
    static CurlResult parseCurl(QProcess &p)
    {
        CurlResult r;
        QByteArray out = p.readAllStandardOutput();
        const qsizetype nl = out.lastIndexOf('\n');
        r.status = out.mid(nl + 1).trimmed().toInt();
        r.body = out.left(std::max<qsizetype>(nl, 0));
        return r;
    }
    static CurlResult curl(const QString &method, const QString &url, const QByteArray &body = {},
                           const QString &token = {}, const QStringList &extra = {})
    {
        QProcess p;
        p.start(QStringLiteral("curl"), curlArguments(method, url, body, token, extra));
        p.write(body);
        p.closeWriteChannel();
        p.waitForFinished(30000);
        return parseCurl(p);
    }

    // Opens a raw connection, sends `partial` (maybe nothing) and waits up to waitMs for the
    // server to close it; true when it did.
    static bool closedByServer(const QString &base, const QByteArray &partial, int waitMs)
    {
        const QUrl url(base);
        QTcpSocket socket;
        socket.connectToHost(url.host(), quint16(url.port()));
        if (!socket.waitForConnected(5000))
            return false;
        socket.write(partial);
        socket.flush();
        QElapsedTimer waited;
        waited.start();
        while (socket.state() == QAbstractSocket::ConnectedState && waited.elapsed() < waitMs)
            socket.waitForDisconnected(100);
        return socket.state() == QAbstractSocket::UnconnectedState;
    }

private slots:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("curl")).isEmpty())
            QSKIP("curl is not installed (Debian package curl; scripts/test installs it)");
        QVERIFY(m_backend.dir.isValid());
        // An empty configuration file, so that a /etc/frontdesk/server.conf on this machine
        // plays no part.
        QFile none(m_backend.dir.filePath(QStringLiteral("none.conf")));
        QVERIFY(none.open(QIODevice::WriteOnly));
        none.close();
        if (frontdesk::test::ServerTestBackend::wantsPostgres()) {
            QString why;
            if (!m_backend.createPostgresDatabase(&why))
                QSKIP(qPrintable(QStringLiteral("PostgreSQL is not available: ") + why));
        }
    }

    void cleanupTestCase()
    {
        for (const auto &p : m_servers) {
            p->terminate();
            p->waitForFinished(5000);
        }
        m_servers.clear();
        m_backend.dropPostgresDatabase();
    }

    // Before anything else, while the database is empty: several processes starting at once
    // (a pool behind a load balancer) all migrate it, one after the other under the advisory
    // lock. Without it most of them failed ("relation settings already exists").
    void processesStartingAtOnceOnAnEmptyDatabaseAllSucceed()
    {
        if (m_backend.postgresUrl.isEmpty())
            QSKIP("one SQLCipher file is one process's; the race is PostgreSQL's");
        QList<std::shared_ptr<QProcess>> starting;
        for (int i = 0; i < 6; ++i) {
            auto p = std::make_shared<QProcess>();
            p->start(QStringLiteral(FRONTDESK_SERVER_PATH),
                     storageArguments() + QStringList{QStringLiteral("--migrate-only")});
            starting << p;
        }
        for (const auto &p : starting) {
            QVERIFY(p->waitForFinished(60000));
            QVERIFY2(p->exitStatus() == QProcess::NormalExit && p->exitCode() == 0,
                     p->readAllStandardError().constData());
        }
    }

    void adminCommandsShareFrontdeskctlsCode()
    {
        QByteArray out;
        QByteArray err;
        QCOMPARE(runServer({QStringLiteral("--version")}, {}, &out), 0);
        QVERIFY(out.startsWith("frontdesk-server "));
        QCOMPARE(runServer({QStringLiteral("--migrate-only")}, {}, &out, &err), 0);
        QCOMPARE(runServer({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("alice"),
                            QStringLiteral("--role"), QStringLiteral("admin")},
                           kPassword.toUtf8() + '\n', &out, &err),
                 0);
        QCOMPARE(runServer({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("rita"),
                            QStringLiteral("--role"), QStringLiteral("receptionist")},
                           kPassword.toUtf8() + '\n', &out, &err),
                 0);
        QCOMPARE(runServer({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("weak"),
                            QStringLiteral("--role"), QStringLiteral("nurse")},
                           "password\n", &out, &err),
                 3);
        QCOMPARE(
            runServer({QStringLiteral("user"), QStringLiteral("list"), QStringLiteral("--json")},
                      {}, &out, &err),
            0);
        const QJsonArray list = QJsonDocument::fromJson(out).array();
        QCOMPARE(list.size(), 2);
        QCOMPARE(list[0].toObject().value(QStringLiteral("username")).toString(),
                 QStringLiteral("alice"));
        QCOMPARE(runServer({QStringLiteral("user"), QStringLiteral("seed")}, {}, &out, &err), 1);
        // Without TLS material and without --insecure-http the server refuses to start.
        QCOMPARE(runServer({}, {}, &out, &err), 1);
        QVERIFY2(err.contains("--insecure-http"), err.constData());
    }

    void curlUsesTheApiAsDocumented()
    {
        const QString base = startServer();
        QVERIFY(!base.isEmpty());
        CurlResult r = curl(QStringLiteral("GET"), base + QStringLiteral("/fhir/metadata"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("fhirVersion")).toString(), QStringLiteral("4.0.1"));
        r = curl(QStringLiteral("POST"), base + QStringLiteral("/auth/login"),
                 QJsonDocument(QJsonObject{{QStringLiteral("username"), QStringLiteral("alice")},
                                           {QStringLiteral("password"), kPassword}})
                     .toJson());
        QCOMPARE(r.status, 200);
        m_token = r.json().value(QStringLiteral("access_token")).toString();
        QVERIFY(!m_token.isEmpty());

        r = curl(QStringLiteral("GET"), base + QStringLiteral("/fhir/Patient"));
        QCOMPARE(r.status, 401);
        QCOMPARE(r.json().value(QStringLiteral("resourceType")).toString(),
                 QStringLiteral("OperationOutcome"));

        const QByteArray patient =
            R"({"resourceType":"Patient","identifier":[{"system":"urn:frontdesk:mrn","value":"MRN-100"}],
                "name":[{"family":"Hoffmann","given":["Lena"]}],"gender":"female","birthDate":"1990-04-01"})";
        r = curl(QStringLiteral("POST"), base + QStringLiteral("/fhir/Patient"), patient, m_token,
                 {QStringLiteral("-i")});
        QCOMPARE(r.status, 201);
        QVERIFY(r.body.contains("ETag: W/\"1\""));
        r = curl(QStringLiteral("GET"),
                 base + QStringLiteral("/fhir/Patient?name=hoff&birthdate=1990-04-01"), {},
                 m_token);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("total")).toInt(), 1);
        const QString id = r.json()
                               .value(QStringLiteral("entry"))
                               .toArray()
                               .first()
                               .toObject()
                               .value(QStringLiteral("resource"))
                               .toObject()
                               .value(QStringLiteral("id"))
                               .toString();
        r = curl(QStringLiteral("PUT"), base + QStringLiteral("/fhir/Patient/") + id, patient,
                 m_token, {QStringLiteral("-H"), QStringLiteral("If-Match: W/\"5\"")});
        QCOMPARE(r.status, 412);
        // Create only where there is none: refused for the existing record.
        r = curl(QStringLiteral("PUT"), base + QStringLiteral("/fhir/Patient/") + id, patient,
                 m_token, {QStringLiteral("-H"), QStringLiteral("If-None-Match: *")});
        QCOMPARE(r.status, 412);
        QCOMPARE(r.json().value(QStringLiteral("resourceType")).toString(),
                 QStringLiteral("OperationOutcome"));
        r = curl(
            QStringLiteral("GET"), base + QStringLiteral("/fhir/Condition"), {},
            curl(QStringLiteral("POST"), base + QStringLiteral("/auth/login"),
                 QJsonDocument(QJsonObject{{QStringLiteral("username"), QStringLiteral("rita")},
                                           {QStringLiteral("password"), kPassword}})
                     .toJson())
                .json()
                .value(QStringLiteral("access_token"))
                .toString());
        QCOMPARE(r.status, 403);
        // Over the size limit: 413, not a dropped connection.
        r = curl(QStringLiteral("POST"), base + QStringLiteral("/fhir/Patient"),
                 QByteArray(9 * 1024 * 1024, ' '), m_token);
        QCOMPARE(r.status, 413);
        r = curl(QStringLiteral("GET"), base + QStringLiteral("/index.html"));
        QCOMPARE(r.status, 404);
        QCOMPARE(r.json().value(QStringLiteral("resourceType")).toString(),
                 QStringLiteral("OperationOutcome"));
    }

    void oneSlotBookedThroughTwoProcessesStandsOnce()
    {
        const QString first = startServer();
        const QString second = startServer();
        QVERIFY(!first.isEmpty() && !second.isEmpty());
        constexpr int attempts = 12;
        QList<std::shared_ptr<QProcess>> clients;
        for (int i = 0; i < attempts; ++i) {
            const QByteArray body =
                QStringLiteral(R"({"resourceType":"Appointment","status":"booked",
                    "start":"2026-07-06T09:00:00Z","end":"2026-07-06T09:30:00Z",
                    "participant":[{"actor":{"reference":"Patient/p%1"},"status":"accepted"},
                                   {"actor":{"reference":"Practitioner/dr-x"},"status":"accepted"}]})")
                    .arg(i)
                    .toUtf8();
            auto p = std::make_shared<QProcess>();
            p->start(QStringLiteral("curl"),
                     curlArguments(QStringLiteral("POST"),
                                   (i % 2 ? first : second) + QStringLiteral("/fhir/Appointment"),
                                   body, m_token, {}));
            p->write(body);
            p->closeWriteChannel();
            clients << p;
        }
        int created = 0;
        int conflicts = 0;
        for (const auto &p : clients) {
            QVERIFY(p->waitForFinished(60000));
            const CurlResult r = parseCurl(*p);
            if (r.status == 201)
                ++created;
            else if (r.status == 409)
                ++conflicts;
            else
                qWarning("unexpected answer %d: %s", r.status, r.body.constData());
        }
        QCOMPARE(created, 1);
        QCOMPARE(conflicts, attempts - 1);
        const CurlResult r =
            curl(QStringLiteral("GET"),
                 first + QStringLiteral("/fhir/Appointment?practitioner=dr-x"), {}, m_token);
        QCOMPARE(r.json().value(QStringLiteral("total")).toInt(), 1);
    }

    void httpsWithTheConfiguredCertificate()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("openssl")).isEmpty())
            QSKIP("openssl is not installed to make a test certificate");
        const QString cert = m_backend.dir.filePath(QStringLiteral("cert.pem"));
        const QString key = m_backend.dir.filePath(QStringLiteral("key.pem"));
        QCOMPARE(QProcess::execute(
                     QStringLiteral("openssl"),
                     {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                      QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-days"),
                      QStringLiteral("2"), QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"),
                      QStringLiteral("-addext"), QStringLiteral("subjectAltName=IP:127.0.0.1"),
                      QStringLiteral("-keyout"), key, QStringLiteral("-out"), cert}),
                 0);
        const QString base =
            startServer({QStringLiteral("--tls-certificate"), cert, QStringLiteral("--tls-key"),
                         key, QStringLiteral("--request-timeout"), QStringLiteral("1")});
        QVERIFY(base.startsWith(QStringLiteral("https://")));
        const CurlResult r = curl(QStringLiteral("GET"), base + QStringLiteral("/fhir/metadata"),
                                  {}, {}, {QStringLiteral("--cacert"), cert});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("resourceType")).toString(),
                 QStringLiteral("CapabilityStatement"));
        // Plain HTTP to the TLS port gets no data.
        const CurlResult plain =
            curl(QStringLiteral("GET"),
                 QString(base).replace(QStringLiteral("https://"), QStringLiteral("http://")) +
                     QStringLiteral("/fhir/metadata"),
                 {}, {}, {QStringLiteral("--max-time"), QStringLiteral("5")});
        QVERIFY(plain.status != 200);
        // A connection that never starts its TLS handshake does not hold its socket.
        QVERIFY(closedByServer(base, {}, 10000));
    }

    // QtHttpServer has no timeout of its own; a client that never finishes its request (or
    // sends nothing) is cut off after --request-timeout, and the server keeps answering others.
    void slowClientsAreCutOff()
    {
        const QString base =
            startServer({QStringLiteral("--insecure-http"), QStringLiteral("--request-timeout"),
                         QStringLiteral("1")});
        QVERIFY(!base.isEmpty());
        QVERIFY(closedByServer(base, "GET /fhir/metadata HTTP/1.1\r\nHost: localhost\r\n", 10000));
        QVERIFY(closedByServer(base, {}, 10000));
        QVERIFY(closedByServer(base,
                               "POST /auth/login HTTP/1.1\r\nHost: localhost\r\n"
                               "Content-Length: 100\r\n\r\n{\"username\"",
                               10000));
        QCOMPARE(curl(QStringLiteral("GET"), base + QStringLiteral("/fhir/metadata")).status, 200);
        QCOMPARE(runServer({QStringLiteral("--request-timeout"), QStringLiteral("0"),
                            QStringLiteral("--insecure-http")}),
                 1);
    }
};

QTEST_GUILESS_MAIN(TestServerProcess)
#include "tst_serverprocess.moc"
