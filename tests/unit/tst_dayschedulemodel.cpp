#include "TestClock.h"
#include "TestDatabase.h"

#include "DayScheduleModel.h"
#include "demo/DemoSeeder.h"
#include "scheduling/BookingService.h"
#include "storage/ScheduleExceptionRepository.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace frontdesk;

// The day model the calendar paints, on seeded demo data. The clinic is in New York; the
// workstation in Tokyo.
class TestDayScheduleModel : public QObject
{
    Q_OBJECT

    test::TestDatabase m_t;
    // Monday 9 March 2026, 10:00 in New York (the day after the DST change).
    TestClock m_clock{QDateTime(QDate(2026, 3, 9), QTime(14, 0), Qt::UTC)};
    const QDate m_day{2026, 3, 9};

private slots:
    void initTestCase()
    {
        QVERIFY(m_t.open());
        m_t.db->setClock(m_clock);
        QVERIFY(m_t.db->setSetting(QStringLiteral("clinic_time_zone"),
                                   QStringLiteral("America/New_York")));
        DemoSeeder::Options o;
        o.patients = 600;
        o.appointments = 3000;
        o.today = m_day;
        o.timeZone = QStringLiteral("America/New_York");
        auto seeded = DemoSeeder(*m_t.db).seed(o);
        QVERIFY2(seeded, qPrintable(seeded.error()));
    }

    void practitionerColumnsAndTheDaysAppointments()
    {
        DayScheduleModel model(*m_t.db);
        QAbstractItemModelTester tester(&model);
        QCOMPARE(model.date(), m_day);
        model.refresh();
        QVERIFY2(model.lastError().isEmpty(), qPrintable(model.lastError()));
        const auto practitioners = model.snapshot().practitioners;
        QCOMPARE(model.columns().size(), practitioners.size());
        QVERIFY(model.rowCount() > 10);
        const QTimeZone ny("America/New_York");
        for (int row = 0; row < model.rowCount(); ++row) {
            const QModelIndex i = model.index(row);
            const int column = i.data(DayScheduleModel::ColumnRole).toInt();
            QCOMPARE(model.columns().at(column).id,
                     i.data(DayScheduleModel::PractitionerIdRole).toString());
            QCOMPARE(i.data(DayScheduleModel::StartRole).toDateTime().toTimeZone(ny).date(), m_day);
            QVERIFY(i.data(DayScheduleModel::ColorRole).toString().startsWith(QLatin1Char('#')));
        }
        // Working hours 08:00-12:00 and 13:00-17:00 in New York (EDT since yesterday: UTC-4).
        const auto &working = model.columns().first().working;
        QCOMPARE(working.size(), 2);
        QCOMPARE(QDateTime::fromMSecsSinceEpoch(working.first().startMs, Qt::UTC),
                 QDateTime(m_day, QTime(12, 0), Qt::UTC));
        QCOMPARE(model.firstMinute(), 8 * 60);
        QVERIFY(model.lastMinute() >= 17 * 60);
    }

    void filtersAndRoomColumns()
    {
        DayScheduleModel model(*m_t.db);
        QAbstractItemModelTester tester(&model);
        model.refresh();
        const int all = model.rowCount();
        const QString first = model.columns().first().id;
        model.setFilters({first}, {}, {});
        QCOMPARE(model.columns().size(), 1);
        QVERIFY(model.rowCount() > 0 && model.rowCount() < all);
        model.setFilters({}, {}, QStringLiteral("procedure"));
        for (int row = 0; row < model.rowCount(); ++row)
            QCOMPARE(model.index(row).data(DayScheduleModel::TypeRole).toString(),
                     QStringLiteral("procedure"));
        // A room filter keeps only that room's appointments, in every column mode.
        const QString room = model.snapshot().rooms.first().meta.id;
        model.setFilters({}, room, {});
        QVERIFY(model.rowCount() > 0 && model.rowCount() < all);
        for (int row = 0; row < model.rowCount(); ++row)
            QCOMPARE(model.index(row).data(DayScheduleModel::LocationIdRole).toString(), room);
        model.setFilters({}, {}, {});
        model.setMode(DayScheduleModel::ColumnMode::Rooms);
        QCOMPARE(model.rowCount(), all);
        for (int row = 0; row < model.rowCount(); ++row) {
            const QModelIndex i = model.index(row);
            QCOMPARE(model.columns().at(i.data(DayScheduleModel::ColumnRole).toInt()).id,
                     i.data(DayScheduleModel::LocationIdRole).toString());
        }
    }

