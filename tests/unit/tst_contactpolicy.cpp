#include "TestClock.h"
#include "core/LocaleFormat.h"
#include "messaging/ContactPolicy.h"

#include <QTest>

using namespace frontdesk;

// ContactPolicy: each step of the order, first match wins, and quiet hours across DST.
class TestContactPolicy : public QObject
{
    Q_OBJECT

    const ClinicTime m_berlin = ClinicTime::fromZoneName(QStringLiteral("Europe/Berlin"));
    const ContactPolicy m_policy{m_berlin, QuietHours{20 * 60, 8 * 60}};
    // 10:00 in Berlin (summer time): outside every quiet hour.
    const QDateTime m_noon{QDate(2026, 6, 10), QTime(8, 0), QTimeZone::utc()};

    static CommunicationPreference pref(const QString &purpose, const QString &channel,
                                        bool optedOut = false)
    {
        CommunicationPreference p;
        p.patientId = QStringLiteral("p1");
        p.purpose = purpose;
        p.channel = channel;
        p.optedOut = optedOut;
        return p;
    }

    static Consent consent(const QString &status, const QDateTime &at)
    {
        Consent c;
        c.patientId = QStringLiteral("p1");
        c.type = ContactPolicy::consentTypeForMarketing();
        c.status = status;
        c.decidedAt = at;
        return c;
    }

    static ContactFacts facts(const QString &preferred)
    {
        ContactFacts f;
        f.preferredChannel = preferred;
        return f;
    }

private slots:
    void unknownPurposeOrChannelIsRefused()
    {
        const ContactDecision p = m_policy.decide(
            facts(QStringLiteral("sms")), QStringLiteral("gossip"), QStringLiteral("sms"), m_noon);
        QVERIFY(!p.allowed);
        QVERIFY(p.reason.contains(QStringLiteral("gossip")));
        const ContactDecision c =
            m_policy.decide(facts(QStringLiteral("sms")), QStringLiteral("reminder"),
                            QStringLiteral("pigeon"), m_noon);
        QVERIFY(!c.allowed);
        QVERIFY(c.reason.contains(QStringLiteral("pigeon")));
        QCOMPARE(ContactPolicy::purposes().size(), 7);
        // Every purpose a message is sent for is one a patient can have a preference for.
        QCOMPARE(ContactPolicy::purposes(), CommunicationPreference::purposes());
        for (const QString &purpose : ContactPolicy::purposes())
            QVERIFY2(pref(purpose, QStringLiteral("sms")).validate().ok(), qPrintable(purpose));
    }

    void thePreferredChannelIsSentOnNow()
    {
        const ContactDecision d =
            m_policy.decide(facts(QStringLiteral("sms")), QStringLiteral("reminder"),
                            QStringLiteral("sms"), m_noon);
        QVERIFY(d.allowed);
        QCOMPARE(d.action, ContactDecision::Action::Send);
        QCOMPARE(d.sendAtUtc, m_noon);
        QVERIFY(d.reason.isEmpty());
    }

    void anotherChannelIsNotOfferedAndSaysWhich()
    {
        const QList<ContactDecision> all =
            m_policy.decideAll(facts(QStringLiteral("email")), QStringLiteral("recall"), m_noon);
        QCOMPARE(all.size(), 2);
        QCOMPARE(all.at(0).channel, QStringLiteral("sms"));
        QVERIFY(!all.at(0).allowed);
        QVERIFY(all.at(0).reason.contains(QStringLiteral("Email")));
        QVERIFY(all.at(1).allowed);
    }

    void optingOutOfThePurposeWinsOverEverything()
    {
        ContactFacts f = facts(QStringLiteral("sms"));
        f.preferences = {pref(QStringLiteral("reminder"), QStringLiteral("sms"), true)};
        for (const ContactDecision &d : m_policy.decideAll(f, QStringLiteral("reminder"), m_noon)) {
            QVERIFY(!d.allowed);
            QCOMPARE(d.action, ContactDecision::Action::None);
            QVERIFY(d.reason.contains(QStringLiteral("opted out")));
        }
        // The opt-out is for that purpose only.
        QVERIFY(
            m_policy.decide(f, QStringLiteral("clinical"), QStringLiteral("sms"), m_noon).allowed);

        // Recall outreach may be declined alone, the reminders kept.
        f.preferences = {pref(QStringLiteral("recall"), QStringLiteral("sms"), true)};
        const ContactDecision recall =
            m_policy.decide(f, QStringLiteral("recall"), QStringLiteral("sms"), m_noon);
        QVERIFY(!recall.allowed);
        QVERIFY2(recall.reason.contains(QStringLiteral("(Recall)")), qPrintable(recall.reason));
        QVERIFY(
            m_policy.decide(f, QStringLiteral("reminder"), QStringLiteral("sms"), m_noon).allowed);
    }

