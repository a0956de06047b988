// How a try to hand a message over ends, for what the dispatcher does next: Kannel's answers
// (202 sent, 503 and a wrong account retried, another 4xx failed, a connection dropped after the
// request unknown) from a local HTTP answerer, refused connections for both clients, and the
// retry backoff. The whole conversation with a real SMTP server and a real Kannel is
// tst_dispatch's.
#include "dispatch/Dispatcher.h"
#include "dispatch/KannelClient.h"
#include "dispatch/SmtpClient.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QUrlQuery>
#include <QUuid>

using namespace frontdesk::server;

namespace {

// Answers every HTTP request with one status line (or, for 0, closes without answering) and
// keeps the last request line.
class Answerer : public QTcpServer
{
public:
    int status = 202;
    QByteArray requestLine;

    Answerer()
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            QTcpSocket *s = nextPendingConnection();
            connect(s, &QTcpSocket::readyRead, s, [this, s] {
                const QByteArray got = s->readAll();
                if (!got.contains("\r\n\r\n"))
                    return;
                requestLine = got.left(got.indexOf("\r\n"));
                if (status == 0) {
                    s->abort();
                    return;
                }
                const QByteArray body = "some words";
                s->write("HTTP/1.1 " + QByteArray::number(status) + " X\r\nContent-Length: " +
                         QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
                s->disconnectFromHost();
            });
        });
        listen(QHostAddress::LocalHost, 0);
    }
};

quint16 closedPort()
{
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    return s.serverPort();
}

} // namespace

class TestSendOutcomes : public QObject
{
    Q_OBJECT

private:
    QNetworkAccessManager m_network;

    SendResult sendSms(const QUrl &url, const QString &text = QStringLiteral("Hallo"))
    {
        KannelSettings k;
        k.sendsmsUrl = url;
        k.user = QStringLiteral("frontdesk");
        k.password = QStringLiteral("pw");
        k.callbackBase = QUrl(QStringLiteral("http://10.0.0.5:8443"));
        k.callbackSecret = QStringLiteral("0123456789abcdef");
        k.timeoutMs = 5000;
        KannelClient client(k, m_network);
        QSignalSpy done(&client, &KannelClient::finished);
        client.send(QStringLiteral("comm-1"), QStringLiteral("+491701234567"), text);
        if (!done.wait(10000))
            return {};
        return done.first().first().value<SendResult>();
    }

private slots:
    void initTestCase() { qRegisterMetaType<SendResult>(); }

