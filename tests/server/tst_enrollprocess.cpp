// Joining a server end to end: the real frontdesk-server on loopback with TLS from a throwaway CA
// made here with openssl, and the real frontdeskctl enrolling a workstation (key file) through
// ServerConnection: the CA file, the public-key pin, plain HTTP refused, the credential kept in
// the SecretStore; then curl, a client nobody on the project wrote, uses the workstation's
// credential as the README documents it: roles of the named person, a disabled account, and a
// revocation that answers 401 at once.
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace {

const QByteArray kPassword = "tidal marble orchard 7";

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run run(const QString &program, const QStringList &args, const QByteArray &input = {})
{
    QProcess p;
    p.start(program, args);
    if (!p.waitForStarted())
        return {};
    p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(60000))
        return {};
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

} // namespace

class TestEnrollProcess : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_server;
    std::unique_ptr<QProcess> m_plainServer;
    QString m_base;      // https://127.0.0.1:PORT
    QString m_plainBase; // http://127.0.0.1:PORT
    QString m_pin;
    QString m_workstationId;
    QString m_workstationToken;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    Run server(const QStringList &args, const QByteArray &input = {})
    {
        return run(QStringLiteral(FRONTDESK_SERVER_PATH),
                   QStringList{QStringLiteral("--config"), path(QStringLiteral("none.conf")),
                               QStringLiteral("--data-dir"), path(QStringLiteral("server"))} +
                       args,
                   input);
    }
    Run ctl(const QStringList &args, const QByteArray &input = {})
    {
        return run(QStringLiteral(FRONTDESK_CTL_PATH),
                   QStringList{QStringLiteral("--data-dir"), path(QStringLiteral("ws")),
                               QStringLiteral("--key-file"), path(QStringLiteral("ws.key"))} +
                       args,
                   input);
    }
    Run openssl(const QStringList &args) { return run(QStringLiteral("openssl"), args); }
    std::unique_ptr<QProcess> startServer(const QStringList &args, QString *base)
    {
        auto p = std::make_unique<QProcess>();
        p->start(QStringLiteral(FRONTDESK_SERVER_PATH),
                 QStringList{QStringLiteral("--config"), path(QStringLiteral("none.conf")),
                             QStringLiteral("--data-dir"), path(QStringLiteral("server")),
                             QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")} +
                     args);
        static const QRegularExpression listening(QStringLiteral("listening on (\\S+)"));
        QByteArray seen;
        QDeadlineTimer deadline(60000);
        while (!deadline.hasExpired() && p->state() != QProcess::NotRunning) {
            p->waitForReadyRead(200);
            seen += p->readAllStandardError();
            const auto m = listening.match(QString::fromUtf8(seen));
            if (m.hasMatch()) {
                *base = m.captured(1);
                return p;
            }
        }
        qWarning("server did not start: %s", seen.constData());
        return p;
    }
    // curl with the test CA; the status code and the body.
    QPair<int, QJsonObject> curl(const QString &method, const QString &url,
                                 const QByteArray &body = {}, const QStringList &headers = {})
    {
        QStringList args{QStringLiteral("-s"),       QStringLiteral("-S"),
                         QStringLiteral("--cacert"), path(QStringLiteral("ca.pem")),
                         QStringLiteral("-X"),       method,
                         QStringLiteral("-w"),       QStringLiteral("\n%{http_code}")};
        for (const QString &h : headers)
            args << QStringLiteral("-H") << h;
        if (!body.isEmpty())
            args << QStringLiteral("-H") << QStringLiteral("Content-Type: application/json")
                 << QStringLiteral("--data-binary") << QStringLiteral("@-");
        const Run r = run(QStringLiteral("curl"), args << url, body);
        const qsizetype nl = r.out.lastIndexOf('\n');
        return {r.out.mid(nl + 1).trimmed().toInt(),
                QJsonDocument::fromJson(r.out.left(std::max<qsizetype>(nl, 0))).object()};
    }
    QStringList bearer() const
    {
        return {QStringLiteral("Authorization: Bearer ") + m_workstationToken};
    }

private slots:
    void initTestCase()
    {
        for (const char *tool : {"openssl", "curl"}) {
            if (QStandardPaths::findExecutable(QLatin1String(tool)).isEmpty())
                QSKIP(qPrintable(QStringLiteral("%1 is not installed (scripts/test installs it)")
                                     .arg(QLatin1String(tool))));
        }
        QVERIFY(m_dir.isValid());
        QFile none(path(QStringLiteral("none.conf")));
        QVERIFY(none.open(QIODevice::WriteOnly));
        none.close();

        // A throwaway CA, and the server's certificate for 127.0.0.1 signed by it.
        const auto ok = [](const Run &r) {
            if (r.exitCode != 0)
                qWarning("%s", r.err.constData());
            return r.exitCode == 0;
        };
        QVERIFY(ok(openssl({QStringLiteral("req"), QStringLiteral("-x509"),
                            QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
                            QStringLiteral("-nodes"), QStringLiteral("-days"), QStringLiteral("2"),
                            QStringLiteral("-subj"), QStringLiteral("/CN=Frontdesk Test CA"),
                            QStringLiteral("-keyout"), path(QStringLiteral("ca.key")),
                            QStringLiteral("-out"), path(QStringLiteral("ca.pem"))})));
        QVERIFY(ok(openssl({QStringLiteral("req"), QStringLiteral("-newkey"),
                            QStringLiteral("rsa:2048"), QStringLiteral("-nodes"),
                            QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"),
                            QStringLiteral("-keyout"), path(QStringLiteral("server.key")),
                            QStringLiteral("-out"), path(QStringLiteral("server.csr"))})));
        QFile ext(path(QStringLiteral("san.ext")));
        QVERIFY(ext.open(QIODevice::WriteOnly));
        ext.write("subjectAltName=IP:127.0.0.1\n");
        ext.close();
        QVERIFY(ok(openssl({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
                            path(QStringLiteral("server.csr")), QStringLiteral("-CA"),
                            path(QStringLiteral("ca.pem")), QStringLiteral("-CAkey"),
                            path(QStringLiteral("ca.key")), QStringLiteral("-CAcreateserial"),
                            QStringLiteral("-days"), QStringLiteral("2"),
                            QStringLiteral("-extfile"), path(QStringLiteral("san.ext")),
                            QStringLiteral("-out"), path(QStringLiteral("server.pem"))})));
        // The pin as an administrator computes it: SHA-256 of the public key's DER, in base64.
        QVERIFY(ok(openssl({QStringLiteral("pkey"), QStringLiteral("-in"),
                            path(QStringLiteral("server.key")), QStringLiteral("-pubout"),
                            QStringLiteral("-outform"), QStringLiteral("der"),
                            QStringLiteral("-out"), path(QStringLiteral("server.spki"))})));
        const Run digest =
            openssl({QStringLiteral("dgst"), QStringLiteral("-sha256"), QStringLiteral("-binary"),
                     path(QStringLiteral("server.spki"))});
        QCOMPARE(digest.out.size(), 32);
        m_pin = QString::fromLatin1(digest.out.toBase64());

        QCOMPARE(server({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("alice"),
                         QStringLiteral("--role"), QStringLiteral("admin")},
                        kPassword + '\n')
                     .exitCode,
                 0);
        for (const char *name : {"rita", "leaver"}) {
            QCOMPARE(server({QStringLiteral("user"), QStringLiteral("add"), QLatin1String(name),
                             QStringLiteral("--role"), QStringLiteral("receptionist")},
                            kPassword + '\n')
                         .exitCode,
                     0);
        }
        QCOMPARE(
            server({QStringLiteral("user"), QStringLiteral("disable"), QStringLiteral("leaver")})
                .exitCode,
            0);
        m_server =
            startServer({QStringLiteral("--tls-certificate"), path(QStringLiteral("server.pem")),
                         QStringLiteral("--tls-key"), path(QStringLiteral("server.key"))},
                        &m_base);
        QVERIFY(m_base.startsWith(QStringLiteral("https://")));
        const Run init = ctl({QStringLiteral("init")});
        QVERIFY2(init.exitCode == 0, init.err.constData());
    }

    void cleanupTestCase()
    {
        for (QProcess *p : {m_server.get(), m_plainServer.get()}) {
            if (p) {
                p->terminate();
                p->waitForFinished(5000);
            }
        }
    }

    void plainHttpIsRefusedWithoutTheDevelopmentFlag()
    {
        const Run r =
            ctl({QStringLiteral("enroll"), QStringLiteral("--server"),
                 QString(m_base).replace(QStringLiteral("https:"), QStringLiteral("http:")),
                 QStringLiteral("--user"), QStringLiteral("alice")},
                kPassword + '\n');
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains("--insecure-http"), r.err.constData());
    }

    void anUntrustedCertificateIsRefusedNamingWhy()
    {
        const Run r = ctl({QStringLiteral("enroll"), QStringLiteral("--server"), m_base,
                           QStringLiteral("--user"), QStringLiteral("alice")},
                          kPassword + '\n');
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("TLS"), r.err.constData());
        QVERIFY2(r.err.contains("certificate"), r.err.constData());
    }

    void aWrongPinIsRefusedBeforeThePasswordLeaves()
    {
        // The CA's own key: a valid chain, but not the pinned server key.
        QVERIFY(
            openssl({QStringLiteral("pkey"), QStringLiteral("-in"), path(QStringLiteral("ca.key")),
                     QStringLiteral("-pubout"), QStringLiteral("-outform"), QStringLiteral("der"),
                     QStringLiteral("-out"), path(QStringLiteral("ca.spki"))})
                .exitCode == 0);
        const QByteArray wrong =
            openssl({QStringLiteral("dgst"), QStringLiteral("-sha256"), QStringLiteral("-binary"),
                     path(QStringLiteral("ca.spki"))})
                .out.toBase64();
        const Run r = ctl({QStringLiteral("enroll"), QStringLiteral("--server"), m_base,
                           QStringLiteral("--ca-file"), path(QStringLiteral("ca.pem")),
                           QStringLiteral("--pin-sha256"), QString::fromLatin1(wrong),
                           QStringLiteral("--user"), QStringLiteral("alice")},
                          kPassword + '\n');
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("pinned"), r.err.constData());
        QVERIFY2(r.err.contains(m_pin.toLatin1()), r.err.constData());
        // Nothing reached the sign-in: no login was recorded at the server.
        const Run list = server(
            {QStringLiteral("workstation"), QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(list.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(list.out).array().size(), 0);
    }

    void enrollsOverHttpsWithTheCaFileAndPin()
    {
        Run r =
            ctl({QStringLiteral("enroll"), QStringLiteral("--server"), m_base,
                 QStringLiteral("--ca-file"), path(QStringLiteral("ca.pem")),
                 QStringLiteral("--pin-sha256"), m_pin, QStringLiteral("--name"),
                 QStringLiteral("Reception 1"), QStringLiteral("--user"), QStringLiteral("alice")},
                kPassword + '\n');
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.contains("Reception 1"), r.out.constData());

        r = ctl({QStringLiteral("enroll"), QStringLiteral("--status"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject status = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(status.value(QStringLiteral("enrolled")).toBool(), true);
        QCOMPARE(status.value(QStringLiteral("server")).toString(), m_base);
        QCOMPARE(status.value(QStringLiteral("pin_sha256")).toString(), m_pin);
        QCOMPARE(status.value(QStringLiteral("server_accepts_credential")).toBool(), true);
        m_workstationId = status.value(QStringLiteral("workstation_id")).toString();
        QVERIFY(!m_workstationId.isEmpty());

        // The credential is in the SecretStore (here the key file, beside the database key),
        // not in the database's settings.
        QFile keyFile(path(QStringLiteral("ws.key")));
        QVERIFY(keyFile.open(QIODevice::ReadOnly));
        const QJsonObject entries = QJsonDocument::fromJson(keyFile.readAll()).object();
        QString credentialEntry;
        for (auto it = entries.begin(); it != entries.end(); ++it) {
            if (it.key().startsWith(QLatin1String("workstation-credential:")))
                credentialEntry = it.value().toString();
        }
        QVERIFY(!credentialEntry.isEmpty());
        const QJsonObject credential =
            QJsonDocument::fromJson(QByteArray::fromBase64(credentialEntry.toLatin1())).object();
        QCOMPARE(credential.value(QStringLiteral("workstation_id")).toString(), m_workstationId);

        // curl trades the secret for a token, as the README shows.
        const auto token = curl(QStringLiteral("POST"), m_base + QStringLiteral("/auth/token"),
                                QJsonDocument(credential).toJson(QJsonDocument::Compact));
        QCOMPARE(token.first, 200);
        m_workstationToken = token.second.value(QStringLiteral("access_token")).toString();
        QVERIFY(!m_workstationToken.isEmpty());

        const Run list = server({QStringLiteral("workstation"), QStringLiteral("list")});
        QCOMPARE(list.exitCode, 0);
        QVERIFY2(list.out.contains("Reception 1") && list.out.contains("alice"),
                 list.out.constData());
    }

    void theWorkstationWritesWithTheNamedPersonsRole()
    {
        QVERIFY(!m_workstationToken.isEmpty());
        const QByteArray patient =
            R"({"resourceType":"Patient","identifier":[{"system":"urn:frontdesk:mrn","value":"MRN-7"}],
                "name":[{"family":"Brandt","given":["Ida"]}],"gender":"female"})";
        auto r = curl(QStringLiteral("POST"), m_base + QStringLiteral("/fhir/Patient"), patient,
                      bearer() << QStringLiteral("X-Frontdesk-Staff: rita"));
        QCOMPARE(r.first, 201);
        const QString patientId = r.second.value(QStringLiteral("id")).toString();
        const QByteArray condition =
            QStringLiteral(R"({"resourceType":"Condition","subject":{"reference":"Patient/%1"},
                               "code":{"text":"Asthma"}})")
                .arg(patientId)
                .toUtf8();
        r = curl(QStringLiteral("POST"), m_base + QStringLiteral("/fhir/Condition"), condition,
                 bearer() << QStringLiteral("X-Frontdesk-Staff: rita"));
        QCOMPARE(r.first, 403);
        QCOMPARE(r.second.value(QStringLiteral("resourceType")).toString(),
                 QStringLiteral("OperationOutcome"));
        r = curl(QStringLiteral("POST"), m_base + QStringLiteral("/fhir/Patient"), patient,
                 bearer() << QStringLiteral("X-Frontdesk-Staff: leaver"));
        QCOMPARE(r.first, 403);
        // Alone it pulls, and writes nothing.
        r = curl(QStringLiteral("GET"), m_base + QStringLiteral("/fhir/_history?_cursor=0"), {},
                 bearer());
        QCOMPARE(r.first, 200);
        r = curl(QStringLiteral("POST"), m_base + QStringLiteral("/fhir/Patient"), patient,
                 bearer());
        QCOMPARE(r.first, 403);
    }

    void aRevokedWorkstationGets401AtOnce()
    {
        QVERIFY(!m_workstationId.isEmpty());
        const Run revoked =
            server({QStringLiteral("workstation"), QStringLiteral("revoke"), m_workstationId});
        QVERIFY2(revoked.exitCode == 0, revoked.err.constData());
        const auto r =
            curl(QStringLiteral("GET"), m_base + QStringLiteral("/fhir/Patient"), {}, bearer());
        QCOMPARE(r.first, 401);
        QCOMPARE(r.second.value(QStringLiteral("resourceType")).toString(),
                 QStringLiteral("OperationOutcome"));
        const Run status = ctl({QStringLiteral("enroll"), QStringLiteral("--status")});
        QCOMPARE(status.exitCode, 2);
        QVERIFY2(status.out.contains("401"), status.out.constData());
        const Run list = server(
            {QStringLiteral("workstation"), QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(QJsonDocument::fromJson(list.out)
                     .array()
                     .first()
                     .toObject()
                     .value(QStringLiteral("state"))
                     .toString(),
                 QStringLiteral("revoked"));
    }

    void theDevelopmentFlagAllowsPlainHttp()
    {
        m_plainServer = startServer({QStringLiteral("--insecure-http")}, &m_plainBase);
        QVERIFY(m_plainBase.startsWith(QStringLiteral("http://")));
        const Run r = ctl({QStringLiteral("enroll"), QStringLiteral("--server"), m_plainBase,
                           QStringLiteral("--insecure-http"), QStringLiteral("--user"),
                           QStringLiteral("alice")},
                          kPassword + '\n');
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.err.contains("development"), r.err.constData());
        const Run status = ctl({QStringLiteral("enroll"), QStringLiteral("--status")});
        QVERIFY2(status.exitCode == 0, status.out.constData());
        QVERIFY2(status.out.contains("INSECURE"), status.out.constData());
    }
};

QTEST_GUILESS_MAIN(TestEnrollProcess)
#include "tst_enrollprocess.moc"
