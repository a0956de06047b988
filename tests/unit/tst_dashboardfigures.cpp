#include "domain/DashboardFigures.h"

#include <QTest>

using namespace frontdesk;

class TestDashboardFigures : public QObject
{
    Q_OBJECT

private slots:
    void fromCounts()
    {
        const QMap<AppointmentStatus, qint64> counts{{AppointmentStatus::Completed, 60},
                                                     {AppointmentStatus::NoShow, 6},
                                                     {AppointmentStatus::Cancelled, 10},
                                                     {AppointmentStatus::Booked, 20},
                                                     {AppointmentStatus::Arrived, 4}};
        const DashboardFigures f = DashboardFigures::fromCounts(counts, 55);
        QCOMPARE(f.appointments, 100);
        QCOMPARE(f.completed, 60);
        QCOMPARE(f.noShows, 6);
        QCOMPARE(f.cancellations, 10);
        QCOMPARE(f.patientsSeen, 55);
        // Cancelled visits were never expected, so they are not in the denominator.
        QCOMPARE(f.noShowRate().value(), 6.0 / 90.0);
    }

    void rateIsUndefinedWithoutExpectedVisits()
    {
        QVERIFY(!DashboardFigures{}.noShowRate());
        const DashboardFigures allCancelled =
            DashboardFigures::fromCounts({{AppointmentStatus::Cancelled, 3}}, 0);
        QVERIFY(!allCancelled.noShowRate());
        QCOMPARE(
            DashboardFigures::fromCounts({{AppointmentStatus::NoShow, 2}}, 0).noShowRate().value(),
            1.0);
    }

    void seenMeansInRoomOrCompleted()
    {
        const auto seen = DashboardFigures::seenStatuses();
        QVERIFY(seen.contains(AppointmentStatus::InRoom));
        QVERIFY(seen.contains(AppointmentStatus::Completed));
        QVERIFY(!seen.contains(AppointmentStatus::Arrived));
        QVERIFY(!seen.contains(AppointmentStatus::NoShow));
    }
};

QTEST_GUILESS_MAIN(TestDashboardFigures)
#include "tst_dashboardfigures.moc"