    void thePurposesChannelComesBeforeThePatientsChannel()
    {
        ContactFacts f = facts(QStringLiteral("sms"));
        f.preferences = {pref(QStringLiteral("follow-up"), QStringLiteral("email"))};
        QVERIFY(m_policy.decide(f, QStringLiteral("follow-up"), QStringLiteral("email"), m_noon)
                    .allowed);
        QVERIFY(!m_policy.decide(f, QStringLiteral("follow-up"), QStringLiteral("sms"), m_noon)
                     .allowed);
        QVERIFY(
            m_policy.decide(f, QStringLiteral("survey"), QStringLiteral("sms"), m_noon).allowed);
    }

    void noChannelMeansNoContact()
    {
        const ContactDecision d =
            m_policy.decide(facts(QStringLiteral("none")), QStringLiteral("reminder"),
                            QStringLiteral("sms"), m_noon);
        QVERIFY(!d.allowed);
        QCOMPARE(d.action, ContactDecision::Action::None);
        QVERIFY(d.reason.contains(QStringLiteral("not want")));
    }

    void phoneAndLetterBecomeTasks()
    {
        const ContactDecision call =
            m_policy.decide(facts(QStringLiteral("phone")), QStringLiteral("reminder"),
                            QStringLiteral("sms"), m_noon);
        QVERIFY(!call.allowed);
        QCOMPARE(call.action, ContactDecision::Action::CallTask);
        QVERIFY(call.reason.contains(QStringLiteral("call task")));
        ContactFacts f = facts(QStringLiteral("sms"));
        f.preferences = {pref(QStringLiteral("administrative"), QStringLiteral("letter"))};
        const ContactDecision letter =
            m_policy.decide(f, QStringLiteral("administrative"), QStringLiteral("email"), m_noon);
        QVERIFY(!letter.allowed);
        QCOMPARE(letter.action, ContactDecision::Action::LetterTask);
        QVERIFY(letter.reason.contains(QStringLiteral("letter task")));
    }

    void marketingNeedsAGivenConsentNotWithdrawn()
    {
        ContactFacts f = facts(QStringLiteral("email"));
        const QString marketing = QStringLiteral("marketing");
        const QString email = QStringLiteral("email");
        ContactDecision d = m_policy.decide(f, marketing, email, m_noon);
        QVERIFY(!d.allowed);
        QVERIFY(d.reason.contains(QStringLiteral("none is recorded")));

        const QDateTime given(QDate(2026, 1, 5), QTime(9, 0), QTimeZone::utc());
        f.consents = {consent(QStringLiteral("given"), given)};
        QVERIFY(m_policy.decide(f, marketing, email, m_noon).allowed);

        // The latest decision counts, whatever order the records come in.
        f.consents.prepend(consent(QStringLiteral("withdrawn"), given.addDays(30)));
        d = m_policy.decide(f, marketing, email, m_noon);
        QVERIFY(!d.allowed);
        QVERIFY(d.reason.contains(QStringLiteral("withdrew")));
        // On which day, with the whole year (4 February 2026).
        QVERIFY2(d.reason.contains(LocaleFormat::fullYearDate(QDate(2026, 2, 4))) &&
                     d.reason.contains(QStringLiteral("2026")),
                 qPrintable(d.reason));

        // Another purpose needs no consent; another consent type does not count for marketing.
        QVERIFY(m_policy.decide(f, QStringLiteral("reminder"), email, m_noon).allowed);
        Consent other = consent(QStringLiteral("given"), given.addDays(60));
        other.type = QStringLiteral("reminders-sms");
        f.consents.append(other);
        QVERIFY(!m_policy.decide(f, marketing, email, m_noon).allowed);
    }

    void clinicQuietHoursHoldAnSmsAcrossTheDstChange_data()
    {
        QTest::addColumn<QDateTime>("now");
        QTest::addColumn<QDateTime>("sendAt");
        // Spring forward, 29 March 2026: 21:00 CET on the 28th is held until 08:00 CEST on the
        // 29th, which is 06:00 UTC (not 07:00: the night had 23 hours).
        QTest::newRow("spring") << QDateTime(QDate(2026, 3, 28), QTime(20, 0), QTimeZone::utc())
                                << QDateTime(QDate(2026, 3, 29), QTime(6, 0), QTimeZone::utc());
        // Fall back, 25 October 2026: 23:00 CEST on the 24th until 08:00 CET on the 25th.
        QTest::newRow("autumn") << QDateTime(QDate(2026, 10, 24), QTime(21, 0), QTimeZone::utc())
                                << QDateTime(QDate(2026, 10, 25), QTime(7, 0), QTimeZone::utc());
        // After midnight, the same morning's end.
        QTest::newRow("small hours")
            << QDateTime(QDate(2026, 6, 10), QTime(1, 0), QTimeZone::utc())
            << QDateTime(QDate(2026, 6, 10), QTime(6, 0), QTimeZone::utc());
    }

