#include "CtlProcess.h"
#include "CtlSignIn.h"
#include "KeyFileDatabase.h"
#include "MessagingClinic.h"
#include "SystemConnection.h"

#include "storage/AppointmentRepository.h"
#include "storage/MessageRepository.h"
#include "storage/PractitionerRepository.h"
#include "storage/SurveyAnswerRepository.h"

// frontdeskctl message send and message list end to end: the message window's rules from the
// command line, the message queued for frontdesk-server, nothing queued when a rule refuses;
// message list shows each message's state, author, read state and assignee, message read
// marks a patient's replies read and message assign gives the conversation to a staff member;
// survey visits and survey record take a follow-up's survey answered on the phone.

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

class TestMessageCtl : public QObject
{
    Q_OBJECT

    QTemporaryDir m_tmp;
    QStringList m_signIn;
    QString m_anna;

    using Run = frontdesk::testing::CtlRun;
    Run ctl(const QStringList &args)
    {
        return frontdesk::testing::runCtl(
            QStringLiteral(FRONTDESK_CTL_PATH), m_tmp.filePath(QStringLiteral("data")),
            m_tmp.filePath(QStringLiteral("frontdesk.key")), m_signIn + args);
    }
    QJsonArray thread()
    {
        const Run r = ctl({QStringLiteral("message"), QStringLiteral("list"),
                           QStringLiteral("--patient"), m_anna, QStringLiteral("--json")});
        if (r.exitCode != 0)
            qWarning("%s", qPrintable(r.err));
        return QJsonDocument::fromJson(r.out.toUtf8()).array();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        QString problem;
        m_anna = frontdesk::testing::setUpMessagingClinic(
            [this](const QStringList &args) { return ctl(args); }, m_signIn,
            m_tmp.filePath(QStringLiteral("demo.pw")), &problem);
        QVERIFY2(!m_anna.isEmpty(), qPrintable(problem));
    }

    void sendQueuesAndListShowsTheThread()
    {
        QCOMPARE(thread().size(), 0);
        const QString text = QStringLiteral("Ihre Befunde sind da. Grüße aus der Praxis");
        // Anna prefers SMS for this purpose: e-mail is refused, saying so, and nothing is queued.
        const Run email = ctl({QStringLiteral("message"), QStringLiteral("send"),
                               QStringLiteral("--patient"), m_anna, QStringLiteral("--channel"),
                               QStringLiteral("email"), QStringLiteral("--subject"),
                               QStringLiteral("Befunde"), QStringLiteral("--text"), text});
        QCOMPARE(email.exitCode, 2);
        QVERIFY2(email.err.contains(QLatin1String("prefers SMS")), qPrintable(email.err));
        QCOMPARE(thread().size(), 0);
        const Run sent =
            ctl({QStringLiteral("message"), QStringLiteral("send"), QStringLiteral("--patient"),
                 m_anna, QStringLiteral("--channel"), QStringLiteral("sms"),
                 QStringLiteral("--text"), text, QStringLiteral("--json")});
        QVERIFY2(sent.exitCode == 0, qPrintable(sent.err));
        const QJsonObject queued = QJsonDocument::fromJson(sent.out.toUtf8()).object();
        QCOMPARE(queued.value(QStringLiteral("status")).toString(), QStringLiteral("queued"));

        const QJsonArray messages = thread();
        QCOMPARE(messages.size(), 1);
        const QJsonObject m = messages.first().toObject();
        QCOMPARE(m.value(QStringLiteral("id")).toString(),
                 queued.value(QStringLiteral("id")).toString());
        QCOMPARE(m.value(QStringLiteral("direction")).toString(), QStringLiteral("outbound"));
        QCOMPARE(m.value(QStringLiteral("channel")).toString(), QStringLiteral("sms"));
        QCOMPARE(m.value(QStringLiteral("purpose")).toString(), QStringLiteral("administrative"));
        QCOMPARE(m.value(QStringLiteral("text")).toString(), text);
        QCOMPARE(m.value(QStringLiteral("author")).toString(), QStringLiteral("Demo Receptionist"));
        QVERIFY(!m.value(QStringLiteral("unread")).toBool());

        const Run readable = ctl({QStringLiteral("message"), QStringLiteral("list"),
                                  QStringLiteral("--patient"), m_anna});
        QCOMPARE(readable.exitCode, 0);
        QVERIFY2(readable.out.contains(text), qPrintable(readable.out));
        QVERIFY(readable.out.contains(QStringLiteral("Müller")));
    }

