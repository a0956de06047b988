#include "scheduling/FreeSlotFinder.h"
#include "scheduling/LocalTime.h"

#include <QTest>

using namespace frontdesk;

namespace {
QDateTime utc(int y, int mo, int d, int h, int mi = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi), Qt::UTC);
}

WorkingHours hours(int weekday, int fromHour, int fromMinute, int toHour, int toMinute)
{
    WorkingHours w;
    w.weekday = weekday;
    w.startMinute = fromHour * 60 + fromMinute;
    w.endMinute = toHour * 60 + toMinute;
    return w;
}

PractitionerAvailability weekdays(const QString &id, int slot, int fromHour, int toHour)
{
    PractitionerAvailability p{id, slot, {}, {}};
    for (int d = 1; d <= 5; ++d)
        p.hours << hours(d, fromHour, 0, toHour, 0);
    return p;
}

SlotQuery query(QDateTime from, int minutes, int count, int days = 14)
{
    SlotQuery q;
    q.fromUtc = from;
    q.untilUtc = from.addDays(days);
    q.minutes = minutes;
    q.count = count;
    return q;
}

QList<QDateTime> starts(const QList<FreeSlot> &found)
{
    QList<QDateTime> out;
    for (const FreeSlot &s : found)
        out << s.startUtc;
    return out;
}

const QTimeZone kBerlin("Europe/Berlin");
const QTimeZone kNewYork("America/New_York");
} // namespace

// The workstation runs in Asia/Tokyo (set before Qt starts, see main below); the clinic is in
// Berlin or New York. Every expected answer is the clinic's wall time, written as UTC.
class TestFreeSlotFinder : public QObject
{
    Q_OBJECT
private slots:
    void theWorkstationIsElsewhere()
    {
        QCOMPARE(QTimeZone::systemTimeZoneId(), QByteArray("Asia/Tokyo"));
    }

    void localTimeInGapsAndRepeatedHours()
    {
        // 02:30 does not exist in Berlin on 29 March 2026; toUtc moves it by the gap.
        QVERIFY(!LocalTime::exactUtc(QDate(2026, 3, 29), 150, kBerlin));
        QCOMPARE(LocalTime::toUtc(QDate(2026, 3, 29), 150, kBerlin), utc(2026, 3, 29, 1, 30));
        QCOMPARE(LocalTime::toUtc(QDate(2026, 3, 29), 150, kBerlin).toTimeZone(kBerlin).time(),
                 QTime(3, 30));
        // 02:30 happens twice on 25 October 2026: the first time (summer time) is taken.
        QCOMPARE(*LocalTime::exactUtc(QDate(2026, 10, 25), 150, kBerlin), utc(2026, 10, 25, 0, 30));
        // New York: 8 March 2026 gap, 1 November 2026 repeated 01:30.
        QVERIFY(!LocalTime::exactUtc(QDate(2026, 3, 8), 150, kNewYork));
        QCOMPARE(*LocalTime::exactUtc(QDate(2026, 11, 1), 90, kNewYork), utc(2026, 11, 1, 5, 30));
        QCOMPARE(LocalTime::minuteOfDay(utc(2026, 7, 1, 6, 15), kBerlin), 8 * 60 + 15);
    }

    void gridWithinWorkingHours()
    {
        // Monday 4 May 2026, 08:00-10:00 Berlin (CEST, UTC+2), 15-minute grid, 30-minute found.
        const FreeSlotFinder f(kBerlin);
        const auto found = f.find({weekdays(QStringLiteral("dr"), 15, 8, 10)},
                                  query(utc(2026, 5, 4, 0), 30, 100, 1));
        QCOMPARE(found.size(), 7); // 08:00 ... 09:30
        QCOMPARE(found.first().startUtc, utc(2026, 5, 4, 6));
        QCOMPARE(found.first().endUtc, utc(2026, 5, 4, 6, 30));
        QCOMPARE(found.last().startUtc, utc(2026, 5, 4, 7, 30));
        QCOMPARE(found.first().practitionerId, QStringLiteral("dr"));
    }

    void breaksAppointmentsAndTimeOffAreNotFree()
    {
        PractitionerAvailability p{QStringLiteral("dr"), 30, {}, {}};
        p.hours << hours(1, 8, 0, 12, 0) << hours(1, 13, 0, 17, 0);
        // Booked 08:00-09:00, leave 14:00-17:00 (Monday 4 May 2026, CEST).
        p.busy << TimeSpan{utc(2026, 5, 4, 6).toMSecsSinceEpoch(),
                           utc(2026, 5, 4, 7).toMSecsSinceEpoch()}
               << TimeSpan{utc(2026, 5, 4, 12).toMSecsSinceEpoch(),
                           utc(2026, 5, 4, 15).toMSecsSinceEpoch()};
        const FreeSlotFinder f(kBerlin);
        const auto found = f.find({p}, query(utc(2026, 5, 4, 0), 60, 100, 1));
        // 09:00, 09:30, 10:00, 10:30, 11:00 (11:30 would cross the lunch break), 13:00.
        QCOMPARE(starts(found), (QList<QDateTime>{utc(2026, 5, 4, 7), utc(2026, 5, 4, 7, 30),
                                                  utc(2026, 5, 4, 8), utc(2026, 5, 4, 8, 30),
                                                  utc(2026, 5, 4, 9), utc(2026, 5, 4, 11)}));
    }

