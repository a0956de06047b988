// frontdesk-server sending messages through real services, started once by scripts/test: an
// SMTP server (python3-aiosmtpd, scripts/lib/smtp-sink.py, which writes every message it accepts
// with what Python's email parser reads in it) and Kannel (bearerbox + smsbox, with fakesmsc as
// the phone network). The real binary on the SQLCipher file or, as dispatch_postgresql, on
// PostgreSQL; several processes at once; one killed mid-send.
#include "ServerProcess.h"
#include "ServerTestBackend.h"
#include "fhir/BookingMapping.h"
#include "fhir/ClinicSettingsMapping.h"
#include "fhir/CommunicationMapping.h"
#include "fhir/FhirJson.h"
#include "fhir/FhirMapping.h"
#include "fhir/PatientRecordMapping.h"
#include "fhir/ScheduleMapping.h"
#include "fhir/SurveyAnswerMapping.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QTest>
#include <QUuid>

#include <algorithm>
#include <functional>
#include <memory>

using frontdesk::Appointment;
using frontdesk::AppointmentStatus;
using frontdesk::BookingMapping;
using frontdesk::CommunicationMapping;
using frontdesk::FhirJson;
using frontdesk::FhirMapping;
using frontdesk::Message;
using frontdesk::ScheduleMapping;

namespace {

const QString kPassword = QStringLiteral("tidal marble orchard 7");
const QString kFrom = QStringLiteral("Praxis Müller <noreply@praxis.example>");

struct Answer
{
    int status = 0;
    QJsonObject json;
};

// A running frontdesk-server and everything it wrote to stderr.
struct ServerProcess
{
    QProcess process;
    QByteArray log;
    QString base;
    bool callbackPort = false; // listens where Kannel calls back
};

} // namespace

class TestDispatch : public QObject
{
    Q_OBJECT

private:
    frontdesk::test::ServerTestBackend m_backend;
    QList<std::shared_ptr<ServerProcess>> m_servers;
    QNetworkAccessManager m_network;
    QString m_token;
    QString m_run = QUuid::createUuid().toString(QUuid::Id128).left(10);
    QString m_smtpDir;
    QString m_configPath;
    // Kannel calls back one fixed port, so only dispatch_file runs the SMS tests.
    bool m_kannel = false;

    QStringList storageArguments() const
    {
        QStringList args{QStringLiteral("--config"), m_configPath};
        if (!m_backend.postgresUrl.isEmpty())
            return args << QStringLiteral("--database") << m_backend.postgresUrl;
        return args << QStringLiteral("--data-dir")
                    << m_backend.dir.filePath(QStringLiteral("data"));
    }

    std::shared_ptr<ServerProcess> startServer()
    {
        auto s = std::make_shared<ServerProcess>();
        QProcess &p = s->process;
        QStringList extra;
        QString listen = QStringLiteral("127.0.0.1:0");
        if (m_kannel) {
            extra << QStringLiteral("--kannel")
                  << qEnvironmentVariable("FRONTDESK_TEST_KANNEL_SENDSMS");
            const bool taken = std::any_of(m_servers.cbegin(), m_servers.cend(), [](const auto &o) {
                return o->callbackPort && o->process.state() == QProcess::Running;
            });
            if (!taken) {
                listen = QStringLiteral("127.0.0.1:") +
                         qEnvironmentVariable("FRONTDESK_TEST_KANNEL_CALLBACK_PORT");
                s->callbackPort = true;
            }
        }
        QByteArray said;
        s->base = frontdesk::testing::startServerProcess(
            p, QStringLiteral(FRONTDESK_SERVER_PATH),
            storageArguments() +
                QStringList{QStringLiteral("--listen"), listen, QStringLiteral("--insecure-http"),
                            QStringLiteral("--smtp"),
                            QStringLiteral("smtp://%1@127.0.0.1:%2")
                                .arg(qEnvironmentVariable("FRONTDESK_TEST_SMTP_USER"),
                                     qEnvironmentVariable("FRONTDESK_TEST_SMTP_PORT"))} +
                extra,
            &said);
        if (s->base.isEmpty()) {
            qWarning("frontdesk-server did not start: %s", said.constData());
            return nullptr;
        }
        // Everything it says from now on, for the checks of what its log holds.
        connect(&p, &QProcess::readyReadStandardError, this,
                [raw = s.get()] { raw->log += raw->process.readAllStandardError(); });
        m_servers << s;
        return s;
    }

    QByteArray allLogs() const
    {
        QByteArray all;
        for (const auto &s : m_servers)
            all += s->log;
        return all;
    }