    void readAndAssignTheConversation()
    {
        {
            // A reply as frontdesk-server's sync would leave it: received, nobody has read it.
            auto db = frontdesk::testing::openWithKeyFile(
                m_tmp.filePath(QStringLiteral("data")),
                m_tmp.filePath(QStringLiteral("frontdesk.key")));
            QVERIFY(db);
            frontdesk::test::actAsTestSetUp(*db);
            frontdesk::Message reply;
            reply.patientId = m_anna;
            reply.direction = QStringLiteral("inbound");
            reply.status = QStringLiteral("received");
            reply.purpose = QStringLiteral("administrative");
            reply.body = QStringLiteral("Danke, ich komme morgen vorbei.");
            reply.deliveredAt = QDateTime::currentDateTimeUtc();
            QVERIFY(frontdesk::MessageRepository(*db).save(reply).ok());
        }
        const auto unread = [this] {
            int n = 0;
            for (const QJsonValue &m : thread())
                n += m.toObject().value(QStringLiteral("unread")).toBool() ? 1 : 0;
            return n;
        };
        QCOMPARE(unread(), 1);
        const Run listed = ctl({QStringLiteral("message"), QStringLiteral("list"),
                                QStringLiteral("--patient"), m_anna});
        QCOMPARE(listed.exitCode, 0);
        QVERIFY2(listed.out.contains(QStringLiteral("unread")), qPrintable(listed.out));

        const Run read = ctl({QStringLiteral("message"), QStringLiteral("read"),
                              QStringLiteral("--patient"), m_anna});
        QVERIFY2(read.exitCode == 0, qPrintable(read.err));
        QVERIFY2(read.out.contains(QStringLiteral("marked read: 1")), qPrintable(read.out));
        QCOMPARE(unread(), 0);
        bool stamped = false;
        for (const QJsonValue &m : thread())
            stamped |= !m.toObject().value(QStringLiteral("readAt")).toString().isEmpty();
        QVERIFY(stamped);

        const Run assigned =
            ctl({QStringLiteral("message"), QStringLiteral("assign"), QStringLiteral("--patient"),
                 m_anna, QStringLiteral("--to"), QStringLiteral("nurse")});
        QVERIFY2(assigned.exitCode == 0, qPrintable(assigned.err));
        QCOMPARE(thread().first().toObject().value(QStringLiteral("assignee")).toString(),
                 QStringLiteral("Demo Nurse"));
        const Run shown = ctl({QStringLiteral("message"), QStringLiteral("list"),
                               QStringLiteral("--patient"), m_anna});
        QVERIFY2(shown.out.contains(QStringLiteral("Assigned to Demo Nurse")),
                 qPrintable(shown.out));
        const Run nobodyThere =
            ctl({QStringLiteral("message"), QStringLiteral("assign"), QStringLiteral("--patient"),
                 m_anna, QStringLiteral("--to"), QStringLiteral("ghost")});
        QCOMPARE(nobodyThere.exitCode, 2);
        QVERIFY2(nobodyThere.err.contains(QStringLiteral("ghost")), qPrintable(nobodyThere.err));
        QCOMPARE(ctl({QStringLiteral("message"), QStringLiteral("assign"),
                      QStringLiteral("--patient"), m_anna})
                     .exitCode,
                 1);
        const Run unassigned =
            ctl({QStringLiteral("message"), QStringLiteral("assign"), QStringLiteral("--patient"),
                 m_anna, QStringLiteral("--to"), QString()});
        QVERIFY2(unassigned.exitCode == 0, qPrintable(unassigned.err));
        for (const QJsonValue &m : thread())
            QVERIFY(m.toObject().value(QStringLiteral("assignee")).toString().isEmpty());
    }

