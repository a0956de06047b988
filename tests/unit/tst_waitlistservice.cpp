#include "TestClock.h"
#include "TestDatabase.h"

#include "scheduling/WaitlistService.h"
#include "storage/PatientRepository.h"

#include <QTest>

using namespace frontdesk;

// WaitlistService on a real database: who is waiting, with names, longest waiting first; taking
// one off keeps the entry; whom a freed time suits.
class TestWaitlistService : public QObject
{
    Q_OBJECT

    test::TestDatabase m_t;
    TestClock m_clock{QDateTime(QDate(2026, 5, 4), QTime(5, 0), Qt::UTC)};
    const QTimeZone m_berlin{"Europe/Berlin"};
    QString m_anna, m_ben;

    Database &db() { return *m_t.db; }
    QString addPatient(const QString &mrn, const QString &family, const QString &given)
    {
        Patient p;
        p.mrn = mrn;
        p.familyName = family;
        p.givenName = given;
        if (auto s = PatientRepository(db()).save(p); !s)
            qWarning("%s", qPrintable(s.error()));
        return p.meta.id;
    }
    WaitlistEntry entry(const QString &patientId, const QSet<int> &weekdays)
    {
        WaitlistEntry e;
        e.patientId = patientId;
        e.minutes = 20;
        e.weekdays = weekdays;
        e.earliestMinute = 8 * 60;
        e.latestMinute = 12 * 60;
        return e;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_t.open());
        db().setClock(m_clock);
        db().setActor(Actor::staff(QStringLiteral("rita")));
        m_anna = addPatient(QStringLiteral("M1"), QStringLiteral("Arnold"), QStringLiteral("Anna"));
        m_ben = addPatient(QStringLiteral("M2"), QStringLiteral("Berger"), QStringLiteral("Ben"));
    }

    void waitingPatientsComeWithTheirNamesInOrder()
    {
        WaitlistService service(db());
        WaitlistEntry anna = entry(m_anna, {1});
        QVERIFY(service.add(anna));
        m_clock.advanceSecs(60);
        WaitlistEntry ben = entry(m_ben, {});
        QVERIFY(service.add(ben));
        auto waiting = service.waiting();
        QVERIFY2(waiting, qPrintable(waiting.error()));
        QCOMPARE(waiting->size(), 2);
        QCOMPARE(waiting->at(0).entry.meta.id, anna.meta.id);
        QCOMPARE(waiting->at(0).patientName, QStringLiteral("Arnold, Anna"));
        QCOMPARE(waiting->at(1).patientName, QStringLiteral("Berger, Ben"));
    }

    void aFreedTimeNamesWhomItSuits()
    {
        WaitlistService service(db());
        // Monday 11 May, 09:00–09:30 in Berlin: both (Anna wants Mondays, Ben any day).
        const QDateTime monday(QDate(2026, 5, 11), QTime(9, 0), m_berlin);
        auto suited =
            service.suitedTo({}, monday.toUTC(), monday.addSecs(30 * 60).toUTC(), m_berlin);
        QVERIFY2(suited, qPrintable(suited.error()));
        QCOMPARE(suited->size(), 2);
        // Tuesday: only Ben.
        const QDateTime tuesday = monday.addDays(1);
        suited = service.suitedTo({}, tuesday.toUTC(), tuesday.addSecs(30 * 60).toUTC(), m_berlin);
        QVERIFY(suited);
        QCOMPARE(suited->size(), 1);
        QCOMPARE(suited->first().patientName, QStringLiteral("Berger, Ben"));
        // Too short for their 20 minutes, or in the afternoon: nobody.
        QVERIFY(service.suitedTo({}, monday.toUTC(), monday.addSecs(10 * 60).toUTC(), m_berlin)
                    ->isEmpty());
        const QDateTime afternoon = monday.addSecs(5 * 3600);
        QVERIFY(service.suitedTo({}, afternoon.toUTC(), afternoon.addSecs(1800).toUTC(), m_berlin)
                    ->isEmpty());
    }

    void removingKeepsTheEntryInTheHistory()
    {
        WaitlistService service(db());
        auto waiting = service.waiting();
        QVERIFY(waiting);
        const QString id = waiting->first().entry.meta.id;
        const Status removed = service.remove(id);
        QVERIFY2(removed, qPrintable(removed.error()));
        QCOMPARE(service.waiting()->size(), 1);
        auto status = db().scalar(QStringLiteral("SELECT status FROM waitlist WHERE id = ?"), {id});
        QVERIFY(status);
        QCOMPARE(status->toString(), QStringLiteral("removed"));
        QVERIFY(!service.remove(QStringLiteral("no-such-entry")));
    }
};

QTEST_GUILESS_MAIN(TestWaitlistService)
#include "tst_waitlistservice.moc"