    Answer http(const QByteArray &method, const QString &path, const QJsonObject &body = {})
    {
        QNetworkRequest request(QUrl(m_servers.last()->base + path));
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/fhir+json"));
        if (!m_token.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + m_token.toLatin1());
        QNetworkReply *reply = m_network.sendCustomRequest(
            request, method,
            body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact));
        QEventLoop loop;
        connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        Answer a;
        a.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        a.json = QJsonDocument::fromJson(reply->readAll()).object();
        reply->deleteLater();
        return a;
    }

    QString patientWith(const QString &email, const QString &mobile, const QString &language = {})
    {
        frontdesk::Patient p;
        p.familyName = QStringLiteral("Weiß");
        p.givenName = QStringLiteral("Anna");
        p.birthDate = QDate(1980, 2, 3);
        p.mrn = QStringLiteral("MRN-") + QUuid::createUuid().toString(QUuid::Id128).left(12);
        p.email = email;
        p.phoneMobile = mobile;
        p.preferredLanguage = language;
        const Answer a =
            http("POST", QStringLiteral("/fhir/Patient"), frontdesk::FhirMapping::toFhir(p));
        if (a.status != 201)
            qWarning("patient: %d", a.status);
        return a.json.value(QStringLiteral("id")).toString();
    }

    // Queues a message as a workstation's push does: a Communication in preparation.
    QString queue(const QString &channel, const QString &patient, const QString &subject,
                  const QString &text)
    {
        Message m;
        m.patientId = patient;
        m.channel = channel;
        m.purpose = QStringLiteral("administrative");
        m.subject = subject;
        m.body = text;
        const Answer a =
            http("POST", QStringLiteral("/fhir/Communication"), CommunicationMapping::toFhir(m));
        if (a.status != 201)
            qWarning("communication: %d", a.status);
        return a.json.value(QStringLiteral("id")).toString();
    }

    QString queueEmail(const QString &address, const QString &subject, const QString &text)
    {
        return queue(QStringLiteral("email"), patientWith(address, {}), subject, text);
    }

    // The last SMS the phone network (fakesmsc) got for this number, from its lines
    // "Got message N: <from to ucs-2 url-encoded-UTF-16BE>".
    static QString smsReceivedBy(const QString &to)
    {
        QFile phones(qEnvironmentVariable("FRONTDESK_TEST_KANNEL_PHONES"));
        if (!phones.open(QIODevice::ReadOnly))
            return {};
        QString got;
        for (const QByteArray &line : phones.readAll().split('\n')) {
            const qsizetype open = line.indexOf("Got message");
            const qsizetype close = line.lastIndexOf('>');
            if (open < 0 || close < 0)
                continue;
            const QList<QByteArray> parts =
                line.mid(line.indexOf('<', open) + 1, close - line.indexOf('<', open) - 1)
                    .split(' ');
            if (parts.size() != 4 || parts[1] != to.toLatin1() || parts[2] != "ucs-2")
                continue;
            // Form encoding: '+' is a space byte.
            const QByteArray utf16 =
                QByteArray::fromPercentEncoding(QByteArray(parts[3]).replace('+', "%20"));
            got.clear();
            for (qsizetype i = 0; i + 1 < utf16.size(); i += 2)
                got += QChar(ushort((uchar(utf16[i]) << 8) | uchar(utf16[i + 1])));
        }
        return got;
    }

    // A number of this run: "+49 170 " and seven digits.
    QString phoneNumber(int n) const
    {
        const uint digits = (qHash(m_run) + uint(n) * 7919u) % 10000000u;
        return QStringLiteral("+49 170 %1").arg(digits, 7, 10, QLatin1Char('0'));
    }

    // An SMS from a phone: fakesmsc on Kannel's inbound SMSC, until the server stored it.
    QJsonObject smsFrom(const QString &phone, const QString &text)
    {
        const QString from = QString(phone).remove(QLatin1Char(' '));
        QProcess phoneProcess;
        phoneProcess.start(qEnvironmentVariable("FRONTDESK_TEST_FAKESMSC"),
                           {QStringLiteral("-H"), QStringLiteral("127.0.0.1"), QStringLiteral("-r"),
                            qEnvironmentVariable("FRONTDESK_TEST_KANNEL_MO_PORT"),
                            QStringLiteral("-i"), QStringLiteral("0.1"), QStringLiteral("-m"),
                            QStringLiteral("1"),
                            QStringLiteral("%1 4930123456 text %2").arg(from, text)});
        QJsonObject found;
        (void)QTest::qWaitFor(
            [&] {
                // Unread, or handled when the server acted on the reply word.
                QJsonArray all;
                for (const QString &status :
                     {QStringLiteral("received"), QStringLiteral("handled")})
                    for (const QJsonValue &e :
                         http(
                             "GET",
                             QStringLiteral("/fhir/Communication?status=%1&_count=500").arg(status))
                             .json.value(QStringLiteral("entry"))
                             .toArray())
                        all.append(e);
                for (const QJsonValue &e : all) {
                    const QJsonObject c = e.toObject().value(QStringLiteral("resource")).toObject();
                    if (extension(c, QStringLiteral("urn:frontdesk:message-from")) == from)
                        found = c;
                }
                return !found.isEmpty();
            },
            20000);
        phoneProcess.kill();
        phoneProcess.waitForFinished(5000);
        return found;
    }

    QJsonObject communication(const QString &id)
    {
        return http("GET", QStringLiteral("/fhir/Communication/") + id).json;
    }

    bool waitForStatus(const QString &id, const QString &fhirStatus, int ms = 20000)
    {
        return QTest::qWaitFor(
            [&] {
                return communication(id).value(QStringLiteral("status")).toString() == fhirStatus;
            },
            ms);
    }

    static QString extension(const QJsonObject &o, const QString &url)
    {
        for (const QJsonValue &e : o.value(QStringLiteral("extension")).toArray())
            if (e.toObject().value(QStringLiteral("url")).toString() == url)
                return e.toObject().value(QStringLiteral("valueString")).toString() +
                       e.toObject().value(QStringLiteral("valueCode")).toString();
        return {};
    }

    // What the SMTP server accepted for this recipient: (parsed, raw) per message.
    QList<QPair<QJsonObject, QByteArray>> mailsTo(const QString &address) const
    {
        QList<QPair<QJsonObject, QByteArray>> found;
        const QDir dir(m_smtpDir);
        for (const QString &name : dir.entryList({QStringLiteral("*.json")}, QDir::Files)) {
            QFile f(dir.filePath(name));
            if (!f.open(QIODevice::ReadOnly))
                continue;
            const QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
            if (!o.value(QStringLiteral("rcpt_tos")).toArray().contains(address))
                continue;
            QFile raw(dir.filePath(name.chopped(5) + QStringLiteral(".eml")));
            (void)raw.open(QIODevice::ReadOnly);
            found.append({o, raw.readAll()});
        }
        return found;
    }

    QString create(const QString &type, const QJsonObject &resource)
    {
        const Answer a = http("POST", QStringLiteral("/fhir/") + type, resource);
        if (a.status != 201)
            qWarning("%s: %d %s", qPrintable(type), a.status,
                     QJsonDocument(a.json).toJson(QJsonDocument::Compact).constData());
        return a.json.value(QStringLiteral("id")).toString();
    }

    // The current resources of a type about a patient.
    QList<QJsonObject> ofPatient(const QString &type, const QString &patient)
    {
        QList<QJsonObject> found;
        for (const QJsonValue &e :
             http("GET", QStringLiteral("/fhir/%1?patient=%2&_count=500").arg(type, patient))
                 .json.value(QStringLiteral("entry"))
                 .toArray())
            found << e.toObject().value(QStringLiteral("resource")).toObject();
        return found;
    }

    Appointment appointment(const QString &id)
    {
        auto a = ScheduleMapping::appointmentFromFhir(
            http("GET", QStringLiteral("/fhir/Appointment/") + id).json);
        return a ? *a : Appointment();
    }

    struct Reminded
    {
        QString phone, patient, practitioner, appointment;
        QDateTime start;
    };

    // A patient with an appointment in two days and the reminder SMS about it, delivered.
    Reminded remindedAppointment(int n)
    {
        Reminded r;
        r.phone = phoneNumber(n);
        r.patient = patientWith({}, r.phone);
        frontdesk::Practitioner dr;
        dr.familyName = QStringLiteral("Replier %1").arg(n);
        r.practitioner = create(QStringLiteral("Practitioner"), ScheduleMapping::toFhir(dr));
        const QDateTime now = QDateTime::currentDateTimeUtc();
        r.start = QDateTime(now.date().addDays(2), QTime(now.time().hour(), 0), Qt::UTC);
        Appointment a;
        a.patientId = r.patient;
        a.practitionerId = r.practitioner;
        a.start = r.start;
        a.end = r.start.addSecs(30 * 60);
        r.appointment = create(QStringLiteral("Appointment"), ScheduleMapping::toFhir(a, false));
        Message m;
        m.patientId = r.patient;
        m.appointmentId = r.appointment;
        m.channel = QStringLiteral("sms");
        m.purpose = QStringLiteral("reminder");
        m.body = QStringLiteral("Ihr Termin übermorgen. C = bestätigen, STORNO = absagen");
        const QString reminder =
            create(QStringLiteral("Communication"), CommunicationMapping::toFhir(m));
        if (!waitForStatus(reminder, QStringLiteral("completed")))
            qWarning("the reminder %s was not delivered", qPrintable(reminder));
        return r;
    }

    // The status changes (Provenance) of an appointment, as a workstation pulls them.
    QList<frontdesk::StatusChange> statusChanges(const Reminded &r)
    {
        QList<frontdesk::StatusChange> found;
        for (const QJsonObject &o : ofPatient(QStringLiteral("Provenance"), r.patient)) {
            auto c = BookingMapping::statusChangeFromFhir(o);
            if (c && c->appointmentId == r.appointment) {
                c->meta.id = FhirJson::changedBy(o); // who made the version, for the checks
                found << *c;
            }
        }
        return found;
    }

    QString address(const QString &local) const
    {
        return QStringLiteral("%1-%2@patients.example").arg(local, m_run);
    }