    // message templates lists them; --template fills one for the patient instead of --text,
    // or refuses with exit 2 naming the field it has no value for.
    void templatesAreListedAndSentFrom()
    {
        const Run listed =
            ctl({QStringLiteral("message"), QStringLiteral("templates"), QStringLiteral("--json")});
        QVERIFY2(listed.exitCode == 0, qPrintable(listed.err));
        const QJsonArray templates = QJsonDocument::fromJson(listed.out.toUtf8()).array();
        QCOMPARE(templates.size(), 3);
        QStringList names;
        for (const QJsonValue &t : templates)
            names << t.toObject().value(QStringLiteral("name")).toString();
        QVERIFY(names.contains(QStringLiteral("Appointment reminder (SMS)")));
        QVERIFY(names.contains(QStringLiteral("Recall: check-up due")));
        const Run readable = ctl({QStringLiteral("message"), QStringLiteral("templates")});
        QCOMPARE(readable.exitCode, 0);
        QVERIFY(readable.out.contains(QStringLiteral("{first_name}")));

        const int before = thread().size();
        const Run missing =
            ctl({QStringLiteral("message"), QStringLiteral("send"), QStringLiteral("--patient"),
                 m_anna, QStringLiteral("--channel"), QStringLiteral("sms"),
                 QStringLiteral("--template"), QStringLiteral("appointment reminder (sms)")});
        QCOMPARE(missing.exitCode, 2);
        QVERIFY2(missing.err.contains(QStringLiteral("The template needs the appointment's date, "
                                                     "but no appointment is chosen.")),
                 qPrintable(missing.err));
        const Run unknown =
            ctl({QStringLiteral("message"), QStringLiteral("send"), QStringLiteral("--patient"),
                 m_anna, QStringLiteral("--channel"), QStringLiteral("sms"),
                 QStringLiteral("--template"), QStringLiteral("Birthday")});
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY(unknown.err.contains(QStringLiteral("Birthday")));
        const Run both = ctl(
            {QStringLiteral("message"), QStringLiteral("send"), QStringLiteral("--patient"), m_anna,
             QStringLiteral("--channel"), QStringLiteral("sms"), QStringLiteral("--template"),
             QStringLiteral("Birthday"), QStringLiteral("--text"), QStringLiteral("Hallo")});
        QCOMPARE(both.exitCode, 1);
        QCOMPARE(thread().size(), before);

        // The recall needs only the patient's names; its purpose is the template's.
        const Run recall =
            ctl({QStringLiteral("message"), QStringLiteral("send"), QStringLiteral("--patient"),
                 m_anna, QStringLiteral("--channel"), QStringLiteral("sms"),
                 QStringLiteral("--template"), QStringLiteral("Recall: check-up due")});
        QVERIFY2(recall.exitCode == 0, qPrintable(recall.err));
        const QJsonObject m = thread().first().toObject();
        QCOMPARE(m.value(QStringLiteral("purpose")).toString(), QStringLiteral("recall"));
        const QString text = m.value(QStringLiteral("text")).toString();
        QVERIFY2(text.startsWith(QStringLiteral("Dear Anna")) &&
                     text.contains(QStringLiteral("Müller")) && !text.contains(QLatin1Char('{')),
                 qPrintable(text));
    }

    void refusedMessagesAreNotQueued()
    {
        const int before = thread().size();
        // Marketing needs a consent Anna has not given: refused, saying why.
        const Run marketing = ctl(
            {QStringLiteral("message"), QStringLiteral("send"), QStringLiteral("--patient"), m_anna,
             QStringLiteral("--channel"), QStringLiteral("sms"), QStringLiteral("--purpose"),
             QStringLiteral("marketing"), QStringLiteral("--text"), QStringLiteral("Neu: Yoga")});
        QCOMPARE(marketing.exitCode, 2);
        QVERIFY(!marketing.err.trimmed().isEmpty());
        const Run empty =
            ctl({QStringLiteral("message"), QStringLiteral("send"), QStringLiteral("--patient"),
                 m_anna, QStringLiteral("--channel"), QStringLiteral("sms"),
                 QStringLiteral("--text"), QStringLiteral("   ")});
        QCOMPARE(empty.exitCode, 2);
        QVERIFY(empty.err.contains(QLatin1String("empty")));
        QCOMPARE(thread().size(), before);

        const Run fax =
            ctl({QStringLiteral("message"), QStringLiteral("send"), QStringLiteral("--patient"),
                 m_anna, QStringLiteral("--channel"), QStringLiteral("fax"),
                 QStringLiteral("--text"), QStringLiteral("Hallo")});
        QCOMPARE(fax.exitCode, 1);
        QVERIFY(fax.err.contains(QLatin1String("--channel")));
        const Run purpose = ctl(
            {QStringLiteral("message"), QStringLiteral("send"), QStringLiteral("--patient"), m_anna,
             QStringLiteral("--channel"), QStringLiteral("sms"), QStringLiteral("--purpose"),
             QStringLiteral("gossip"), QStringLiteral("--text"), QStringLiteral("Hallo")});
        QCOMPARE(purpose.exitCode, 1);
        QVERIFY(purpose.err.contains(QLatin1String("reminder")));
        const Run nobody = ctl({QStringLiteral("message"), QStringLiteral("list"),
                                QStringLiteral("--patient"), QStringLiteral("no-such-patient")});
        QCOMPARE(nobody.exitCode, 2);
        QCOMPARE(ctl({QStringLiteral("message"), QStringLiteral("list")}).exitCode, 1);
        QCOMPARE(thread().size(), before);
    }