    void weekOfOnePractitioner()
    {
        DayScheduleModel model(*m_t.db);
        QAbstractItemModelTester tester(&model);
        model.refresh();
        const QString practitioner = model.columns().at(1).id;
        model.setWeekPractitioner(practitioner);
        model.setMode(DayScheduleModel::ColumnMode::Week);
        QCOMPARE(model.columns().size(), 7);
        QCOMPARE(model.columns().first().date, QDate(2026, 3, 9)); // Monday
        QCOMPARE(model.columns().last().date, QDate(2026, 3, 15));
        // Sunday 8 March (the DST change) is the week before; this week is all EDT.
        QCOMPARE(model.columns().first().startUtc,
                 QDateTime(QDate(2026, 3, 9), QTime(4, 0), Qt::UTC));
        QVERIFY(model.columns().at(6).working.isEmpty()); // nobody works on Sundays
        QVERIFY(model.rowCount() > 0);
        const QTimeZone ny("America/New_York");
        for (int row = 0; row < model.rowCount(); ++row) {
            const QModelIndex i = model.index(row);
            QCOMPARE(i.data(DayScheduleModel::PractitionerIdRole).toString(), practitioner);
            const auto &column = model.columns().at(i.data(DayScheduleModel::ColumnRole).toInt());
            QCOMPARE(i.data(DayScheduleModel::StartRole).toDateTime().toTimeZone(ny).date(),
                     column.date);
        }
        model.setMode(DayScheduleModel::ColumnMode::Practitioners);
        QVERIFY(model.columns().size() > 1);
        QCOMPARE(model.columns().first().date, m_day);
    }

    void timeOffAndWaitingTimes()
    {
        DayScheduleModel model(*m_t.db);
        model.refresh();
        const QString practitioner = model.columns().first().id;
        ScheduleException leave;
        leave.practitionerId = practitioner;
        leave.kind = ScheduleException::Kind::Leave;
        leave.start = QDateTime(m_day, QTime(17, 0), Qt::UTC);
        leave.end = QDateTime(m_day, QTime(21, 0), Qt::UTC);
        QVERIFY(ScheduleExceptionRepository(*m_t.db).save(leave));
        // A new booking at 07:00 local (before hours, always free) checked in at 10:00.
        BookingService service(*m_t.db);
        Appointment a;
        a.patientId = model.index(0).data(DayScheduleModel::PatientIdRole).toString();
        a.practitionerId = practitioner;
        a.start = QDateTime(m_day, QTime(11, 0), Qt::UTC);
        a.end = a.start.addSecs(15 * 60);
        auto booked = service.book(a, {});
        QVERIFY2(booked, qPrintable(booked.error()));
        QVERIFY(service.changeStatus(booked->meta.id, {AppointmentStatus::Arrived, {}, {}}));
        model.refresh();
        QCOMPARE(model.columns().first().off.size(), 1);
        const int row = model.rowOf(booked->meta.id);
        QVERIFY(row >= 0);
        QCOMPARE(model.index(row).data(DayScheduleModel::ArrivedAtRole).toDateTime(),
                 m_clock.nowUtc());
        QCOMPARE(model.index(row).data(DayScheduleModel::StatusRole).toString(),
                 QStringLiteral("arrived"));
        QCOMPARE(model.firstMinute(), 7 * 60);
    }
};

int main(int argc, char **argv)
{
    qputenv("TZ", "Asia/Tokyo");
    QCoreApplication app(argc, argv);
    TestDayScheduleModel test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_dayschedulemodel.moc"