    void kannelsAnswersDecideWhatHappensNext_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("kind");
        QTest::newRow("202 accepted") << 202 << int(SendResult::Kind::Sent);
        QTest::newRow("503 try later") << 503 << int(SendResult::Kind::Temporary);
        QTest::newRow("500") << 500 << int(SendResult::Kind::Temporary);
        QTest::newRow("403 wrong account") << 403 << int(SendResult::Kind::Temporary);
        QTest::newRow("400 refused") << 400 << int(SendResult::Kind::Permanent);
        QTest::newRow("dropped after the request") << 0 << int(SendResult::Kind::Unknown);
    }
    void kannelsAnswersDecideWhatHappensNext()
    {
        QFETCH(int, status);
        QFETCH(int, kind);
        Answerer kannel;
        kannel.status = status;
        const SendResult r = sendSms(
            QUrl(QStringLiteral("http://127.0.0.1:%1/cgi-bin/sendsms").arg(kannel.serverPort())));
        QCOMPARE(int(r.kind), kind);
        if (r.kind == SendResult::Kind::Permanent)
            QVERIFY2(r.reason.contains(QLatin1String("400")), qPrintable(r.reason));
        const QUrlQuery query(QUrl(QString::fromLatin1(kannel.requestLine.split(' ').value(1))));
        QCOMPARE(query.queryItemValue(QStringLiteral("to"), QUrl::FullyDecoded),
                 QStringLiteral("+491701234567"));
        QCOMPARE(query.queryItemValue(QStringLiteral("coding")), QStringLiteral("0"));
        QCOMPARE(query.queryItemValue(QStringLiteral("dlr-url"), QUrl::FullyDecoded),
                 QStringLiteral("http://10.0.0.5:8443/sms/kannel/dlr?secret=0123456789abcdef&"
                                "id=comm-1&type=%d&reply=%A"));
    }

    void aTextOutsideGsm7GoesAsUcs2()
    {
        Answerer kannel;
        const SendResult r = sendSms(
            QUrl(QStringLiteral("http://127.0.0.1:%1/cgi-bin/sendsms").arg(kannel.serverPort())),
            QStringLiteral("Bitte bestätigen ✓"));
        QCOMPARE(r.kind, SendResult::Kind::Sent);
        const QUrlQuery query(QUrl(QString::fromLatin1(kannel.requestLine.split(' ').value(1))));
        QCOMPARE(query.queryItemValue(QStringLiteral("coding")), QStringLiteral("2"));
        QCOMPARE(query.queryItemValue(QStringLiteral("text"), QUrl::FullyDecoded),
                 QStringLiteral("Bitte bestätigen ✓"));
    }

    void refusedConnectionsAreTemporary()
    {
        const quint16 port = closedPort();
        const SendResult sms =
            sendSms(QUrl(QStringLiteral("http://127.0.0.1:%1/cgi-bin/sendsms").arg(port)));
        QCOMPARE(sms.kind, SendResult::Kind::Temporary);

        SmtpSettings smtp;
        smtp.url = QUrl(QStringLiteral("smtp://127.0.0.1:%1").arg(port));
        smtp.from = QStringLiteral("noreply@praxis.example");
        smtp.timeoutMs = 5000;
        SmtpClient client(smtp);
        QSignalSpy done(&client, &SmtpClient::finished);
        client.send(QStringLiteral("noreply@praxis.example"), QStringLiteral("a@b.example"),
                    "Subject: x\r\n\r\nx\r\n");
        QVERIFY(done.wait(10000));
        const SendResult r = done.first().first().value<SendResult>();
        QCOMPARE(r.kind, SendResult::Kind::Temporary);
        QCOMPARE(r.logCode, QStringLiteral("SMTP connection refused"));
    }

    // smtps:// speaks TLS from the first byte (a relay's port 465), signs in, and the mail
    // arrives at the real relay (scripts/test's aiosmtpd, on its SMTPS port); the relay's
    // self-signed certificate is trusted through caCertificates (smtp_ca_file).
    void anEmailGoesOverSmtps()
    {
        const QString port = qEnvironmentVariable("FRONTDESK_TEST_SMTPS_PORT");
        const QString dir = qEnvironmentVariable("FRONTDESK_TEST_SMTP_DIR");
        if (port.isEmpty() || dir.isEmpty())
            QSKIP("No test SMTPS relay (FRONTDESK_TEST_SMTPS_PORT unset): run through "
                  "scripts/test, which starts one with python3-aiosmtpd");
        const QString user = qEnvironmentVariable("FRONTDESK_TEST_SMTP_USER");
        SmtpSettings smtp;
        smtp.url = QUrl(QStringLiteral("smtps://%1@127.0.0.1:%2").arg(user, port));
        smtp.password = qEnvironmentVariable("FRONTDESK_TEST_SMTP_PASSWORD");
        smtp.from = QStringLiteral("noreply@praxis.example");
        smtp.caCertificates =
            QSslCertificate::fromPath(qEnvironmentVariable("FRONTDESK_TEST_SMTP_CA"));
        smtp.timeoutMs = 10000;
        const QString to = QStringLiteral("smtps-%1@patient.example")
                               .arg(QUuid::createUuid().toString(QUuid::Id128));
        SmtpClient client(smtp);
        QSignalSpy done(&client, &SmtpClient::finished);
        client.send(smtp.from, to, "Subject: over SMTPS\r\n\r\nGuten Tag\r\n");
        QVERIFY(done.wait(20000));
        const SendResult r = done.first().first().value<SendResult>();
        QVERIFY2(r.kind == SendResult::Kind::Sent, qPrintable(r.logCode));
        bool arrived = false;
        for (const QFileInfo &f :
             QDir(dir).entryInfoList({QStringLiteral("*.json")}, QDir::Files)) {
            QFile file(f.filePath());
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QJsonObject mail = QJsonDocument::fromJson(file.readAll()).object();
            if (!mail.value(QStringLiteral("rcpt_tos")).toArray().contains(to))
                continue;
            arrived = true;
            QCOMPARE(mail.value(QStringLiteral("authenticated_as")).toString(), user);
        }
        QVERIFY(arrived);
    }

    void retriesWaitLongerEachTime()
    {
        DispatchSettings s;
        s.retryBaseMs = 60000;
        s.retryMaxMs = 3600000;
        QCOMPARE(Dispatcher::backoffMs(s, 1), qint64(60000));
        QCOMPARE(Dispatcher::backoffMs(s, 2), qint64(120000));
        QCOMPARE(Dispatcher::backoffMs(s, 3), qint64(240000));
        QCOMPARE(Dispatcher::backoffMs(s, 7), qint64(3600000));
        QCOMPARE(Dispatcher::backoffMs(s, 40), qint64(3600000));
    }
};

QTEST_GUILESS_MAIN(TestSendOutcomes)
#include "tst_sendoutcomes.moc"