    void startsAtOrAfterFromAndStopsAtCount()
    {
        const FreeSlotFinder f(kBerlin);
        const auto found = f.find({weekdays(QStringLiteral("dr"), 15, 8, 17)},
                                  query(utc(2026, 5, 4, 7, 5), 15, 3));
        QCOMPARE(starts(found), (QList<QDateTime>{utc(2026, 5, 4, 7, 15), utc(2026, 5, 4, 7, 30),
                                                  utc(2026, 5, 4, 7, 45)}));
    }

    void anyPractitionerInStartOrder()
    {
        const FreeSlotFinder f(kBerlin);
        PractitionerAvailability a = weekdays(QStringLiteral("a"), 20, 9, 10);
        PractitionerAvailability b = weekdays(QStringLiteral("b"), 15, 9, 10);
        const auto found = f.find({a, b}, query(utc(2026, 5, 4, 0), 15, 5));
        QCOMPARE(found.size(), 5);
        // 09:00 a, 09:00 b, 09:15 b, 09:20 a, 09:30 b
        QCOMPARE(found.at(0).practitionerId, QStringLiteral("a"));
        QCOMPARE(found.at(1).practitionerId, QStringLiteral("b"));
        QCOMPARE(found.at(1).startUtc, utc(2026, 5, 4, 7));
        QCOMPARE(found.at(2).startUtc, utc(2026, 5, 4, 7, 15));
        QCOMPARE(found.at(3).practitionerId, QStringLiteral("a"));
        QCOMPARE(found.at(3).startUtc, utc(2026, 5, 4, 7, 20));
        QCOMPARE(found.at(4).startUtc, utc(2026, 5, 4, 7, 30));
    }

    void preferredDaysAndTimes()
    {
        const FreeSlotFinder f(kBerlin);
        SlotQuery q = query(utc(2026, 5, 4, 0), 30, 2); // Monday 4 May
        q.weekdays = {3};                               // Wednesdays
        q.windows = {{14 * 60, 15 * 60}};               // between 14:00 and 15:00
        const auto found = f.find({weekdays(QStringLiteral("dr"), 15, 8, 17)}, q);
        QCOMPARE(starts(found), (QList<QDateTime>{utc(2026, 5, 6, 12), utc(2026, 5, 6, 12, 15)}));
    }

    void berlinSpringForward()
    {
        // Friday 27 March is CET (UTC+1), Monday 30 March CEST (UTC+2): 08:00 stays 08:00.
        const FreeSlotFinder f(kBerlin);
        const auto found =
            f.find({weekdays(QStringLiteral("dr"), 30, 8, 9)}, query(utc(2026, 3, 27, 0), 30, 4));
        QCOMPARE(starts(found), (QList<QDateTime>{utc(2026, 3, 27, 7), utc(2026, 3, 27, 7, 30),
                                                  utc(2026, 3, 30, 6), utc(2026, 3, 30, 6, 30)}));
        // A night service on Sunday 29 March, 01:00-04:00: 02:00-03:00 does not exist.
        PractitionerAvailability night{QStringLiteral("night"), 30, {hours(7, 1, 0, 4, 0)}, {}};
        const auto nightSlots = f.find({night}, query(utc(2026, 3, 28, 12), 30, 10, 2));
        QCOMPARE(starts(nightSlots),
                 (QList<QDateTime>{utc(2026, 3, 29, 0), utc(2026, 3, 29, 0, 30),
                                   utc(2026, 3, 29, 1), utc(2026, 3, 29, 1, 30)}));
        QCOMPARE(nightSlots.at(2).startUtc.toTimeZone(kBerlin).time(), QTime(3, 0));
    }

    void berlinFallBack()
    {
        const FreeSlotFinder f(kBerlin);
        // Friday 23 October CEST (UTC+2), Monday 26 October CET (UTC+1).
        const auto found =
            f.find({weekdays(QStringLiteral("dr"), 30, 8, 9)}, query(utc(2026, 10, 23, 0), 30, 3));
        QCOMPARE(starts(found), (QList<QDateTime>{utc(2026, 10, 23, 6), utc(2026, 10, 23, 6, 30),
                                                  utc(2026, 10, 26, 7)}));
        // Sunday 25 October, 01:00-04:00 lasts four real hours; the repeated hour is offered
        // once (its first pass), so no wall time is shown twice.
        PractitionerAvailability night{QStringLiteral("night"), 30, {hours(7, 1, 0, 4, 0)}, {}};
        const auto nightSlots = f.find({night}, query(utc(2026, 10, 24, 12), 30, 10, 2));
        QCOMPARE(starts(nightSlots),
                 (QList<QDateTime>{utc(2026, 10, 24, 23), utc(2026, 10, 24, 23, 30),
                                   utc(2026, 10, 25, 0), utc(2026, 10, 25, 0, 30),
                                   utc(2026, 10, 25, 2), utc(2026, 10, 25, 2, 30)}));
        // A 90-minute slot at 02:30 (first pass) ends at 03:00 CET: it spans the extra hour.
        const auto longSlots = f.find({night}, query(utc(2026, 10, 25, 0, 30), 90, 1, 1));
        QCOMPARE(longSlots.first().startUtc, utc(2026, 10, 25, 0, 30));
        QCOMPARE(longSlots.first().endUtc.toTimeZone(kBerlin).time(), QTime(3, 0));
    }

