#include "scheduling/Recurrence.h"

#include <QTest>

using namespace frontdesk;

namespace {
const QTimeZone kBerlin("Europe/Berlin");
const QTimeZone kNewYork("America/New_York");

Recurrence weekly(int interval, int count, QDate until = {})
{
    Recurrence r;
    r.frequency = Recurrence::Frequency::Weekly;
    r.interval = interval;
    r.count = count;
    r.until = until;
    return r;
}

Recurrence monthly(int interval, int count, QDate until = {})
{
    Recurrence r = weekly(interval, count, until);
    r.frequency = Recurrence::Frequency::Monthly;
    return r;
}
} // namespace

class TestRecurrence : public QObject
{
    Q_OBJECT
private slots:
    void theWorkstationIsElsewhere()
    {
        QCOMPARE(QTimeZone::systemTimeZoneId(), QByteArray("Asia/Tokyo"));
    }

    void weeklyKeepsTheLocalTimeAcrossBerlinDst()
    {
        // Mondays at 09:00 from 16 March to 6 April 2026 (DST starts 29 March) and from
        // 19 October to 2 November (DST ends 25 October).
        for (QDate first : {QDate(2026, 3, 16), QDate(2026, 10, 19)}) {
            auto occ = weekly(1, 4).expand(first, 9 * 60, 30, kBerlin);
            QVERIFY2(occ, qPrintable(occ.error()));
            QCOMPARE(occ->size(), 4);
            for (const auto &o : *occ) {
                QCOMPARE(o.startUtc.toTimeZone(kBerlin).time(), QTime(9, 0));
                QCOMPARE(o.startUtc.toTimeZone(kBerlin).date().dayOfWeek(), 1);
                QCOMPARE(o.startUtc.secsTo(o.endUtc), 30 * 60);
            }
        }
        auto spring = weekly(1, 4).expand(QDate(2026, 3, 16), 9 * 60, 30, kBerlin);
        QCOMPARE(spring->at(1).startUtc, QDateTime(QDate(2026, 3, 23), QTime(8, 0), Qt::UTC));
        QCOMPARE(spring->at(2).startUtc, QDateTime(QDate(2026, 3, 30), QTime(7, 0), Qt::UTC));
        auto autumn = weekly(1, 3).expand(QDate(2026, 10, 19), 9 * 60, 30, kBerlin);
        QCOMPARE(autumn->at(0).startUtc, QDateTime(QDate(2026, 10, 19), QTime(7, 0), Qt::UTC));
        QCOMPARE(autumn->at(2).startUtc, QDateTime(QDate(2026, 11, 2), QTime(8, 0), Qt::UTC));
    }

    void weeklyAcrossNewYorkDst()
    {
        auto occ = weekly(1, 2).expand(QDate(2026, 3, 2), 9 * 60, 15, kNewYork);
        QCOMPARE(occ->at(0).startUtc, QDateTime(QDate(2026, 3, 2), QTime(14, 0), Qt::UTC));
        QCOMPARE(occ->at(1).startUtc, QDateTime(QDate(2026, 3, 9), QTime(13, 0), Qt::UTC));
        auto nov = weekly(1, 2).expand(QDate(2026, 10, 26), 9 * 60, 15, kNewYork);
        QCOMPARE(nov->at(0).startUtc, QDateTime(QDate(2026, 10, 26), QTime(13, 0), Qt::UTC));
        QCOMPARE(nov->at(1).startUtc, QDateTime(QDate(2026, 11, 2), QTime(14, 0), Qt::UTC));
    }

    void everyNWeeksUntilADate()
    {
        auto dates = weekly(2, 0, QDate(2026, 2, 9)).dates(QDate(2026, 1, 12));
        QVERIFY(dates);
        QCOMPARE(*dates, (QList<QDate>{QDate(2026, 1, 12), QDate(2026, 1, 26), QDate(2026, 2, 9)}));
        auto fewer = weekly(2, 0, QDate(2026, 2, 8)).dates(QDate(2026, 1, 12));
        QCOMPARE(fewer->size(), 2);
    }

