#include "TestClock.h"
#include "TestDatabase.h"

#include "ClinicSettings.h"
#include "MessageComposer.h"
#include "access/Session.h"
#include "access/StaffAccountRepository.h"
#include "core/LocaleFormat.h"
#include "messaging/MessageTemplateRepository.h"
#include "storage/AppointmentRepository.h"
#include "storage/CommunicationPreferenceRepository.h"
#include "storage/PatientRepository.h"
#include "storage/PractitionerRepository.h"

#include <QTest>
#include <QTimeZone>

using namespace frontdesk;

// Composing a message: the channels the contact rule offers for one patient, and queueing —
// a queued message is one row with its outbox entry; a refused draft writes nothing.
class TestMessageComposer : public QObject
{
    Q_OBJECT

    test::TestDatabase t;
    // 10:00 in Berlin: outside the clinic's quiet hours (20:00-08:00).
    TestClock clock{QDateTime(QDate(2026, 6, 10), QTime(8, 0), QTimeZone::utc())};
    std::unique_ptr<Session> m_session;
    int m_patients = 0;

    QString addPatient(const QString &family, const QString &mobile, const QString &email,
                       const QString &preferred)
    {
        Patient p;
        p.mrn = QStringLiteral("MRN%1").arg(++m_patients, 7, 10, QLatin1Char('0'));
        p.familyName = family;
        p.givenName = QStringLiteral("Anna");
        p.birthDate = QDate(1980, 5, 1);
        p.phoneMobile = mobile;
        p.email = email;
        p.preferredChannel = preferred;
        if (auto s = PatientRepository(*t.db).save(p); !s) {
            qWarning("%s", qPrintable(s.error()));
            return {};
        }
        return p.meta.id;
    }
    qint64 count(const QString &sql, const QVariantList &values = {})
    {
        auto v = t.db->scalar(sql, values);
        return v ? v->toLongLong() : -1;
    }
    qint64 messages() { return count(QStringLiteral("SELECT count(*) FROM messages")); }
    qint64 outboxed()
    {
        return count(
            QStringLiteral("SELECT count(*) FROM outbox WHERE resource_type = 'Communication'"));
    }
    static const ChannelChoice *find(const QList<ChannelChoice> &choices, const QString &channel)
    {
        for (const ChannelChoice &c : choices) {
            if (c.decision.channel == channel)
                return &c;
        }
        return nullptr;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(t.open());
        t.db->setClock(clock);
        QVERIFY(t.db->setSetting(ClinicTime::settingKey(), QStringLiteral("Europe/Berlin")));
        QVERIFY(StaffAccountRepository(*t.db)
                    .create(QStringLiteral("rita"), Role::Receptionist,
                            QStringLiteral("tidal marble orchard 7"))
                    .ok());
        // Templates are an administrator's: made before the receptionist signs in.
        MessageTemplate reminder;
        reminder.name = QStringLiteral("Reminder");
        reminder.channel = QStringLiteral("any");
        reminder.subject = QStringLiteral("Your appointment on {appointment_date}");
        reminder.body = QStringLiteral("Hello {first_name}, see you at {appointment_time} with "
                                       "{practitioner} ({appointment_type}).");
        QVERIFY(MessageTemplateRepository(*t.db).save(reminder).ok());
        MessageTemplate retired = reminder;
        retired.meta = {};
        retired.name = QStringLiteral("Old reminder");
        retired.active = false;
        QVERIFY(MessageTemplateRepository(*t.db).save(retired).ok());
        m_session = std::make_unique<Session>(*t.db);
        QVERIFY(m_session->signIn(QStringLiteral("rita"), QStringLiteral("tidal marble orchard 7"))
                    .ok());
    }

    void offersThePreferredChannelWithItsAddress()
    {
        const QString id = addPatient(QStringLiteral("Sms"), QStringLiteral("+49 170 1234567"),
                                      QStringLiteral("anna@example.org"), QStringLiteral("sms"));
        auto choices = MessageComposer(*t.db).channels(id, QStringLiteral("administrative"));
        QVERIFY2(choices, qPrintable(choices.error()));
        QCOMPARE(choices->size(), 2);
        const ChannelChoice *sms = find(*choices, QStringLiteral("sms"));
        QVERIFY(sms && sms->usable());
        QCOMPARE(sms->address, QStringLiteral("+49 170 1234567"));
        QVERIFY(sms->note().isEmpty());
        // Not the channel the patient wants: listed, not offered, and the reason says so.
        const ChannelChoice *email = find(*choices, QStringLiteral("email"));
        QVERIFY(email && !email->usable());
        QVERIFY2(!email->note().isEmpty(), "a refused channel says why");
    }