private slots:
    void initTestCase()
    {
        m_smtpDir = qEnvironmentVariable("FRONTDESK_TEST_SMTP_DIR");
        if (m_smtpDir.isEmpty() || qEnvironmentVariable("FRONTDESK_TEST_SMTP_PORT").isEmpty())
            QSKIP("No test SMTP server (FRONTDESK_TEST_SMTP_PORT/_DIR unset): run through "
                  "scripts/test, which starts one with python3-aiosmtpd");
        QVERIFY(m_backend.dir.isValid());
        if (frontdesk::test::ServerTestBackend::wantsPostgres()) {
            QString why;
            if (!m_backend.createPostgresDatabase(&why))
                QSKIP(qPrintable(QStringLiteral("PostgreSQL is not available: ") + why));
        }
        const QString passwordFile = m_backend.dir.filePath(QStringLiteral("smtp-password"));
        QFile password(passwordFile);
        QVERIFY(password.open(QIODevice::WriteOnly));
        password.write(qEnvironmentVariable("FRONTDESK_TEST_SMTP_PASSWORD").toUtf8() + '\n');
        password.close();
        // Short waits so the retries and the lease of a killed process pass within the test.
        m_configPath = m_backend.dir.filePath(QStringLiteral("server.conf"));
        QFile config(m_configPath);
        QVERIFY(config.open(QIODevice::WriteOnly));
        // The relay's STARTTLS certificate is self-signed: trusted through smtp_ca_file.
        if (!qEnvironmentVariable("FRONTDESK_TEST_SMTP_CA").isEmpty())
            config.write(QStringLiteral("smtp_ca_file = %1\n")
                             .arg(qEnvironmentVariable("FRONTDESK_TEST_SMTP_CA"))
                             .toUtf8());
        config.write(QStringLiteral("smtp_from = %1\nsmtp_password_file = %2\n"
                                    "dispatch_interval_seconds = 0.1\n"
                                    "dispatch_lease_seconds = 2\n"
                                    "dispatch_retry_seconds = 0.2\n"
                                    "dispatch_max_attempts = 4\n"
                                    // Only at start, before the test adds a rule: the dry run
                                    // then shows what is due.
                                    "reminder_interval_seconds = 3600\n")
                         .arg(kFrom, passwordFile)
                         .toUtf8());
        m_kannel = !qEnvironmentVariable("FRONTDESK_TEST_KANNEL_SENDSMS").isEmpty() &&
                   m_backend.postgresUrl.isEmpty();
        if (m_kannel)
            config.write(QStringLiteral("kannel_user = %1\nkannel_password = %2\n"
                                        "kannel_from = 4930123456\n"
                                        "kannel_callback_secret = %3\n")
                             .arg(qEnvironmentVariable("FRONTDESK_TEST_KANNEL_USER"),
                                  qEnvironmentVariable("FRONTDESK_TEST_KANNEL_PASSWORD"),
                                  qEnvironmentVariable("FRONTDESK_TEST_KANNEL_SECRET"))
                             .toUtf8());
        config.close();

        const auto addUser = [&](const QString &name, const QString &role) {
            QProcess add;
            add.start(QStringLiteral(FRONTDESK_SERVER_PATH),
                      storageArguments() + QStringList{QStringLiteral("user"),
                                                       QStringLiteral("add"), name,
                                                       QStringLiteral("--role"), role});
            QVERIFY(add.waitForStarted());
            add.write(kPassword.toUtf8() + '\n');
            add.closeWriteChannel();
            QVERIFY(add.waitForFinished(60000));
            QVERIFY2(add.exitCode() == 0, add.readAllStandardError().constData());
        };
        const auto login = [&](const QString &name) {
            m_token.clear();
            const Answer a = http("POST", QStringLiteral("/auth/login"),
                                  QJsonObject{{QStringLiteral("username"), name},
                                              {QStringLiteral("password"), kPassword}});
            m_token = a.json.value(QStringLiteral("access_token")).toString();
            return a.status;
        };
        addUser(QStringLiteral("alice"), QStringLiteral("receptionist"));
        if (m_kannel)
            addUser(QStringLiteral("root"), QStringLiteral("admin"));
        QVERIFY(startServer());
        if (m_kannel) {
            // The SMS tests run at any hour: the clinic has no quiet hours (by default the
            // server holds SMS from 20:00 to 08:00), set as a workstation's administrator does.
            QCOMPARE(login(QStringLiteral("root")), 200);
            const Answer clinic =
                http("PUT",
                     QStringLiteral("/fhir/Organization/") +
                         frontdesk::ClinicSettingsMapping::resourceId(),
                     frontdesk::ClinicSettingsMapping::toFhir(
                         {{QStringLiteral("clinic_quiet_hours"), QStringLiteral("00:00-00:00")}}));
            QVERIFY2(clinic.status == 200 || clinic.status == 201,
                     QJsonDocument(clinic.json).toJson().constData());
        }
        QCOMPARE(login(QStringLiteral("alice")), 200);
    }

    void cleanupTestCase()
    {
        for (const auto &s : m_servers) {
            s->process.terminate();
            s->process.waitForFinished(5000);
        }
        // Nothing about a patient in the logs: no address, no subject, no text.
        const QByteArray logs = allLogs();
        QVERIFY2(!logs.contains("patients.example"), logs.constData());
        QVERIFY(!logs.contains("Praxis Müller"));
        QVERIFY(!logs.contains("Termin"));
        QVERIFY(!logs.contains("+49170"));
        QVERIFY(!logs.contains("danke"));
        m_servers.clear();
        m_backend.dropPostgresDatabase();
    }

    void anEmailArrivesAsWritten()
    {
        const QString to = address(QStringLiteral("anna"));
        // Long enough to be folded over several encoded-words; a line starting with a dot
        // (SMTP's end of data, were it not stuffed).
        const QString subject = QStringLiteral(
            "Ihr Termin am Dienstag, 7. Juli, um 9:30 Uhr – bitte bestätigen ✓ (Praxis Müller)");
        const QString text = QStringLiteral("Guten Tag Frau Weiß,\n.\nwir freuen uns auf Sie. "
                                            "Grüße aus der Praxis 👋\n-- \nPraxis Müller");
        const QString id = queueEmail(to, subject, text);
        QVERIFY(!id.isEmpty());
        QVERIFY(waitForStatus(id, QStringLiteral("in-progress")));
        const QJsonObject sent = communication(id);
        QCOMPARE(extension(sent, QStringLiteral("urn:frontdesk:message-status")),
                 QStringLiteral("sent"));
        const QString messageId = QStringLiteral("<%1@praxis.example>").arg(id);
        QCOMPARE(extension(sent, QStringLiteral("urn:frontdesk:message-provider-id")), messageId);

        const auto mails = mailsTo(to);
        QCOMPARE(mails.size(), 1);
        const QJsonObject mail = mails.first().first;
        const QJsonObject headers = mail.value(QStringLiteral("headers")).toObject();
        QCOMPARE(mail.value(QStringLiteral("mail_from")).toString(),
                 QStringLiteral("noreply@praxis.example"));
        QCOMPARE(mail.value(QStringLiteral("authenticated_as")).toString(),
                 qEnvironmentVariable("FRONTDESK_TEST_SMTP_USER"));
        // Signed in and sent after STARTTLS, whenever the relay offers it.
        QCOMPARE(mail.value(QStringLiteral("tls")).toBool(),
                 !qEnvironmentVariable("FRONTDESK_TEST_SMTP_CA").isEmpty());
        QCOMPARE(headers.value(QStringLiteral("Subject")).toString(), subject);
        QCOMPARE(headers.value(QStringLiteral("From")).toString(), kFrom);
        QCOMPARE(headers.value(QStringLiteral("To")).toString(), to);
        QCOMPARE(headers.value(QStringLiteral("Message-ID")).toString(), messageId);
        QCOMPARE(headers.value(QStringLiteral("MIME-Version")).toString(), QStringLiteral("1.0"));
        QCOMPARE(mail.value(QStringLiteral("content_type")).toString(),
                 QStringLiteral("text/plain"));
        QCOMPARE(mail.value(QStringLiteral("charset")).toString(), QStringLiteral("utf-8"));
        QCOMPARE(mail.value(QStringLiteral("transfer_encoding")).toString(),
                 QStringLiteral("base64"));
        QString received = mail.value(QStringLiteral("text")).toString();
        received.replace(QLatin1String("\r\n"), QLatin1String("\n"));
        QCOMPARE(received, text);
        // The Date the mail program shows is the time the Communication says it was sent.
        const QDateTime date = QDateTime::fromString(
            headers.value(QStringLiteral("Date")).toString(), Qt::RFC2822Date);
        const QDateTime sentAt =
            QDateTime::fromString(sent.value(QStringLiteral("sent")).toString(), Qt::ISODateWithMs);
        QVERIFY2(date.isValid() && qAbs(date.secsTo(sentAt)) <= 2,
                 qPrintable(headers.value(QStringLiteral("Date")).toString()));
        // On the wire: 7-bit lines of at most 78 characters, the subject as encoded-words.
        const QByteArray raw = mails.first().second;
        QVERIFY(raw.contains("\r\nSubject: =?UTF-8?B?"));
        for (const QByteArray &line : raw.split('\n')) {
            QVERIFY2(line.size() <= 79, line.constData());
            for (const char c : line)
                QVERIFY(uchar(c) < 0x80);
        }
        // The change reaches the workstations through the history they pull.
        const Answer history =
            http("GET", QStringLiteral("/fhir/Communication/%1/_history").arg(id));
        QCOMPARE(history.json.value(QStringLiteral("total")).toInt(), 2);
    }

    void aTemporaryFailureIsRetried()
    {
        const QString to = address(QStringLiteral("tempfail"));
        const QString id = queueEmail(to, QStringLiteral("Termin"), QStringLiteral("Hallo"));
        QVERIFY(waitForStatus(id, QStringLiteral("in-progress")));
        QCOMPARE(mailsTo(to).size(), 1);
        QVERIFY2(allLogs().contains("temporary failure (SMTP 451), attempt 1"),
                 allLogs().constData());
    }

    void aPermanentFailureIsRecordedWithTheReason()
    {
        const QString to = address(QStringLiteral("reject"));
        const QString id = queueEmail(to, QStringLiteral("Termin"), QStringLiteral("Hallo"));
        QVERIFY(waitForStatus(id, QStringLiteral("not-done")));
        const QJsonObject failed = communication(id);
        QCOMPARE(extension(failed, QStringLiteral("urn:frontdesk:message-status")),
                 QStringLiteral("failed"));
        const QString reason = failed.value(QStringLiteral("statusReason"))
                                   .toObject()
                                   .value(QStringLiteral("text"))
                                   .toString();
        QVERIFY2(reason.contains(QLatin1String("550")) &&
                     reason.contains(QLatin1String("No such user here")),
                 qPrintable(reason));
        QCOMPARE(mailsTo(to).size(), 0);
    }

    void anSmsReachesThePhoneAndItsDeliveryReportTheMessage()
    {
        if (!m_kannel)
            QSKIP("No test Kannel here (run through scripts/test; the SMS tests run once, in "
                  "dispatch_file, as Kannel calls back one port)");
        const QString phone = phoneNumber(1);
        const QString patient = patientWith({}, phone);
        // "–" and "✓" are not GSM-7: the message goes as UCS-2.
        const QString text = QStringLiteral("Ihr Termin morgen 9:30 – bitte mit C bestätigen ✓");
        const QString id = queue(QStringLiteral("sms"), patient, {}, text);
        QVERIFY(!id.isEmpty());
        QVERIFY(waitForStatus(id, QStringLiteral("completed")));
        const QJsonObject delivered = communication(id);
        QCOMPARE(extension(delivered, QStringLiteral("urn:frontdesk:message-status")),
                 QStringLiteral("delivered"));
        QVERIFY(delivered.contains(QStringLiteral("sent")));
        QVERIFY(delivered.contains(QStringLiteral("received")));
        // fakesmsc may write its line a moment after the report came back.
        QTRY_COMPARE_WITH_TIMEOUT(smsReceivedBy(QString(phone).remove(QLatin1Char(' '))), text,
                                  10000);
    }

    void anInboundSmsIsMatchedToThePatient()
    {
        if (!m_kannel)
            QSKIP("No test Kannel here (see above)");
        // Stored as "0170 ..." and sent from "+49 170 ...": one number.
        const QString phone = phoneNumber(2);
        const QString patient = patientWith({}, QStringLiteral("0") + phone.mid(4));
        const QJsonObject inbound = smsFrom(phone, QStringLiteral("C danke, bis morgen"));
        QVERIFY(!inbound.isEmpty());
        auto m = CommunicationMapping::messageFromFhir(inbound);
        QVERIFY2(m, qPrintable(m ? QString() : m.error()));
        QCOMPARE(m->patientId, patient);
        QCOMPARE(m->direction, QStringLiteral("inbound"));
        QCOMPARE(m->body, QStringLiteral("C danke, bis morgen"));
        QCOMPARE(inbound.value(QStringLiteral("sender"))
                     .toObject()
                     .value(QStringLiteral("reference"))
                     .toString(),
                 QStringLiteral("Patient/") + patient);
    }

    void anInboundSmsFromASharedNumberStaysUnassigned()
    {
        if (!m_kannel)
            QSKIP("No test Kannel here (see above)");
        const QString phone = phoneNumber(3);
        const QStringList family{patientWith({}, phone), patientWith({}, phone)};
        const QJsonObject inbound = smsFrom(phone, QStringLiteral("Wer kommt morgen?"));
        QVERIFY(!inbound.isEmpty());
        auto m = CommunicationMapping::messageFromFhir(inbound);
        QVERIFY2(m, qPrintable(m ? QString() : m.error()));
        QVERIFY(m->patientId.isEmpty());
        QVERIFY(!inbound.contains(QStringLiteral("subject")));
        QStringList candidates = m->candidatePatientIds;
        candidates.sort();
        QStringList expected = family;
        expected.sort();
        QCOMPARE(candidates, expected);
    }

    void anInboundCConfirmsTheAppointmentItAnswers()
    {
        if (!m_kannel)
            QSKIP("No test Kannel here (see above)");
        const Reminded r = remindedAppointment(10);
        const QJsonObject reply = smsFrom(r.phone, QStringLiteral("C"));
        QVERIFY(!reply.isEmpty());
        auto m = CommunicationMapping::messageFromFhir(reply);
        QVERIFY2(m, qPrintable(m ? QString() : m.error()));
        // Acted on, so nobody needs to read it; linked to the appointment it answers.
        QCOMPARE(m->status, QStringLiteral("handled"));
        QCOMPARE(m->appointmentId, r.appointment);
        QCOMPARE(appointment(r.appointment).status, AppointmentStatus::Confirmed);
        QCOMPARE(FhirJson::changedBy(
                     http("GET", QStringLiteral("/fhir/Appointment/") + r.appointment).json),
                 QStringLiteral("frontdesk-server"));
        // The status history row the dashboard counts, as a workstation writes it.
        const QList<frontdesk::StatusChange> changes = statusChanges(r);
        QCOMPARE(changes.size(), 1);
        QCOMPARE(changes.first().to, AppointmentStatus::Confirmed);
        QVERIFY(changes.first().from == AppointmentStatus::Booked);
        QCOMPARE(changes.first().changedBy, QStringLiteral("frontdesk-server"));
        QCOMPARE(changes.first().meta.id, QStringLiteral("frontdesk-server"));
    }

    void aCancelWordFreesTheSlotAndOffersItToTheWaitlist()
    {
        if (!m_kannel)
            QSKIP("No test Kannel here (see above)");
        const Reminded r = remindedAppointment(11);
        frontdesk::WaitlistEntry wish;
        wish.patientId = patientWith({}, phoneNumber(12));
        wish.practitionerId = r.practitioner;
        wish.minutes = 20;
        QVERIFY(!create(QStringLiteral("Appointment"), BookingMapping::toFhir(wish)).isEmpty());

        const QJsonObject reply = smsFrom(r.phone, QStringLiteral("Storno, ich bin krank"));
        QVERIFY(!reply.isEmpty());
        QCOMPARE(CommunicationMapping::messageFromFhir(reply)->status, QStringLiteral("handled"));
        QCOMPARE(appointment(r.appointment).status, AppointmentStatus::Cancelled);
        const QList<frontdesk::StatusChange> changes = statusChanges(r);
        QCOMPARE(changes.size(), 1);
        QCOMPARE(changes.first().to, AppointmentStatus::Cancelled);
        QCOMPARE(changes.first().cancelledBy, frontdesk::CancelledBy::Patient);
        QVERIFY(!changes.first().reason.isEmpty());

        // The waiting patient's Task for the front desk names the freed time.
        const QList<QJsonObject> tasks = ofPatient(QStringLiteral("Task"), wish.patientId);
        QCOMPARE(tasks.size(), 1);
        auto offer = frontdesk::PatientRecordMapping::recallFromFhir(tasks.first());
        QVERIFY2(offer, qPrintable(offer ? QString() : offer.error()));
        QCOMPARE(offer->practitionerId, r.practitioner);
        QCOMPARE(offer->status, QStringLiteral("open"));
        QVERIFY2(offer->reason.contains(QStringLiteral("Replier 11")) &&
                     offer->reason.contains(r.start.toString(QStringLiteral("HH:mm"))),
                 qPrintable(offer->reason));

        // The time is free: another patient is booked into it.
        Appointment other;
        other.patientId = patientWith({}, phoneNumber(14));
        other.practitionerId = r.practitioner;
        other.start = r.start;
        other.end = r.start.addSecs(30 * 60);
        QCOMPARE(
            http("POST", QStringLiteral("/fhir/Appointment"), ScheduleMapping::toFhir(other, false))
                .status,
            201);
    }

    void stopOptsTheNumberOutOfSms()
    {
        if (!m_kannel)
            QSKIP("No test Kannel here (see above)");
        const QString phone = phoneNumber(13);
        const QString patient = patientWith({}, phone);
        // Clinical messages go by email: STOP leaves that alone.
        frontdesk::CommunicationPreference byEmail;
        byEmail.patientId = patient;
        byEmail.purpose = QStringLiteral("clinical");
        byEmail.channel = QStringLiteral("email");
        QVERIFY(!create(QStringLiteral("Consent"),
                        FhirMapping::toFhir(byEmail, QStringLiteral("Patient/") + patient))
                     .isEmpty());

        const QJsonObject reply = smsFrom(phone, QStringLiteral("STOP"));
        QVERIFY(!reply.isEmpty());
        QCOMPARE(CommunicationMapping::messageFromFhir(reply)->status, QStringLiteral("handled"));
        QMap<QString, frontdesk::CommunicationPreference> byPurpose;
        for (const QJsonObject &o : ofPatient(QStringLiteral("Consent"), patient)) {
            auto p = FhirMapping::communicationPreferenceFromFhir(o);
            QVERIFY2(p, qPrintable(p ? QString() : p.error()));
            byPurpose.insert(p->purpose, *p);
            if (p->purpose != QLatin1String("clinical"))
                QCOMPARE(FhirJson::changedBy(o), QStringLiteral("frontdesk-server"));
        }
        QStringList purposes = frontdesk::CommunicationPreference::purposes();
        purposes.sort();
        QCOMPARE(byPurpose.keys(), purposes);
        QVERIFY(!byPurpose.value(QStringLiteral("clinical")).optedOut);
        QCOMPARE(byPurpose.value(QStringLiteral("clinical")).channel, QStringLiteral("email"));
        for (const QString &purpose : {QStringLiteral("reminder"), QStringLiteral("administrative"),
                                       QStringLiteral("marketing")}) {
            QVERIFY2(byPurpose.value(purpose).optedOut, qPrintable(purpose));
            QCOMPARE(byPurpose.value(purpose).channel, QStringLiteral("sms"));
        }
        // A later SMS is refused by the rule when it would leave, saying why.
        const QString later = queue(QStringLiteral("sms"), patient, {}, QStringLiteral("Hallo"));
        QVERIFY(waitForStatus(later, QStringLiteral("not-done")));
        const QString reason = communication(later)
                                   .value(QStringLiteral("statusReason"))
                                   .toObject()
                                   .value(QStringLiteral("text"))
                                   .toString();
        QVERIFY2(reason.contains(QLatin1String("opted out")), qPrintable(reason));
    }

    // A follow-up's survey, answered from the phone: the SMS as the follow-up rule writes it
    // (purpose survey, about the visit, the question last) goes out through Kannel and reaches
    // the phone, the phone answers "4", and frontdesk-server records a QuestionnaireResponse
    // with 4 for that patient, visit and survey. (The rule's planning is tst_automation's: a
    // rule only follows up visits completed after it was added, a minute later at the soonest.)
    void aSurveyIsAnsweredFromThePhone()
    {
        if (!m_kannel)
            QSKIP("No test Kannel here (see above)");
        const QString phone = phoneNumber(15);
        const QString patient = patientWith({}, phone);
        frontdesk::Practitioner dr;
        dr.familyName = QStringLiteral("Surveyor");
        const QString practitioner =
            create(QStringLiteral("Practitioner"), ScheduleMapping::toFhir(dr));
        const QDateTime now = QDateTime::currentDateTimeUtc();
        Appointment visit;
        visit.patientId = patient;
        visit.practitionerId = practitioner;
        visit.status = AppointmentStatus::Completed;
        visit.start = QDateTime(now.date().addDays(-1), QTime(9, 0), Qt::UTC);
        visit.end = visit.start.addSecs(20 * 60);
        const QString visited =
            create(QStringLiteral("Appointment"), ScheduleMapping::toFhir(visit, false));
        QVERIFY(!visited.isEmpty());

        // "–" is not GSM-7: sent as UCS-2, which the phone's log shows as it was written; one
        // part (70 characters at most) for the log's one line.
        const QString question = QStringLiteral("Wie war es? 1 (schlecht) – 5 (sehr gut)");
        Message survey;
        survey.patientId = patient;
        survey.appointmentId = visited;
        survey.channel = QStringLiteral("sms");
        survey.purpose = QStringLiteral("survey");
        survey.body = QStringLiteral("Danke, Anna.\n") + question;
        const QString asked =
            create(QStringLiteral("Communication"), CommunicationMapping::toFhir(survey));
        QVERIFY(!asked.isEmpty());
        QVERIFY(waitForStatus(asked, QStringLiteral("completed")));
        QTRY_COMPARE_WITH_TIMEOUT(smsReceivedBy(QString(phone).remove(QLatin1Char(' '))),
                                  survey.body, 10000);

        const QJsonObject reply = smsFrom(phone, QStringLiteral("4"));
        QVERIFY(!reply.isEmpty());
        auto m = CommunicationMapping::messageFromFhir(reply);
        QVERIFY2(m, qPrintable(m ? QString() : m.error()));
        // Acted on: nobody needs to read it; filed under the survey and its visit.
        QCOMPARE(m->status, QStringLiteral("handled"));
        QCOMPARE(m->purpose, QStringLiteral("survey"));
        QCOMPARE(m->appointmentId, visited);

        QList<QJsonObject> answers;
        QVERIFY(QTest::qWaitFor(
            [&] {
                answers = ofPatient(QStringLiteral("QuestionnaireResponse"), patient);
                return !answers.isEmpty();
            },
            10000));
        QCOMPARE(answers.size(), 1);
        QCOMPARE(FhirJson::changedBy(answers.first()), QStringLiteral("frontdesk-server"));
        auto answer = frontdesk::SurveyAnswerMapping::fromFhir(answers.first());
        QVERIFY2(answer, qPrintable(answer ? QString() : answer.error()));
        QCOMPARE(answer->score, 4);
        QCOMPARE(answer->patientId, patient);
        QCOMPARE(answer->appointmentId, visited);
        QCOMPARE(answer->questionMessageId, asked);
        QCOMPARE(answer->replyMessageId, m->meta.id);
        QCOMPARE(answer->question, question);
    }

    void severalServersSendEachMessageOnce()
    {
        QVERIFY(startServer());
        QVERIFY(startServer());
        QStringList ids;
        for (int i = 0; i < 12; ++i)
            ids << queueEmail(address(QStringLiteral("many%1").arg(i)), QStringLiteral("Termin"),
                              QStringLiteral("Hallo"));
        for (const QString &id : ids)
            QVERIFY(waitForStatus(id, QStringLiteral("in-progress")));
        for (int i = 0; i < 12; ++i)
            QCOMPARE(mailsTo(address(QStringLiteral("many%1").arg(i))).size(), 1);
    }

    void aServerKilledMidSendDoesNotSendAgain()
    {
        const QString to = address(QStringLiteral("slow"));
        const QString id = queueEmail(to, QStringLiteral("Termin"), QStringLiteral("Hallo"));
        // The relay has the message and holds back its 250: whoever sent it is mid-send.
        QVERIFY(QTest::qWaitFor([&] { return mailsTo(to).size() == 1; }, 20000));
        for (const auto &s : m_servers) {
            s->process.kill();
            s->process.waitForFinished(5000);
        }
        QVERIFY(startServer());
        QVERIFY(waitForStatus(id, QStringLiteral("not-done")));
        const QString reason = communication(id)
                                   .value(QStringLiteral("statusReason"))
                                   .toObject()
                                   .value(QStringLiteral("text"))
                                   .toString();
        QVERIFY2(reason.contains(QLatin1String("may or may not")), qPrintable(reason));
        // The new server goes on sending others, and never this one again.
        const QString next = address(QStringLiteral("after"));
        const QString nextId = queueEmail(next, QStringLiteral("Termin"), QStringLiteral("Hallo"));
        QVERIFY(waitForStatus(nextId, QStringLiteral("in-progress")));
        QCOMPARE(mailsTo(to).size(), 1);
        QCOMPARE(communication(id).value(QStringLiteral("status")).toString(),
                 QStringLiteral("not-done"));
    }

    // The reminder rules as the administrator manages them, and what is due now.
    void theAdministratorManagesReminderRules()
    {
        const auto run = [&](const QStringList &arguments, int expectedExit,
                             QByteArray *err = nullptr) {
            QProcess command;
            command.start(QStringLiteral(FRONTDESK_SERVER_PATH),
                          storageArguments() + QStringList{QStringLiteral("reminders")} +
                              arguments);
            if (!command.waitForFinished(60000))
                qWarning("reminders %s did not finish",
                         qPrintable(arguments.join(QLatin1Char(' '))));
            const QByteArray said = command.readAllStandardError();
            if (err)
                *err = said;
            if (command.exitCode() != expectedExit)
                qWarning("reminders %s: exit %d: %s", qPrintable(arguments.join(QLatin1Char(' '))),
                         command.exitCode(), said.constData());
            return command.exitCode() == expectedExit ? command.readAllStandardOutput()
                                                      : QByteArray("(wrong exit code)");
        };
        const QString id =
            QString::fromUtf8(run({QStringLiteral("add"), QStringLiteral("--before"),
                                   QStringLiteral("48h"), QStringLiteral("--text"),
                                   QStringLiteral("{first_name}, Ihr Termin am "
                                                  "{appointment_date} um {appointment_time}. C = "
                                                  "bestätigen, STORNO = absagen")},
                                  0))
                .trimmed();
        QCOMPARE(id.size(), 8);
        QByteArray err;
        run({QStringLiteral("add"), QStringLiteral("--before"), QStringLiteral("soon"),
             QStringLiteral("--text"), QStringLiteral("x")},
            2, &err);
        QVERIFY2(err.contains("48h"), err.constData());
        QCOMPARE(run({QStringLiteral("pause"), id}, 0), QByteArray());
        QJsonArray rules =
            QJsonDocument::fromJson(run({QStringLiteral("list"), QStringLiteral("--json")}, 0))
                .array();
        QCOMPARE(rules.size(), 1);
        QCOMPARE(rules.first().toObject().value(QStringLiteral("id")).toString(), id);
        QCOMPARE(rules.first().toObject().value(QStringLiteral("before")).toString(),
                 QStringLiteral("2d"));
        QCOMPARE(rules.first().toObject().value(QStringLiteral("active")).toBool(), false);
        QCOMPARE(
            QJsonDocument::fromJson(run({QStringLiteral("--dry-run"), QStringLiteral("--json")}, 0))
                .array()
                .size(),
            0);
        QCOMPARE(run({QStringLiteral("resume"), id}, 0), QByteArray());

        // The appointments the SMS tests booked two days ahead are due for this rule, but
        // were booked after its time: the dry run says so, and sends nothing.
        const QJsonArray due =
            QJsonDocument::fromJson(run({QStringLiteral("--dry-run"), QStringLiteral("--json")}, 0))
                .array();
        if (m_kannel) {
            QVERIFY(!due.isEmpty());
            for (const QJsonValue &v : due) {
                const QJsonObject r = v.toObject();
                QCOMPARE(r.value(QStringLiteral("rule")).toString(), id);
                QCOMPARE(r.value(QStringLiteral("action")).toString(), QStringLiteral("skip"));
                QVERIFY2(r.value(QStringLiteral("reason"))
                             .toString()
                             .contains(QLatin1String("Booked after")),
                         qPrintable(r.value(QStringLiteral("reason")).toString()));
                QCOMPARE(r.value(QStringLiteral("patient_name")).toString(),
                         QStringLiteral("Anna Weiß"));
            }
            const QString text = QString::fromUtf8(run({QStringLiteral("--dry-run")}, 0));
            QVERIFY2(text.contains(QStringLiteral("rule %1 (2d before)").arg(id)) &&
                         text.contains(QStringLiteral("not sent: Booked after")),
                     qPrintable(text));
        } else {
            QVERIFY(due.isEmpty());
            QCOMPARE(run({QStringLiteral("--dry-run")}, 0).trimmed(),
                     QByteArray("No reminder is due now."));
        }
        QCOMPARE(run({QStringLiteral("remove"), id}, 0), QByteArray());
        run({QStringLiteral("remove"), id}, 1, &err);
        QVERIFY2(err.contains("no reminder rule"), err.constData());
    }

    // The follow-up rules through the same command machinery, under their own word.
    void theAdministratorManagesFollowUpRules()
    {
        const auto run = [&](const QString &command, const QStringList &arguments, int expectedExit,
                             QByteArray *err = nullptr) {
            QProcess p;
            p.start(QStringLiteral(FRONTDESK_SERVER_PATH),
                    storageArguments() + QStringList{command} + arguments);
            if (!p.waitForFinished(60000))
                qWarning("%s did not finish", qPrintable(command));
            const QByteArray said = p.readAllStandardError();
            if (err)
                *err = said;
            if (p.exitCode() != expectedExit)
                qWarning("%s %s: exit %d: %s", qPrintable(command),
                         qPrintable(arguments.join(QLatin1Char(' '))), p.exitCode(),
                         said.constData());
            return p.exitCode() == expectedExit ? p.readAllStandardOutput()
                                                : QByteArray("(wrong exit code)");
        };
        const QString followups = QStringLiteral("followups");
        const QString id =
            QString::fromUtf8(
                run(followups,
                    {QStringLiteral("add"), QStringLiteral("--after"), QStringLiteral("1d"),
                     QStringLiteral("--text"), QStringLiteral("Danke, {first_name}!"),
                     QStringLiteral("--survey"),
                     QStringLiteral("Wie war Ihr Besuch? Antworten Sie 1 bis 5.")},
                    0))
                .trimmed();
        QCOMPARE(id.size(), 8);
        QByteArray err;
        run(followups,
            {QStringLiteral("add"), QStringLiteral("--before"), QStringLiteral("1d"),
             QStringLiteral("--text"), QStringLiteral("x")},
            2, &err);
        QVERIFY2(err.contains("before"), err.constData());
        run(followups,
            {QStringLiteral("add"), QStringLiteral("--after"), QStringLiteral("later"),
             QStringLiteral("--text"), QStringLiteral("x")},
            2, &err);
        QVERIFY2(err.contains("after the visit"), err.constData());
        QCOMPARE(run(followups, {QStringLiteral("pause"), id}, 0), QByteArray());
        // A follow-up's id is not a reminder's.
        run(QStringLiteral("reminders"), {QStringLiteral("remove"), id}, 1, &err);
        QVERIFY2(err.contains("no reminder rule"), err.constData());
        QCOMPARE(QJsonDocument::fromJson(run(QStringLiteral("reminders"),
                                             {QStringLiteral("list"), QStringLiteral("--json")}, 0))
                     .array()
                     .size(),
                 0);
        const QJsonArray rules =
            QJsonDocument::fromJson(
                run(followups, {QStringLiteral("list"), QStringLiteral("--json")}, 0))
                .array();
        QCOMPARE(rules.size(), 1);
        const QJsonObject rule = rules.first().toObject();
        QCOMPARE(rule.value(QStringLiteral("after")).toString(), QStringLiteral("1d"));
        QCOMPARE(rule.value(QStringLiteral("active")).toBool(), false);
        QCOMPARE(rule.value(QStringLiteral("survey")).toString(),
                 QStringLiteral("Wie war Ihr Besuch? Antworten Sie 1 bis 5."));
        const QString text = QString::fromUtf8(run(followups, {QStringLiteral("list")}, 0));
        QVERIFY2(text.contains(QStringLiteral("1d after")) &&
                     text.contains(QStringLiteral("survey")),
                 qPrintable(text));
        QCOMPARE(run(followups, {QStringLiteral("--dry-run")}, 0).trimmed(),
                 QByteArray("No follow-up is due now."));
        QCOMPARE(run(followups, {QStringLiteral("remove"), id}, 0), QByteArray());
        run(followups, {QStringLiteral("remove"), id}, 1, &err);
        QVERIFY2(err.contains("no follow-up rule"), err.constData());
    }

    // Several processes run the reminder scheduler on one database: each appointment gets its
    // reminder once, sent by e-mail (no mobile number), made by frontdesk-server.
    void severalServersMakeEachReminderOnce()
    {
        QProcess add;
        add.start(QStringLiteral(FRONTDESK_SERVER_PATH),
                  storageArguments() +
                      QStringList{QStringLiteral("reminders"), QStringLiteral("add"),
                                  QStringLiteral("--before"), QStringLiteral("1h"),
                                  QStringLiteral("--text"),
                                  QStringLiteral("{first_name}, bis {appointment_time}!")});
        QVERIFY(add.waitForFinished(60000));
        QVERIFY2(add.exitCode() == 0, add.readAllStandardError().constData());
        // Due three seconds after they were booked.
        const QDateTime start = QDateTime::currentDateTimeUtc().addSecs(3600 + 3);
        QStringList patients;
        for (int i = 0; i < 4; ++i) {
            // German: the time reads 09:30 whatever the server's own language.
            patients << patientWith(address(QStringLiteral("remind%1").arg(i)), {},
                                    QStringLiteral("de"));
            Appointment a;
            a.patientId = patients.last();
            a.practitionerId = QStringLiteral("dr-remind-%1").arg(i);
            a.start = start;
            a.end = start.addSecs(600);
            QVERIFY(!create(QStringLiteral("Appointment"), ScheduleMapping::toFhir(a, false))
                         .isEmpty());
        }
        // Two more processes that look every 0.1 s.
        QFile config(m_configPath);
        QVERIFY(config.open(QIODevice::ReadOnly));
        const QByteArray text = config.readAll().replace("reminder_interval_seconds = 3600",
                                                         "reminder_interval_seconds = 0.1");
        config.close();
        QVERIFY(config.open(QIODevice::WriteOnly | QIODevice::Truncate));
        config.write(text);
        config.close();
        QVERIFY(startServer());
        QVERIFY(startServer());
        const auto reminders = [&](const QString &patient) {
            QList<Message> found;
            for (const QJsonObject &o : ofPatient(QStringLiteral("Communication"), patient)) {
                auto m = CommunicationMapping::messageFromFhir(o);
                if (m && m->purpose == QLatin1String("reminder"))
                    found << *m;
            }
            return found;
        };
        for (int i = 0; i < patients.size(); ++i) {
            QTRY_VERIFY_WITH_TIMEOUT(
                mailsTo(address(QStringLiteral("remind%1").arg(i))).size() == 1, 15000);
        }
        // More rounds of every process: still one each.
        QTest::qWait(500);
        for (int i = 0; i < patients.size(); ++i) {
            const QList<Message> made = reminders(patients.at(i));
            QCOMPARE(made.size(), 1);
            QCOMPARE(made.first().channel, QStringLiteral("email"));
            QCOMPARE(made.first().authorName, QStringLiteral("frontdesk-server"));
            QCOMPARE(made.first().body,
                     QStringLiteral("Anna, bis %1!").arg(start.toString(QStringLiteral("HH:mm"))));
            QCOMPARE(mailsTo(address(QStringLiteral("remind%1").arg(i))).size(), 1);
        }
        QProcess list;
        list.start(QStringLiteral(FRONTDESK_SERVER_PATH),
                   storageArguments() + QStringList{QStringLiteral("reminders"),
                                                    QStringLiteral("list"),
                                                    QStringLiteral("--json")});
        QVERIFY(list.waitForFinished(60000));
        const QJsonArray rules = QJsonDocument::fromJson(list.readAllStandardOutput()).array();
        QCOMPARE(rules.size(), 1);
        QProcess remove;
        remove.start(
            QStringLiteral(FRONTDESK_SERVER_PATH),
            storageArguments() +
                QStringList{QStringLiteral("reminders"), QStringLiteral("remove"),
                            rules.first().toObject().value(QStringLiteral("id")).toString()});
        QVERIFY(remove.waitForFinished(60000));
        QCOMPARE(remove.exitCode(), 0);
    }

    // Last: the queue as `frontdesk-server messages` shows it to the administrator.
    void theAdministratorSeesTheQueue()
    {
        QProcess command;
        command.start(QStringLiteral(FRONTDESK_SERVER_PATH),
                      storageArguments() +
                          QStringList{QStringLiteral("messages"), QStringLiteral("--json")});
        QVERIFY(command.waitForFinished(60000));
        QVERIFY2(command.exitCode() == 0, command.readAllStandardError().constData());
        const QJsonObject o = QJsonDocument::fromJson(command.readAllStandardOutput()).object();
        const QJsonObject email =
            o.value(QStringLiteral("counts")).toObject().value(QStringLiteral("email")).toObject();
        // anna, tempfail, twelve, after, four reminders; reject; slow.
        QCOMPARE(email.value(QStringLiteral("sent")).toInt(), 19);
        QCOMPARE(email.value(QStringLiteral("failed")).toInt(), 1);
        QCOMPARE(email.value(QStringLiteral("unknown")).toInt(), 1);
        QStringList states;
        for (const QJsonValue &v : o.value(QStringLiteral("attention")).toArray()) {
            const QJsonObject e = v.toObject();
            states << e.value(QStringLiteral("state")).toString();
            if (e.value(QStringLiteral("state")).toString() == QLatin1String("failed"))
                QVERIFY(e.value(QStringLiteral("reason"))
                            .toString()
                            .contains(e.value(QStringLiteral("channel")).toString() ==
                                              QLatin1String("sms")
                                          ? QLatin1String("opted out")
                                          : QLatin1String("550")));
        }
        states.sort();
        // With Kannel, the SMS after a STOP failed too.
        QStringList expected{QStringLiteral("failed"), QStringLiteral("unknown")};
        if (m_kannel)
            expected.prepend(QStringLiteral("failed"));
        QCOMPARE(states, expected);
        if (m_kannel)
            QCOMPARE(o.value(QStringLiteral("counts"))
                         .toObject()
                         .value(QStringLiteral("sms"))
                         .toObject()
                         .value(QStringLiteral("sent"))
                         .toInt(),
                     4); // and the reminders answered by C and by a cancel word, and the survey
                         // answered by 4
    }
};

QTEST_GUILESS_MAIN(TestDispatch)
#include "tst_dispatch.moc"