    void monthlyMonthEndsClampAndDoNotDrift()
    {
        auto dates = monthly(1, 5).dates(QDate(2026, 1, 31));
        QVERIFY(dates);
        QCOMPARE(*dates, (QList<QDate>{QDate(2026, 1, 31), QDate(2026, 2, 28), QDate(2026, 3, 31),
                                       QDate(2026, 4, 30), QDate(2026, 5, 31)}));
        auto leap = monthly(1, 2).dates(QDate(2028, 1, 31));
        QCOMPARE(leap->at(1), QDate(2028, 2, 29));
        auto quarterly = monthly(3, 3).dates(QDate(2026, 11, 30));
        QCOMPARE(*quarterly,
                 (QList<QDate>{QDate(2026, 11, 30), QDate(2027, 2, 28), QDate(2027, 5, 30)}));
        auto until = monthly(1, 0, QDate(2026, 4, 29)).dates(QDate(2026, 1, 29));
        QCOMPARE(*until, (QList<QDate>{QDate(2026, 1, 29), QDate(2026, 2, 28), QDate(2026, 3, 29),
                                       QDate(2026, 4, 29)}));
    }

    void monthlyAcrossDstKeepsLocalTime()
    {
        auto occ = monthly(1, 3).expand(QDate(2026, 2, 15), 14 * 60 + 30, 60, kBerlin);
        QVERIFY(occ);
        for (const auto &o : *occ)
            QCOMPARE(o.startUtc.toTimeZone(kBerlin).time(), QTime(14, 30));
        QCOMPARE(occ->at(0).startUtc.time(), QTime(13, 30)); // CET
        QCOMPARE(occ->at(2).startUtc.time(), QTime(12, 30)); // CEST
    }

    void anOccurrenceInTheGapMovesForward()
    {
        // Sundays at 02:30: on 29 March 2026 that wall time does not exist in Berlin.
        auto occ = weekly(1, 3).expand(QDate(2026, 3, 22), 2 * 60 + 30, 30, kBerlin);
        QVERIFY(occ);
        QCOMPARE(occ->at(1).startUtc.toTimeZone(kBerlin).time(), QTime(3, 30));
        QCOMPARE(occ->at(2).startUtc.toTimeZone(kBerlin).time(), QTime(2, 30));
    }

    void appointmentsOverMidnightKeepTheirLength()
    {
        auto occ = weekly(1, 2).expand(QDate(2026, 3, 21), 23 * 60 + 30, 90, kBerlin);
        QVERIFY(occ);
        // Saturday 28 March 23:30 CET to Sunday 29 March 01:00 CET (before the change at 02:00).
        QCOMPARE(occ->at(1).endUtc.toTimeZone(kBerlin),
                 QDateTime(QDate(2026, 3, 29), QTime(1, 0), kBerlin));
    }

    void invalidRulesAreRefused()
    {
        QVERIFY(!weekly(0, 3).dates(QDate(2026, 1, 1)));
        QVERIFY(!weekly(53, 3).dates(QDate(2026, 1, 1)));
        QVERIFY(!weekly(1, 0).dates(QDate(2026, 1, 1)));                     // no end
        QVERIFY(!weekly(1, 3, QDate(2026, 2, 1)).dates(QDate(2026, 1, 1)));  // both ends
        QVERIFY(!weekly(1, 0, QDate(2025, 12, 1)).dates(QDate(2026, 1, 1))); // ends before
        QVERIFY(!weekly(1, Recurrence::MaxOccurrences + 1).dates(QDate(2026, 1, 1)));
        QVERIFY(!weekly(1, 0, QDate(2040, 1, 1)).dates(QDate(2026, 1, 1))); // too many
        QVERIFY(weekly(1, Recurrence::MaxOccurrences).dates(QDate(2026, 1, 1)));
        QVERIFY(!weekly(1, 2).expand(QDate(2026, 1, 1), 24 * 60, 15, kBerlin));
        QVERIFY(!weekly(1, 2).expand(QDate(2026, 1, 1), 9 * 60, 0, kBerlin));
        QCOMPARE(Recurrence::frequencyFromName(QStringLiteral("monthly")),
                 Recurrence::Frequency::Monthly);
        QVERIFY(!Recurrence::frequencyFromName(QStringLiteral("daily")));
    }
};

int main(int argc, char **argv)
{
    qputenv("TZ", "Asia/Tokyo");
    QCoreApplication app(argc, argv);
    TestRecurrence test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_recurrence.moc"