    void queuesOneRowWithItsOutboxEntry()
    {
        const QString id = addPatient(QStringLiteral("Queue"), QStringLiteral("+49 170 7654321"),
                                      {}, QStringLiteral("sms"));
        const qint64 before = messages();
        const qint64 outboxBefore = outboxed();
        MessageDraft draft;
        draft.patientId = id;
        draft.channel = QStringLiteral("sms");
        draft.body = QStringLiteral("  Please bring your insurance card on Monday.  ");
        auto queued = MessageComposer(*t.db).queue(draft);
        QVERIFY2(queued, qPrintable(queued.error()));
        QCOMPARE(messages(), before + 1);
        QCOMPARE(outboxed(), outboxBefore + 1);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM messages WHERE id = ? AND status = "
                                      "'queued' AND direction = 'outbound' AND channel = 'sms' "
                                      "AND purpose = 'administrative' AND body = ?"),
                       {queued->message.meta.id,
                        QStringLiteral("Please bring your insurance card on Monday.")}),
                 1);
        QCOMPARE(queued->sendAtUtc, clock.nowUtc());
        QVERIFY(queued->note.isEmpty());
        // The thread names who wrote it: the signed-in person.
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM messages WHERE id = ? AND "
                                      "author_id = ? AND author_name = 'rita'"),
                       {queued->message.meta.id, m_session->account()->id}),
                 1);
    }

    // A draft from a template is filled for the chosen appointment, in the clinic's zone, and
    // the queued message reads as the patient will read it.
    void queuesFromATemplateFilledForTheAppointment()
    {
        const QString id = addPatient(QStringLiteral("Template"), QStringLiteral("+49 170 555"), {},
                                      QStringLiteral("sms"));
        Practitioner doc;
        doc.prefix = QStringLiteral("Dr.");
        doc.givenName = QStringLiteral("Ada");
        doc.familyName = QStringLiteral("Alpha");
        QVERIFY(PractitionerRepository(*t.db).save(doc).ok());
        Appointment visit;
        visit.patientId = id;
        visit.practitionerId = doc.meta.id;
        visit.type = QStringLiteral("check-up");
        visit.start = QDateTime(QDate(2026, 6, 12), QTime(7, 30), QTimeZone::utc());
        visit.end = visit.start.addSecs(15 * 60);
        QVERIFY(AppointmentRepository(*t.db).save(visit).ok());
        Appointment longAgo = visit;
        longAgo.meta = {};
        longAgo.start = visit.start.addDays(-200);
        longAgo.end = longAgo.start.addSecs(15 * 60);
        QVERIFY(AppointmentRepository(*t.db).save(longAgo).ok());

        MessageComposer composer(*t.db);
        // A locale whose short date has a two-digit year: the list shows the whole year.
        const QLocale defaultLocale;
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        auto offered = composer.appointments(id);
        QLocale::setDefault(defaultLocale);
        QVERIFY2(offered, qPrintable(offered.error()));
        QCOMPARE(offered->size(), 1);
        QCOMPARE(offered->first().id, visit.meta.id);
        QVERIFY2(offered->first().label.contains(QStringLiteral("Dr. Ada Alpha")),
                 qPrintable(offered->first().label));
        // The appointment's date with the whole year, its time without seconds.
        QVERIFY2(offered->first().label.startsWith(LocaleFormat::fullYearDateTime(
                     ClinicSettings(*t.db).clinicTime().toLocal(visit.start),
                     QLocale(QLocale::English, QLocale::UnitedStates))) &&
                     offered->first().label.contains(QLatin1String("/2026 ")),
                 qPrintable(offered->first().label));
        auto templates = composer.templates(QStringLiteral("reminder"), QStringLiteral("sms"));
        QVERIFY2(templates, qPrintable(templates.error()));
        QCOMPARE(templates->size(), 1);

        MessageDraft draft;
        draft.patientId = id;
        draft.appointmentId = visit.meta.id;
        draft.purpose = QStringLiteral("reminder");
        draft.channel = QStringLiteral("sms");
        draft.templateName = templates->first().name;
        draft.subject = templates->first().subject;
        draft.body = templates->first().body;
        const QLocale before;
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
        auto queued = composer.queue(draft);
        QLocale::setDefault(before);
        QVERIFY2(queued, qPrintable(queued.error()));
        // 07:30 UTC is 09:30 in Berlin in June.
        QCOMPARE(queued->message.body,
                 QStringLiteral("Hello Anna, see you at 09:30 with Dr. Ada Alpha (Check-up)."));
        QVERIFY(queued->message.subject.isEmpty());
        QCOMPARE(queued->message.templateName, QStringLiteral("Reminder"));
    }

    void aTemplateFieldWithoutAValueIsRefusedNamingIt()
    {
        const QString id = addPatient(QStringLiteral("Missing"), QStringLiteral("+49 170 556"), {},
                                      QStringLiteral("sms"));
        const qint64 before = messages();
        MessageDraft draft;
        draft.patientId = id;
        draft.purpose = QStringLiteral("reminder");
        draft.channel = QStringLiteral("sms");
        draft.templateName = QStringLiteral("Reminder");
        draft.body = QStringLiteral("Hello {first_name}, see you on {appointment_date}.");
        auto queued = MessageComposer(*t.db).queue(draft);
        QVERIFY(!queued);
        QCOMPARE(queued.error(), QStringLiteral("The template needs the appointment's date, but "
                                                "no appointment is chosen."));
        QCOMPARE(messages(), before);
        // Without a template the same braces are text as written.
        draft.templateName.clear();
        QVERIFY(MessageComposer(*t.db).queue(draft).ok());
    }

    void refusedDraftsWriteNothing_data()
    {
        QTest::addColumn<QString>("mobile");
        QTest::addColumn<QString>("preferred");
        QTest::addColumn<QString>("channel");
        QTest::addColumn<QString>("subject");
        QTest::addColumn<QString>("body");
        QTest::addColumn<QString>("expected");
        const QString text = QStringLiteral("See you soon.");
        QTest::newRow("empty") << "+49 170 1111111"
                               << "sms"
                               << "sms"
                               << ""
                               << "   "
                               << "empty";
        QTest::newRow("no mobile") << ""
                                   << "sms"
                                   << "sms"
                                   << "" << text << "no mobile phone";
        QTest::newRow("not wanted") << "+49 170 1111111"
                                    << "letter"
                                    << "sms"
                                    << "" << text << "letter";
        QTest::newRow("no channel") << "+49 170 1111111"
                                    << "sms"
                                    << "fax"
                                    << "" << text << "fax";
        QTest::newRow("too long") << "+49 170 1111111"
                                  << "sms"
                                  << "sms"
                                  << "" << QString(11 * 153, QLatin1Char('x')) << "11 parts";
        QTest::newRow("email without subject") << ""
                                               << "email"
                                               << "email"
                                               << " " << text << "subject";
    }
    void refusedDraftsWriteNothing()
    {
        QFETCH(QString, mobile);
        QFETCH(QString, preferred);
        QFETCH(QString, channel);
        QFETCH(QString, subject);
        QFETCH(QString, body);
        QFETCH(QString, expected);
        const QString id = addPatient(QStringLiteral("Refused"), mobile,
                                      QStringLiteral("refused@example.org"), preferred);
        const qint64 before = messages();
        const qint64 outboxBefore = outboxed();
        MessageDraft draft;
        draft.patientId = id;
        draft.channel = channel;
        draft.subject = subject;
        draft.body = body;
        auto queued = MessageComposer(*t.db).queue(draft);
        QVERIFY(!queued);
        QVERIFY2(queued.error().contains(expected), qPrintable(queued.error()));
        QCOMPARE(messages(), before);
        QCOMPARE(outboxed(), outboxBefore);
    }

    void optedOutPurposeIsRefused()
    {
        const QString id = addPatient(QStringLiteral("Optout"), QStringLiteral("+49 170 5555555"),
                                      {}, QStringLiteral("sms"));
        CommunicationPreference pref;
        pref.patientId = id;
        pref.purpose = QStringLiteral("reminder");
        pref.channel = QStringLiteral("sms");
        pref.optedOut = true;
        QVERIFY(CommunicationPreferenceRepository(*t.db).save(pref).ok());
        MessageDraft draft;
        draft.patientId = id;
        draft.purpose = QStringLiteral("reminder");
        draft.channel = QStringLiteral("sms");
        draft.body = QStringLiteral("Reminder: tomorrow 09:00");
        auto queued = MessageComposer(*t.db).queue(draft);
        QVERIFY(!queued);
        QVERIFY2(queued.error().contains(QStringLiteral("opted out")), qPrintable(queued.error()));
        // Another purpose still goes.
        draft.purpose = QStringLiteral("administrative");
        QVERIFY(MessageComposer(*t.db).queue(draft));
    }

    // At 21:30 in Berlin an SMS is queued but held until the clinic's quiet hours end.
    void smsInQuietHoursIsHeld()
    {
        TestClock evening(QDateTime(QDate(2026, 6, 10), QTime(19, 30), QTimeZone::utc()));
        t.db->setClock(evening);
        const QString id = addPatient(QStringLiteral("Evening"), QStringLiteral("+49 170 6666666"),
                                      {}, QStringLiteral("sms"));
        MessageDraft draft;
        draft.patientId = id;
        draft.channel = QStringLiteral("sms");
        draft.body = QStringLiteral("Your results are ready.");
        auto queued = MessageComposer(*t.db).queue(draft);
        t.db->setClock(clock);
        QVERIFY2(queued, qPrintable(queued.error()));
        QCOMPARE(queued->sendAtUtc, QDateTime(QDate(2026, 6, 11), QTime(6, 0), QTimeZone::utc()));
        QVERIFY2(queued->note.contains(QStringLiteral("held")), qPrintable(queued->note));
    }

    // A patient id that names nobody (a stale link) is refused with the id.
    void unknownPatientIsRefused()
    {
        MessageDraft draft;
        draft.patientId = QStringLiteral("no-such-patient");
        draft.channel = QStringLiteral("sms");
        draft.body = QStringLiteral("Hello");
        auto queued = MessageComposer(*t.db).queue(draft);
        QVERIFY(!queued);
        QVERIFY2(queued.error().contains(QStringLiteral("no-such-patient")),
                 qPrintable(queued.error()));
    }
};

QTEST_GUILESS_MAIN(TestMessageComposer)
#include "tst_messagecomposer.moc"
