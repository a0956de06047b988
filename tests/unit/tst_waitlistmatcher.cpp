#include "TestDatabase.h"

#include "scheduling/WaitlistMatcher.h"
#include "storage/PatientRepository.h"
#include "storage/WaitlistRepository.h"

#include <QTest>

using namespace frontdesk;

namespace {
const QTimeZone kBerlin("Europe/Berlin");

// Wednesday 6 May 2026, 14:00-14:30 in Berlin (CEST).
FreeSlot slot(const QString &practitioner = QStringLiteral("dr"), int minutes = 30)
{
    const QDateTime start(QDate(2026, 5, 6), QTime(12, 0), Qt::UTC);
    return {practitioner, start, start.addSecs(minutes * 60)};
}

WaitlistEntry entry(const QString &id, qint64 createdAt)
{
    WaitlistEntry e;
    e.meta.id = id;
    e.meta.createdAt = createdAt;
    e.patientId = QStringLiteral("p-") + id;
    e.minutes = 30;
    return e;
}
} // namespace

class TestWaitlistMatcher : public QObject
{
    Q_OBJECT
private slots:
    void constraintsDecide()
    {
        const WaitlistMatcher m(kBerlin);
        WaitlistEntry e = entry(QStringLiteral("a"), 1);
        QVERIFY(m.suits(e, slot()));
        e.practitionerId = QStringLiteral("other");
        QVERIFY(!m.suits(e, slot()));
        e.practitionerId = QStringLiteral("dr");
        QVERIFY(m.suits(e, slot()));
        e.minutes = 45; // longer than the freed time
        QVERIFY(!m.suits(e, slot()));
        e.minutes = 30;
        e.weekdays = {1, 2};
        QVERIFY(!m.suits(e, slot()));
        e.weekdays = {3};
        QVERIFY(m.suits(e, slot()));
        // The window is the clinic's wall time: 14:00 Berlin, not 12:00 UTC.
        e.earliestMinute = 13 * 60;
        e.latestMinute = 14 * 60 + 30;
        QVERIFY(m.suits(e, slot()));
        e.latestMinute = 14 * 60 + 15;
        QVERIFY(!m.suits(e, slot()));
        e.latestMinute = 24 * 60;
        e.notAfter = QDateTime(QDate(2026, 5, 6), QTime(12, 0), Qt::UTC);
        QVERIFY(!m.suits(e, slot())); // only earlier than what they have
        e.notAfter = e.notAfter.addDays(7);
        QVERIFY(m.suits(e, slot()));
        e.status = QStringLiteral("booked");
        QVERIFY(!m.suits(e, slot()));
    }

    void longestWaitingFirst()
    {
        const WaitlistMatcher m(kBerlin);
        WaitlistEntry late = entry(QStringLiteral("late"), 300);
        WaitlistEntry early = entry(QStringLiteral("early"), 100);
        WaitlistEntry wrongDay = entry(QStringLiteral("x"), 50);
        wrongDay.weekdays = {5};
        const auto found = m.matches({late, wrongDay, early}, slot());
        QCOMPARE(found.size(), 2);
        QCOMPARE(found.first().meta.id, QStringLiteral("early"));
    }

    void storedAndReadBack()
    {
        test::TestDatabase t;
        QVERIFY(t.open());
        Patient p;
        p.mrn = QStringLiteral("W1");
        p.familyName = QStringLiteral("Waiting");
        QVERIFY(PatientRepository(*t.db).save(p));
        WaitlistRepository repo(*t.db);
        WaitlistEntry e = entry({}, 0);
        e.meta = {};
        e.patientId = p.meta.id;
        e.weekdays = {3, 1};
        e.earliestMinute = 8 * 60;
        e.latestMinute = 12 * 60;
        QVERIFY(repo.save(e));
        e.earliestMinute = 13 * 60;
        QVERIFY(!repo.save(e)); // the window would end before it starts
        e.earliestMinute = 8 * 60;
        e.weekdays = {9};
        QVERIFY(!repo.save(e));
        auto waiting = repo.waiting();
        QVERIFY(waiting);
        QCOMPARE(waiting->size(), 1);
        QCOMPARE(waiting->first().weekdays, (QSet<int>{1, 3}));
        QCOMPARE(waiting->first().latestMinute, 12 * 60);
    }
};

QTEST_GUILESS_MAIN(TestWaitlistMatcher)
#include "tst_waitlistmatcher.moc"