    void clinicQuietHoursHoldAnSmsAcrossTheDstChange()
    {
        QFETCH(QDateTime, now);
        QFETCH(QDateTime, sendAt);
        TestClock clock(now);
        const ContactFacts f = facts(QStringLiteral("sms"));
        const ContactDecision d =
            m_policy.decide(f, QStringLiteral("reminder"), QStringLiteral("sms"), clock.nowUtc());
        QVERIFY(d.allowed);
        QCOMPARE(d.sendAtUtc, sendAt);
        QVERIFY(d.reason.contains(QStringLiteral("held")));
        // Until when, in the clinic's zone, with the whole year.
        QVERIFY2(d.reason.contains(
                     LocaleFormat::fullYearDateTime(m_berlin.toLocal(sendAt), QLocale())) &&
                     d.reason.contains(QString::number(sendAt.date().year())),
                 qPrintable(d.reason));
        // At the moment the hold ends, the SMS goes at once.
        clock.set(sendAt);
        const ContactDecision later =
            m_policy.decide(f, QStringLiteral("reminder"), QStringLiteral("sms"), clock.nowUtc());
        QCOMPARE(later.sendAtUtc, sendAt);
        QVERIFY(later.reason.isEmpty());
    }

    void emailIsNotHeld()
    {
        const QDateTime night(QDate(2026, 6, 10), QTime(1, 0), QTimeZone::utc());
        const ContactDecision d =
            m_policy.decide(facts(QStringLiteral("email")), QStringLiteral("reminder"),
                            QStringLiteral("email"), night);
        QVERIFY(d.allowed);
        QCOMPARE(d.sendAtUtc, night);
    }

    void thePatientsQuietHoursChainWithTheClinics()
    {
        // The patient sleeps 07:00-10:00 local: the clinic's end at 08:00 lands inside it.
        ContactFacts f = facts(QStringLiteral("sms"));
        CommunicationPreference p = pref(QStringLiteral("reminder"), QStringLiteral("sms"));
        p.quietStartMinute = 7 * 60;
        p.quietEndMinute = 10 * 60;
        f.preferences = {p};
        const QDateTime night(QDate(2026, 6, 10), QTime(1, 0), QTimeZone::utc()); // 03:00 CEST
        const ContactDecision d =
            m_policy.decide(f, QStringLiteral("reminder"), QStringLiteral("sms"), night);
        QVERIFY(d.allowed);
        QCOMPARE(d.sendAtUtc, QDateTime(QDate(2026, 6, 10), QTime(8, 0), QTimeZone::utc()));
        // The patient's own hours alone, in the clinic's day.
        const QDateTime morning(QDate(2026, 6, 10), QTime(6, 30), QTimeZone::utc()); // 08:30
        QCOMPARE(m_policy.decide(f, QStringLiteral("reminder"), QStringLiteral("sms"), morning)
                     .sendAtUtc,
                 QDateTime(QDate(2026, 6, 10), QTime(8, 0), QTimeZone::utc()));
        // A clinic without quiet hours still honours the patient's.
        const ContactPolicy noClinicQuiet(m_berlin, QuietHours{});
        QCOMPARE(noClinicQuiet.decide(f, QStringLiteral("reminder"), QStringLiteral("sms"), night)
                     .sendAtUtc,
                 night);
        QCOMPARE(noClinicQuiet.decide(f, QStringLiteral("reminder"), QStringLiteral("sms"), morning)
                     .sendAtUtc,
                 QDateTime(QDate(2026, 6, 10), QTime(8, 0), QTimeZone::utc()));
    }

    void quietHoursParse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("normalised");
        QTest::newRow("default") << QStringLiteral("20:00-08:00") << true
                                 << QStringLiteral("20:00-08:00");
        QTest::newRow("spaces, short hour")
            << QStringLiteral(" 9:30 - 12:00 ") << true << QStringLiteral("09:30-12:00");
        QTest::newRow("empty is none") << QString() << true << QString();
        QTest::newRow("midnight end")
            << QStringLiteral("22:00-24:00") << true << QStringLiteral("22:00-00:00");
        QTest::newRow("bad hour") << QStringLiteral("25:00-08:00") << false << QString();
        QTest::newRow("bad minute") << QStringLiteral("20:61-08:00") << false << QString();
        QTest::newRow("words") << QStringLiteral("nights") << false << QString();
    }

    void quietHoursParse()
    {
        QFETCH(QString, text);
        QFETCH(bool, ok);
        QFETCH(QString, normalised);
        const Result<QuietHours> q = QuietHours::parse(text);
        QCOMPARE(q.ok(), ok);
        if (ok)
            QCOMPARE(q.value().toString(), normalised);
        else
            QVERIFY(q.error().contains(text));
    }
};

QTEST_GUILESS_MAIN(TestContactPolicy)
#include "tst_contactpolicy.moc"
