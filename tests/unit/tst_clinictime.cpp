#include "TestClock.h"
#include "core/Clock.h"
#include "domain/ClinicTime.h"

#include <QTest>

using namespace frontdesk;

class TestClinicTime : public QObject
{
    Q_OBJECT

private slots:
    void todayIsTheClinicsToday()
    {
        // 23:30 UTC is already tomorrow in Berlin and still today in New York.
        const TestClock clock(QDateTime(QDate(2026, 6, 1), QTime(23, 30), QTimeZone::utc()));
        QCOMPARE(ClinicTime::fromZoneName(QStringLiteral("Europe/Berlin")).today(clock),
                 QDate(2026, 6, 2));
        QCOMPARE(ClinicTime::fromZoneName(QStringLiteral("America/New_York")).today(clock),
                 QDate(2026, 6, 1));
    }

    void daysFollowDaylightSaving()
    {
        const ClinicTime berlin = ClinicTime::fromZoneName(QStringLiteral("Europe/Berlin"));
        QCOMPARE(berlin.startOfDayUtc(QDate(2026, 3, 3)),
                 QDateTime(QDate(2026, 3, 2), QTime(23, 0), QTimeZone::utc()));
        QCOMPARE(berlin.startOfDayUtc(QDate(2026, 7, 3)),
                 QDateTime(QDate(2026, 7, 2), QTime(22, 0), QTimeZone::utc()));
        // The spring-forward day has 23 hours, the fall-back day 25.
        QCOMPARE(berlin.startOfDayUtc(QDate(2026, 3, 29))
                     .secsTo(berlin.startOfDayUtc(QDate(2026, 3, 30))),
                 23 * 3600);
        QCOMPARE(berlin.startOfDayUtc(QDate(2026, 10, 25))
                     .secsTo(berlin.startOfDayUtc(QDate(2026, 10, 26))),
                 25 * 3600);
        QCOMPARE(berlin.toLocal(QDateTime(QDate(2026, 7, 3), QTime(6, 0), QTimeZone::utc())).time(),
                 QTime(8, 0));
    }

    void unknownZoneFallsBackToTheWorkstation()
    {
        QCOMPARE(ClinicTime::fromZoneName(QStringLiteral("Mars/Olympus_Mons")).zone(),
                 QTimeZone::systemTimeZone());
        QCOMPARE(ClinicTime::fromZoneName(QString()).zone(), QTimeZone::systemTimeZone());
    }
};

QTEST_GUILESS_MAIN(TestClinicTime)
#include "tst_clinictime.moc"