    void aSurveyAnsweredOnThePhoneIsRecorded()
    {
        QString visit, survey;
        {
            // A visit yesterday and the follow-up's survey about it, as sync leaves them.
            auto db = frontdesk::testing::openWithKeyFile(
                m_tmp.filePath(QStringLiteral("data")),
                m_tmp.filePath(QStringLiteral("frontdesk.key")));
            QVERIFY(db);
            frontdesk::test::actAsTestSetUp(*db);
            frontdesk::Practitioner doc;
            doc.familyName = QStringLiteral("Umfrage");
            QVERIFY(frontdesk::PractitionerRepository(*db).save(doc).ok());
            frontdesk::Appointment a;
            a.patientId = m_anna;
            a.practitionerId = doc.meta.id;
            a.status = frontdesk::AppointmentStatus::Completed;
            a.start = QDateTime::currentDateTimeUtc().addDays(-1);
            a.end = a.start.addSecs(900);
            QVERIFY(frontdesk::AppointmentRepository(*db).save(a).ok());
            visit = a.meta.id;
            frontdesk::Message asked;
            asked.patientId = m_anna;
            asked.appointmentId = visit;
            asked.purpose = QStringLiteral("survey");
            asked.status = QStringLiteral("delivered");
            asked.sentAt = QDateTime::currentDateTimeUtc().addSecs(-3600);
            asked.body = QStringLiteral("Danke!\nWie war Ihr Besuch? 1 bis 5.");
            QVERIFY(frontdesk::MessageRepository(*db).save(asked).ok());
            survey = asked.meta.id;
        }
        const Run visits = ctl({QStringLiteral("survey"), QStringLiteral("visits"),
                                QStringLiteral("--patient"), m_anna, QStringLiteral("--json")});
        QCOMPARE(visits.exitCode, 0);
        const QJsonArray listed = QJsonDocument::fromJson(visits.out.toUtf8()).array();
        QCOMPARE(listed.size(), 1);
        QCOMPARE(listed.first().toObject().value(QStringLiteral("survey_message_id")).toString(),
                 survey);
        QVERIFY(listed.first().toObject().value(QStringLiteral("score")).isNull());

        const Run recorded =
            ctl({QStringLiteral("survey"), QStringLiteral("record"), QStringLiteral("--patient"),
                 m_anna, QStringLiteral("--appointment"), visit, QStringLiteral("--score"),
                 QStringLiteral("4"), QStringLiteral("--json")});
        QVERIFY2(recorded.exitCode == 0, qPrintable(recorded.err));
        const QJsonObject answer = QJsonDocument::fromJson(recorded.out.toUtf8()).object();
        QCOMPARE(answer.value(QStringLiteral("score")).toInt(), 4);
        QCOMPARE(answer.value(QStringLiteral("survey_message_id")).toString(), survey);
        QCOMPARE(answer.value(QStringLiteral("question")).toString(),
                 QStringLiteral("Wie war Ihr Besuch? 1 bis 5."));
        const Run again = ctl({QStringLiteral("survey"), QStringLiteral("record"),
                               QStringLiteral("--patient"), m_anna, QStringLiteral("--appointment"),
                               visit, QStringLiteral("--score"), QStringLiteral("5")});
        QCOMPARE(again.exitCode, 0);
        QVERIFY2(again.out.contains(QLatin1String("replaced: 5 of 5")), qPrintable(again.out));

        // Refused with the reason, nothing written: a score outside 1-5 (a usage error), and a
        // visit that is not a completed one of the patient's.
        const Run six = ctl({QStringLiteral("survey"), QStringLiteral("record"),
                             QStringLiteral("--patient"), m_anna, QStringLiteral("--appointment"),
                             visit, QStringLiteral("--score"), QStringLiteral("6")});
        QCOMPARE(six.exitCode, 1);
        QVERIFY2(six.err.contains(QLatin1String("--score")), qPrintable(six.err));
        const Run nowhere =
            ctl({QStringLiteral("survey"), QStringLiteral("record"), QStringLiteral("--patient"),
                 m_anna, QStringLiteral("--appointment"), QStringLiteral("no-such-visit"),
                 QStringLiteral("--score"), QStringLiteral("3")});
        QCOMPARE(nowhere.exitCode, 2);
        QCOMPARE(ctl({QStringLiteral("survey"), QStringLiteral("record")}).exitCode, 1);

        auto db =
            frontdesk::testing::openWithKeyFile(m_tmp.filePath(QStringLiteral("data")),
                                                m_tmp.filePath(QStringLiteral("frontdesk.key")));
        QVERIFY(db);
        frontdesk::test::actAsTestSetUp(*db);
        auto stored = frontdesk::SurveyAnswerRepository(*db).ofPatient(m_anna);
        QVERIFY(stored);
        QCOMPARE(stored->size(), 1);
        QCOMPARE(stored->first().score, 5);
        QCOMPARE(stored->first().appointmentId, visit);
        // Written by the receptionist, audited, waiting to go up to the server.
        auto outboxed = db->scalar(QStringLiteral("SELECT count(*) FROM outbox WHERE "
                                                  "resource_type = 'QuestionnaireResponse' AND "
                                                  "resource_id = ?"),
                                   {stored->first().meta.id});
        QVERIFY(outboxed && outboxed->toInt() >= 1);
    }
};

QTEST_GUILESS_MAIN(TestMessageCtl)
#include "tst_messagectl.moc"