    void newYorkSpringForward()
    {
        // Friday 6 March EST (UTC-5), Monday 9 March EDT (UTC-4).
        const FreeSlotFinder f(kNewYork);
        const auto found =
            f.find({weekdays(QStringLiteral("dr"), 60, 9, 10)}, query(utc(2026, 3, 6, 0), 60, 2));
        QCOMPARE(starts(found), (QList<QDateTime>{utc(2026, 3, 6, 14), utc(2026, 3, 9, 13)}));
        PractitionerAvailability night{QStringLiteral("night"), 60, {hours(7, 0, 0, 4, 0)}, {}};
        const auto nightSlots = f.find({night}, query(utc(2026, 3, 7, 12), 60, 10, 2));
        // 00:00, 01:00, (02:00 missing), 03:00 EDT.
        QCOMPARE(starts(nightSlots),
                 (QList<QDateTime>{utc(2026, 3, 8, 5), utc(2026, 3, 8, 6), utc(2026, 3, 8, 7)}));
    }

    void newYorkFallBack()
    {
        // Friday 30 October EDT (UTC-4), Monday 2 November EST (UTC-5).
        const FreeSlotFinder f(kNewYork);
        const auto found =
            f.find({weekdays(QStringLiteral("dr"), 60, 9, 10)}, query(utc(2026, 10, 30, 0), 60, 2));
        QCOMPARE(starts(found), (QList<QDateTime>{utc(2026, 10, 30, 13), utc(2026, 11, 2, 14)}));
    }

    void overMidnightWhenBlocksTouch()
    {
        // Monday 22:00-24:00 and Tuesday 00:00-02:00 (Berlin, May: UTC+2).
        PractitionerAvailability night{
            QStringLiteral("night"), 30, {hours(1, 22, 0, 24, 0), hours(2, 0, 0, 2, 0)}, {}};
        const FreeSlotFinder f(kBerlin);
        SlotQuery q = query(utc(2026, 5, 4, 21, 30), 60, 1, 1); // from Monday 23:30
        const auto found = f.find({night}, q);
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.first().startUtc, utc(2026, 5, 4, 21, 30));
        QCOMPARE(found.first().endUtc.toTimeZone(kBerlin),
                 QDateTime(QDate(2026, 5, 5), QTime(0, 30), kBerlin));
        // Without the Tuesday block, an hour from 23:30 does not fit; the next one is next week.
        night.hours.removeLast();
        const auto none = f.find({night}, q);
        QVERIFY(none.isEmpty());
        // An appointment over midnight blocks both sides.
        PractitionerAvailability busy{QStringLiteral("night"),
                                      30,
                                      {hours(1, 22, 0, 24, 0), hours(2, 0, 0, 2, 0)},
                                      {{utc(2026, 5, 4, 21, 30).toMSecsSinceEpoch(),
                                        utc(2026, 5, 4, 22, 30).toMSecsSinceEpoch()}}};
        const auto after = f.find({busy}, query(utc(2026, 5, 4, 20), 30, 3, 1));
        QCOMPARE(starts(after), (QList<QDateTime>{utc(2026, 5, 4, 20), utc(2026, 5, 4, 20, 30),
                                                  utc(2026, 5, 4, 21)}));
        const auto afterMidnight = f.find({busy}, query(utc(2026, 5, 4, 21, 1), 30, 1, 1));
        QCOMPARE(afterMidnight.first().startUtc, utc(2026, 5, 4, 22, 30));
    }

    void nothingWithoutWorkingHoursOrWithBadInput()
    {
        const FreeSlotFinder f(kBerlin);
        QVERIFY(f.find({{QStringLiteral("x"), 15, {}, {}}}, query(utc(2026, 5, 4, 0), 15, 5))
                    .isEmpty());
        QVERIFY(f.find({weekdays(QStringLiteral("dr"), 15, 8, 9)}, query(utc(2026, 5, 4, 0), 0, 5))
                    .isEmpty());
        // Longer than any working block: nothing.
        QVERIFY(
            f.find({weekdays(QStringLiteral("dr"), 15, 8, 9)}, query(utc(2026, 5, 4, 0), 120, 5))
                .isEmpty());
    }
};

int main(int argc, char **argv)
{
    // The workstation's zone must not leak into the clinic's answers.
    qputenv("TZ", "Asia/Tokyo");
    QCoreApplication app(argc, argv);
    TestFreeSlotFinder test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_freeslotfinder.moc"
