#include "TestClock.h"
#include "TestDatabase.h"

#include "access/AuditQuery.h"
#include "access/Role.h"
#include "access/Session.h"
#include "access/StaffAccountRepository.h"
#include "database/ReadWorker.h"
#include "kpi/KpiCalculator.h"
#include "kpi/KpiDefinitions.h"
#include "kpi/KpiLoader.h"
#include "kpi/KpiService.h"
#include "storage/RecallRepository.h"

#include <QRegularExpression>
#include <QTest>
#include <QTimeZone>

#include <cmath>

using namespace frontdesk;

namespace {

const QString kPassword = QStringLiteral("tidal marble orchard 7");
const QTimeZone kBerlin("Europe/Berlin");

qint64 local(int y, int mo, int d, int h, int mi = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi), kBerlin).toMSecsSinceEpoch();
}
qint64 utc(int y, int mo, int d, int h, int mi = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi), Qt::UTC).toMSecsSinceEpoch();
}
constexpr qint64 kHour = 3600 * 1000;
constexpr qint64 kDay = 24 * kHour;

KpiFilter period(QDate from, QDate to)
{
    KpiFilter f;
    f.from = from;
    f.to = to;
    return f;
}

bool near(const std::optional<double> &v, double expected)
{
    return v && std::abs(*v - expected) < 1e-9;
}

} // namespace

// The dashboard's figures on a small clinic whose answers were worked out by hand (below, next
// to each expectation). The clinic is in Berlin; "now" is Wednesday 15 April 2026, 12:00 local.
//
// The current period is Mon 23 Mar - Sun 5 Apr 2026 (14 days, with the switch to summer time
// on Sun 29 Mar); the previous one Mon 9 - Sun 22 Mar; the one before that 23 Feb - 8 Mar.
//
// Working hours: Dr. Adler (A) Mon 08-12 and Sun 01-04 in room 1; Dr. Bauer (B) Wed 09-11 in
// room 2. A clinic holiday on Mon 30 Mar 08-10; B on leave all of Wed 25 Mar.
//
// Appointments (local times; created = days before the start):
//   current  A1 A Mon 23 08:00-08:30 P1 completed    created 10
//            A2 A Mon 23 08:30-09:00 P2 no-show      created 2
//            A3 A Mon 23 09:00-09:15 P3 cancelled 30 h before (early)     created 5
//            A4 A Mon 23 10:00-10:20 P4 cancelled 3 h before (late)       created 7
//            A5 A Sun 29 01:00-02:00 P1 completed    created 1
//            A6 A Mon 30 10:00-10:30 P5 no-show      created 4
//            A7 B Wed 1 Apr 09:00-10:00 P2 in-room, check-up   created 20
//            A8 B Wed 1 Apr 10:00-10:30 P6 cancelled, no history, last change 1 h before
//            A9 A Sun 5 Apr 23:30-00:30 P7 booked, follow-up   created 6 (30 min in period)
//            A10 A Mon 23 11:00-11:30 P3 completed; a cancellation 2 h before was reverted
//                                                    created 8
//   previous B1 A Mon 9 08:00-08:30 P1 completed    created 3
//            B2 A Mon 16 08:00-08:15 P2 completed   created 1
//            B3 B Wed 11 09:00-09:30 P8 completed   created 5
//            B4 B Wed 18 09:00-09:30 P5 no-show     created 2
//            B5 A Mon 16 09:00-09:30 P3 cancelled 50 h before            created 6
//   before   C1 A Mon 2 Mar 08:00 P2 completed; C2 A Mon 5 Jan 08:00 P1 completed;
//            C3 B Wed 4 Mar 09:00 P9 completed
//   older    D1 A Mon 1 Dec 2025 P8 no-show; D2 A Mon 12 Jan 2026 P8 no-show
//   future   F1 B Mon 20 Apr 09:00 P2 booked
class TestKpi : public QObject
{
    Q_OBJECT

    test::TestDatabase m_t;
    TestClock m_clock{QDateTime::fromMSecsSinceEpoch(utc(2026, 4, 15, 10), Qt::UTC)};
    const KpiFilter m_period = period(QDate(2026, 3, 23), QDate(2026, 4, 5));

    Database &db() { return *m_t.db; }

    void sql(const QString &statement, const QVariantList &values)
    {
        auto q = db().query(statement, values);
        QVERIFY2(q.ok(), qPrintable(q.error()));
    }
    void patient(const QString &id)
    {
        sql(QStringLiteral("INSERT INTO patients (id, mrn, family_name, given_name, created_at, "
                           "updated_at) VALUES (?, ?, ?, 'Pat', 0, 0)"),
            {id, QStringLiteral("MRN-") + id, QStringLiteral("Patient ") + id});
    }
    void practitioner(const QString &id, const QString &family, const QString &given)
    {
        sql(QStringLiteral("INSERT INTO practitioners (id, family_name, given_name, prefix, "
                           "created_at, updated_at) VALUES (?, ?, ?, 'Dr.', 0, 0)"),
            {id, family, given});
    }
    void hours(const QString &practitioner, int weekday, int from, int to, const QString &room)
    {
        static int n = 0;
        sql(QStringLiteral("INSERT INTO working_hours (id, practitioner_id, weekday, "
                           "start_minute, end_minute, location_id, created_at, updated_at) "
                           "VALUES (?, ?, ?, ?, ?, ?, 0, 0)"),
            {QStringLiteral("WH%1").arg(++n), practitioner, weekday, from * 60, to * 60, room});
    }
    void appointment(const QString &id, const QString &practitioner, const QString &patient,
                     qint64 start, int minutes, const QString &status, double createdDaysBefore,
                     const QString &type = QStringLiteral("consultation"), qint64 updated = 0)
    {
        const qint64 created = start - qint64(createdDaysBefore * double(kDay));
        sql(QStringLiteral("INSERT INTO appointments (id, patient_id, practitioner_id, "
                           "location_id, start_at, end_at, type, status, created_at, updated_at) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
            {id, patient, practitioner,
             practitioner == QLatin1String("drA") ? QStringLiteral("L1") : QStringLiteral("L2"),
             start, start + minutes * 60 * 1000, type, status, created,
             updated ? updated : created});
    }
    void history(const QString &id, const QString &appointment, const QString &to, qint64 at,
                 const QString &reverts = {})
    {
        sql(QStringLiteral("INSERT INTO appointment_status_history (id, appointment_id, "
                           "to_status, changed_at, reverts_id, created_at, updated_at) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?)"),
            {id, appointment, to, at, reverts, at, at});
    }
    void message(const QString &id, const QString &patient, const QString &appointment,
                 const QString &direction, const QString &purpose, const QString &status, qint64 at,
                 const QString &body = {})
    {
        sql(QStringLiteral("INSERT INTO messages (id, patient_id, appointment_id, direction, "
                           "purpose, status, body, sent_at, created_at, updated_at) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
            {id, patient, appointment.isEmpty() ? QVariant() : QVariant(appointment), direction,
             purpose, status, body, at, at, at});
    }
    void recall(const QString &id, const QString &patient, const QString &due,
                const QString &status, const QString &practitioner = {})
    {
        sql(QStringLiteral("INSERT INTO recalls (id, patient_id, practitioner_id, reason, due_on, "
                           "status, created_at, updated_at) VALUES (?, ?, ?, 'Check-up', ?, ?, 0, "
                           "0)"),
            {id, patient, practitioner.isEmpty() ? QVariant() : QVariant(practitioner), due,
             status});
    }

    KpiReport report(const KpiFilter &filter)
    {
        auto r = KpiService(db()).compute(filter);
        if (!r)
            qWarning("%s", qPrintable(r.error()));
        return r ? *r : KpiReport{};
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_t.open());
        db().setClock(m_clock);
        QVERIFY(
            db().setSetting(QStringLiteral("clinic_time_zone"), QStringLiteral("Europe/Berlin")));
        sql(QStringLiteral("INSERT INTO locations (id, name, created_at, updated_at) "
                           "VALUES ('L1', 'Room 1', 0, 0), ('L2', 'Room 2', 0, 0)"),
            {});
        practitioner(QStringLiteral("drA"), QStringLiteral("Adler"), QStringLiteral("Alice"));
        practitioner(QStringLiteral("drB"), QStringLiteral("Bauer"), QStringLiteral("Bernd"));
        hours(QStringLiteral("drA"), 1, 8, 12, QStringLiteral("L1"));
        hours(QStringLiteral("drA"), 7, 1, 4, QStringLiteral("L1"));
        hours(QStringLiteral("drB"), 3, 9, 11, QStringLiteral("L2"));
        sql(QStringLiteral("INSERT INTO schedule_exceptions (id, practitioner_id, kind, start_at, "
                           "end_at, created_at, updated_at) VALUES ('X1', NULL, 'holiday', ?, ?, "
                           "0, 0), ('X2', 'drB', 'leave', ?, ?, 0, 0)"),
            {local(2026, 3, 30, 8), local(2026, 3, 30, 10), local(2026, 3, 25, 0),
             local(2026, 3, 26, 0)});
        for (int i = 1; i <= 9; ++i)
            patient(QStringLiteral("P%1").arg(i));

        const QString A = QStringLiteral("drA"), B = QStringLiteral("drB");
        const QString completed = QStringLiteral("completed"), noShow = QStringLiteral("no-show"),
                      cancelled = QStringLiteral("cancelled");
        appointment(QStringLiteral("A1"), A, QStringLiteral("P1"), local(2026, 3, 23, 8), 30,
                    completed, 10);
        appointment(QStringLiteral("A2"), A, QStringLiteral("P2"), local(2026, 3, 23, 8, 30), 30,
                    noShow, 2);
        appointment(QStringLiteral("A3"), A, QStringLiteral("P3"), local(2026, 3, 23, 9), 15,
                    cancelled, 5);
        history(QStringLiteral("H3"), QStringLiteral("A3"), cancelled,
                local(2026, 3, 23, 9) - 30 * kHour);
        appointment(QStringLiteral("A4"), A, QStringLiteral("P4"), local(2026, 3, 23, 10), 20,
                    cancelled, 7);
        history(QStringLiteral("H4"), QStringLiteral("A4"), cancelled,
                local(2026, 3, 23, 10) - 3 * kHour);
        appointment(QStringLiteral("A5"), A, QStringLiteral("P1"), local(2026, 3, 29, 1), 60,
                    completed, 1);
        appointment(QStringLiteral("A6"), A, QStringLiteral("P5"), local(2026, 3, 30, 10), 30,
                    noShow, 4);
        appointment(QStringLiteral("A7"), B, QStringLiteral("P2"), local(2026, 4, 1, 9), 60,
                    QStringLiteral("in-room"), 20, QStringLiteral("check-up"));
        appointment(QStringLiteral("A8"), B, QStringLiteral("P6"), local(2026, 4, 1, 10), 30,
                    cancelled, 3, QStringLiteral("consultation"), local(2026, 4, 1, 9));
        appointment(QStringLiteral("A9"), A, QStringLiteral("P7"), local(2026, 4, 5, 23, 30), 60,
                    QStringLiteral("booked"), 6, QStringLiteral("follow-up"));
        appointment(QStringLiteral("A10"), A, QStringLiteral("P3"), local(2026, 3, 23, 11), 30,
                    completed, 8);
        history(QStringLiteral("H10a"), QStringLiteral("A10"), cancelled, local(2026, 3, 23, 9));
        history(QStringLiteral("H10b"), QStringLiteral("A10"), QStringLiteral("booked"),
                local(2026, 3, 23, 9, 30), QStringLiteral("H10a"));

        appointment(QStringLiteral("B1"), A, QStringLiteral("P1"), local(2026, 3, 9, 8), 30,
                    completed, 3);
        appointment(QStringLiteral("B2"), A, QStringLiteral("P2"), local(2026, 3, 16, 8), 15,
                    completed, 1);
        appointment(QStringLiteral("B3"), B, QStringLiteral("P8"), local(2026, 3, 11, 9), 30,
                    completed, 5);
        appointment(QStringLiteral("B4"), B, QStringLiteral("P5"), local(2026, 3, 18, 9), 30,
                    noShow, 2);
        appointment(QStringLiteral("B5"), A, QStringLiteral("P3"), local(2026, 3, 16, 9), 30,
                    cancelled, 6);
        history(QStringLiteral("H5"), QStringLiteral("B5"), cancelled,
                local(2026, 3, 16, 9) - 50 * kHour);
        appointment(QStringLiteral("C1"), A, QStringLiteral("P2"), local(2026, 3, 2, 8), 30,
                    completed, 10);
        appointment(QStringLiteral("C2"), A, QStringLiteral("P1"), local(2026, 1, 5, 8), 30,
                    completed, 10);
        appointment(QStringLiteral("C3"), B, QStringLiteral("P9"), local(2026, 3, 4, 9), 30,
                    completed, 10);
        appointment(QStringLiteral("D1"), A, QStringLiteral("P8"), local(2025, 12, 1, 8), 30,
                    noShow, 10);
        appointment(QStringLiteral("D2"), A, QStringLiteral("P8"), local(2026, 1, 12, 8), 30,
                    noShow, 10);
        appointment(QStringLiteral("F1"), B, QStringLiteral("P2"), local(2026, 4, 20, 9), 30,
                    QStringLiteral("booked"), 10);
        // A deleted appointment never counts.
        appointment(QStringLiteral("Z1"), A, QStringLiteral("P9"), local(2026, 3, 24, 8), 30,
                    noShow, 1);
        sql(QStringLiteral("UPDATE appointments SET deleted = 1 WHERE id = 'Z1'"), {});

        // Messages (UTC). The current period runs from 22 Mar 23:00 to 5 Apr 22:00 UTC.
        const QString out = QStringLiteral("outbound"), in = QStringLiteral("inbound"),
                      reminder = QStringLiteral("reminder");
        message(QStringLiteral("M1"), QStringLiteral("P1"), QStringLiteral("A5"), out, reminder,
                QStringLiteral("delivered"), utc(2026, 3, 27, 10));
        history(QStringLiteral("H5c"), QStringLiteral("A5"), QStringLiteral("confirmed"),
                utc(2026, 3, 27, 12));
        message(QStringLiteral("M2"), QStringLiteral("P6"), QStringLiteral("A8"), out, reminder,
                QStringLiteral("delivered"), utc(2026, 3, 30, 9));
        message(QStringLiteral("I2"), QStringLiteral("P6"), QStringLiteral("A8"), in, reminder,
                QStringLiteral("received"), utc(2026, 3, 30, 10), QStringLiteral("Ja, passt"));
        message(QStringLiteral("M3"), QStringLiteral("P5"), QStringLiteral("A6"), out, reminder,
                QStringLiteral("sent"), utc(2026, 3, 28, 8));
        message(QStringLiteral("I3"), QStringLiteral("P5"), {}, in, reminder,
                QStringLiteral("received"), utc(2026, 3, 31, 9), QStringLiteral("R"));
        message(QStringLiteral("M4"), QStringLiteral("P7"), QStringLiteral("A9"), out, reminder,
                QStringLiteral("failed"), utc(2026, 4, 3, 21));
        message(QStringLiteral("M5"), QStringLiteral("P2"), {}, out,
                QStringLiteral("administrative"), QStringLiteral("delivered"), utc(2026, 4, 1, 12));
        message(QStringLiteral("I5"), QStringLiteral("P2"), {}, in,
                QStringLiteral("administrative"), QStringLiteral("received"), utc(2026, 4, 2, 12),
                QStringLiteral("Thanks"));
        message(QStringLiteral("M6"), QStringLiteral("P2"), QStringLiteral("A7"), out, reminder,
                QStringLiteral("delivered"), utc(2026, 3, 30, 7));
        history(QStringLiteral("H7c"), QStringLiteral("A7"), QStringLiteral("confirmed"),
                utc(2026, 3, 29, 20));
        message(QStringLiteral("M7"), QStringLiteral("P1"), QStringLiteral("A1"), out, reminder,
                QStringLiteral("delivered"), utc(2026, 3, 21, 7));
        history(QStringLiteral("H1c"), QStringLiteral("A1"), QStringLiteral("confirmed"),
                utc(2026, 3, 21, 9));
        history(QStringLiteral("H1r"), QStringLiteral("A1"), QStringLiteral("booked"),
                utc(2026, 3, 21, 9, 5), QStringLiteral("H1c"));
        message(QStringLiteral("M8"), QStringLiteral("P8"), QStringLiteral("B3"), out, reminder,
                QStringLiteral("delivered"), utc(2026, 3, 9, 8));
        message(QStringLiteral("I8"), QStringLiteral("P8"), QStringLiteral("B3"), in, reminder,
                QStringLiteral("received"), utc(2026, 3, 9, 9), QStringLiteral("C"));

        recall(QStringLiteral("R1"), QStringLiteral("P4"), QStringLiteral("2026-03-01"),
               QStringLiteral("open"), A);
        recall(QStringLiteral("R2"), QStringLiteral("P1"), QStringLiteral("2026-03-20"),
               QStringLiteral("open"));
        recall(QStringLiteral("R3"), QStringLiteral("P6"), QStringLiteral("2026-04-02"),
               QStringLiteral("open"), B);
        recall(QStringLiteral("R4"), QStringLiteral("P9"), QStringLiteral("2026-03-10"),
               QStringLiteral("done"));
        recall(QStringLiteral("R5"), QStringLiteral("P5"), QStringLiteral("2026-03-25"),
               QStringLiteral("open"), A);
        recall(QStringLiteral("R6"), QStringLiteral("P7"), QStringLiteral("2026-04-10"),
               QStringLiteral("open"));

        StaffAccountRepository accounts(db());
        QVERIFY(accounts.create(QStringLiteral("reception"), Role::Receptionist, kPassword).ok());
        QVERIFY(accounts.create(QStringLiteral("boss"), Role::Manager, kPassword).ok());
    }

    void filterPeriods()
    {
        QCOMPARE(m_period.days(), 14);
        const KpiFilter p = m_period.previous();
        QCOMPARE(p.from, QDate(2026, 3, 9));
        QCOMPARE(p.to, QDate(2026, 3, 22));
        QVERIFY(m_period.validate().ok());
        QVERIFY(!period(QDate(2026, 4, 5), QDate(2026, 4, 4)).validate().ok());
        QVERIFY(!period(QDate(), QDate(2026, 4, 4)).validate().ok());
        QVERIFY(!period(QDate(2020, 1, 1), QDate(2026, 4, 4)).validate().ok());
    }

    void definitionsAreComplete()
    {
        QCOMPARE(KpiDefinitions::all().size(), 22);
        QSet<QString> keys;
        for (const KpiDefinition &d : KpiDefinitions::all()) {
            QVERIFY(!d.name.isEmpty());
            QVERIFY(d.definition.size() > 40);
            keys.insert(d.key);
            QCOMPARE(KpiDefinitions::of(d.kpi).key, d.key);
            QCOMPARE(KpiDefinitions::byKey(d.key)->kpi, d.kpi);
        }
        QCOMPARE(keys.size(), 22);
        QCOMPARE(KpiDefinitions::of(Kpi::NoShowRate).key, QStringLiteral("no-show-rate"));
    }

    void currentPeriod()
    {
        const KpiReport r = report(m_period);
        QCOMPARE(r.asOf, QDate(2026, 4, 15));
        QCOMPARE(r.current.size(), 22);
        // A1..A10; the deleted Z1 does not count.
        QCOMPARE(r.current[Kpi::Appointments].numerator, 10);
        // No-shows A2, A6 over the 7 not cancelled (A3, A4, A8 are).
        QCOMPARE(r.current[Kpi::NoShowRate].numerator, 2);
        QCOMPARE(r.current[Kpi::NoShowRate].denominator, 7);
        QVERIFY(near(r.current[Kpi::NoShowRate].value, 2.0 / 7.0));
        // A4 (3 h) and A8 (1 h, from its last change) are late; A3 (30 h) is not; A10's
        // cancellation was reverted. 2 / 10.
        QCOMPARE(r.current[Kpi::LateCancellationRate].numerator, 2);
        QCOMPARE(r.current[Kpi::LateCancellationRate].denominator, 10);
        // Booked: A1 30 + A2 30 + A5 60 + A6 30 + A7 60 + A9 30 (clipped at midnight) + A10 30
        // = 270. Available: A Mon 23 240 + Sun 29 120 (01-04 loses the hour that does not
        // exist) + Mon 30 240-120 (holiday) + Sun 5 180 = 660; B Wed 25 0 (leave) + Wed 1 120.
        // 270 / 780.
        QCOMPARE(r.current[Kpi::Utilisation].numerator, 270);
        QCOMPARE(r.current[Kpi::Utilisation].denominator, 780);
        // Lead days of the 7 not cancelled: 10, 2, 1, 4, 20, 6, 8 -> median 6.
        QVERIFY(near(r.current[Kpi::BookingLeadTime].value, 6.0));
        QCOMPARE(r.current[Kpi::BookingLeadTime].numerator, 7);
        // Not-cancelled patients P1 P2 P3 P5 P7; first visits: P3 (A10, B5 was cancelled) and
        // P7 (A9) are in the period; P1 (Jan), P2 (2 Mar), P5 (B4) came before.
        QCOMPARE(r.current[Kpi::NewPatients].numerator, 2);
        QCOMPARE(r.current[Kpi::ReturningPatients].numerator, 3);
        // Seen before: P1 P2 P8; seen now: P1 P2 P3 -> 2 / 3.
        QCOMPARE(r.current[Kpi::Retention].numerator, 2);
        QCOMPARE(r.current[Kpi::Retention].denominator, 3);
        // Reminders sent in the period: M1 M2 M3 M6 (M4 failed). Delivered: M1 M2 M6.
        // Confirmed: M1 (history after it), M2 (reply "Ja, passt"); M6's confirmation came
        // before it.
        QCOMPARE(r.current[Kpi::RemindersSent].numerator, 4);
        QCOMPARE(r.current[Kpi::RemindersDelivered].numerator, 3);
        QCOMPARE(r.current[Kpi::RemindersDelivered].denominator, 4);
        QCOMPARE(r.current[Kpi::RemindersConfirmed].numerator, 2);
        QCOMPARE(r.current[Kpi::RemindersConfirmed].denominator, 4);
        // Outbound sent: M1 M2 M3 M5 M6. Answered within 72 h: M2 (1 h), M5 (24 h); M3's
        // answer came after 73 h, M6's patient answered after 77 h. 2 / 5.
        QCOMPARE(r.current[Kpi::ResponseRate].numerator, 2);
        QCOMPARE(r.current[Kpi::ResponseRate].denominator, 5);
        // Due before 6 Apr and open: R1 (P4 only cancelled), R2 (P1 came on 23 Mar: covered),
        // R3 (P6 only cancelled), R5 (P5 only a no-show after). R4 is done, R6 due later. 3.
        QCOMPARE(r.current[Kpi::OverdueRecalls].numerator, 3);
        // No-show in the period: P2 (has F1 booked after the end), P5 (nothing booked);
        // two no-shows within the year: P8 (D1, D2; nothing booked). P5 and P8.
        QCOMPARE(r.current[Kpi::PatientsAtRisk].numerator, 2);
    }

    void previousPeriod()
    {
        const KpiReport r = report(m_period);
        QCOMPARE(r.previous[Kpi::Appointments].numerator, 5);
        // B4 over B1..B4 (B5 cancelled).
        QCOMPARE(r.previous[Kpi::NoShowRate].numerator, 1);
        QCOMPARE(r.previous[Kpi::NoShowRate].denominator, 4);
        // B5 was cancelled 50 h before: early.
        QCOMPARE(r.previous[Kpi::LateCancellationRate].numerator, 0);
        QCOMPARE(r.previous[Kpi::LateCancellationRate].denominator, 5);
        // Booked 30 + 15 + 30 + 30 = 105; available A Mondays 9, 16: 480 + Sundays 15, 22: 360
        // + B Wednesdays 11, 18: 240 = 1080.
        QCOMPARE(r.previous[Kpi::Utilisation].numerator, 105);
        QCOMPARE(r.previous[Kpi::Utilisation].denominator, 1080);
        // Lead days 3, 1, 5, 2 -> median 2.5.
        QVERIFY(near(r.previous[Kpi::BookingLeadTime].value, 2.5));
        // P1 P2 P8 P5: new only P5 (B4); P8 first came (as a no-show) in December.
        QCOMPARE(r.previous[Kpi::NewPatients].numerator, 1);
        QCOMPARE(r.previous[Kpi::ReturningPatients].numerator, 3);
        // Seen 23 Feb - 8 Mar: P2 (C1), P9 (C3); seen again: P2. 1 / 2.
        QCOMPARE(r.previous[Kpi::Retention].numerator, 1);
        QCOMPARE(r.previous[Kpi::Retention].denominator, 2);
        // M7 (its confirmation was reverted) and M8 (answered "C" after an hour).
        QCOMPARE(r.previous[Kpi::RemindersSent].numerator, 2);
        QCOMPARE(r.previous[Kpi::RemindersDelivered].numerator, 2);
        QCOMPARE(r.previous[Kpi::RemindersConfirmed].numerator, 1);
        QCOMPARE(r.previous[Kpi::ResponseRate].numerator, 1);
        QCOMPARE(r.previous[Kpi::ResponseRate].denominator, 2);
        // Due before 23 Mar and open, uncovered: R1.
        QCOMPARE(r.previous[Kpi::OverdueRecalls].numerator, 1);
        // P5 (no-show B4) and P8 (D1, D2), neither booked after 22 Mar.
        QCOMPARE(r.previous[Kpi::PatientsAtRisk].numerator, 2);
    }

    void weeksPractitionersAndHeatMap()
    {
        const KpiReport r = report(m_period);
        QCOMPARE(r.weeks.size(), 2);
        // Week of 23 Mar: A1 A2 A3 A4 A5 A10; cancelled A3 A4; no-show A2 -> 1/4; booked
        // 30+30+60+30 = 150 of A 240 + 120 + B 0 = 360.
        QCOMPARE(r.weeks[0].monday, QDate(2026, 3, 23));
        QCOMPARE(r.weeks[0].appointments, 6);
        QCOMPARE(r.weeks[0].cancellations, 2);
        QCOMPARE(r.weeks[0].noShows, 1);
        QVERIFY(near(r.weeks[0].noShowRate, 0.25));
        QVERIFY(near(r.weeks[0].utilisation, 150.0 / 360.0));
        // Week of 30 Mar: A6 A7 A8 A9; cancelled A8; no-show A6 -> 1/3; booked 30+60+30 = 120
        // of A 120 + 180 + B 120 = 420.
        QCOMPARE(r.weeks[1].monday, QDate(2026, 3, 30));
        QCOMPARE(r.weeks[1].appointments, 4);
        QVERIFY(near(r.weeks[1].noShowRate, 1.0 / 3.0));
        QVERIFY(near(r.weeks[1].utilisation, 120.0 / 420.0));
        QVERIFY(!r.weeks[0].partial() && !r.weeks[1].partial());

        // A period from a Wednesday to a Tuesday: both weeks at its edges are partial.
        const KpiReport edges = report(period(QDate(2026, 3, 25), QDate(2026, 3, 31)));
        QCOMPARE(edges.weeks.size(), 2);
        QCOMPARE(edges.weeks[0].days, 5);
        QCOMPARE(edges.weeks[1].days, 2);
        QVERIFY(edges.weeks[0].partial() && edges.weeks[1].partial());
        // This week is not over: as of Wednesday 15 Apr, two of its days are.
        const KpiReport now = report(period(QDate(2026, 4, 6), QDate(2026, 4, 19)));
        QCOMPARE(now.weeks.size(), 2);
        QVERIFY(!now.weeks[0].partial());
        QCOMPARE(now.weeks[1].days, 2);

        QCOMPARE(r.practitioners.size(), 2);
        const KpiPractitionerRow &a = r.practitioners[0];
        QCOMPARE(a.name, QStringLiteral("Dr. Alice Adler"));
        // A: A1-A6, A9, A10 = 8; no-shows A2 A6 over 6 not cancelled; booked 210 of 660.
        QCOMPARE(a.appointments, 8);
        QCOMPARE(a.noShows, 2);
        QVERIFY(near(a.noShowRate, 2.0 / 6.0));
        QCOMPARE(a.bookedMinutes, 210);
        QCOMPARE(a.availableMinutes, 660);
        const KpiPractitionerRow &b = r.practitioners[1];
        QCOMPARE(b.practitionerId, QStringLiteral("drB"));
        QCOMPARE(b.appointments, 2);
        QVERIFY(near(b.noShowRate, 0.0));
        QVERIFY(near(b.utilisation, 0.5));

        // Monday 08:00 local: A1 and A2 held, A2 a no-show. Sunday 01:00 (before the switch):
        // A5. Monday 10:00: A6 (summer time, 08:00 UTC), a no-show. A4 at 10:00 was cancelled.
        QCOMPARE(r.appointmentHeat[0][8], 2);
        QCOMPARE(r.noShowHeat[0][8], 1);
        QCOMPARE(r.appointmentHeat[6][1], 1);
        QCOMPARE(r.appointmentHeat[0][10], 1);
        QCOMPARE(r.noShowHeat[0][10], 1);
        QCOMPARE(r.appointmentHeat[6][23], 1);
        QCOMPARE(r.appointmentHeat[2][9], 1);
        qint64 held = 0;
        for (const auto &day : r.appointmentHeat)
            for (qint64 n : day)
                held += n;
        QCOMPARE(held, 7);
    }

    void filters()
    {
        KpiFilter f = m_period;
        f.practitionerId = QStringLiteral("drB");
        KpiReport r = report(f);
        // A7, A8; A8 cancelled 1 h before: late 1/2; no no-show of 1 held; 60 of 120.
        QCOMPARE(r.current[Kpi::Appointments].numerator, 2);
        QCOMPARE(r.current[Kpi::LateCancellationRate].numerator, 1);
        QVERIFY(near(r.current[Kpi::NoShowRate].value, 0.0));
        QVERIFY(near(r.current[Kpi::Utilisation].value, 0.5));
        // Messages about B's appointments: M2, M6; answered M2. M5 is about no appointment.
        QCOMPARE(r.current[Kpi::RemindersSent].numerator, 2);
        QCOMPARE(r.current[Kpi::ResponseRate].denominator, 2);
        QCOMPARE(r.current[Kpi::ResponseRate].numerator, 1);
        // B's recalls and those for nobody: R3 overdue (R2 is covered).
        QCOMPARE(r.current[Kpi::OverdueRecalls].numerator, 1);
        QCOMPARE(r.practitioners.size(), 1);
        // Previous: B3, B4 -> 1 no-show of 2.
        QCOMPARE(r.previous[Kpi::NoShowRate].numerator, 1);
        QCOMPARE(r.previous[Kpi::NoShowRate].denominator, 2);

        f = m_period;
        f.locationId = QStringLiteral("L1");
        r = report(f);
        // Room 1: only A's hours (660) and appointments (210 held).
        QCOMPARE(r.current[Kpi::Utilisation].numerator, 210);
        QCOMPARE(r.current[Kpi::Utilisation].denominator, 660);

        f = m_period;
        f.appointmentType = QStringLiteral("check-up");
        r = report(f);
        QCOMPARE(r.current[Kpi::Appointments].numerator, 1);
    }

    void undefinedFigures()
    {
        KpiFilter f = m_period;
        f.appointmentType = QStringLiteral("vaccination");
        const KpiReport r = report(f);
        QCOMPARE(r.current[Kpi::Appointments].numerator, 0);
        QVERIFY(!r.current[Kpi::NoShowRate].value);
        QVERIFY(!r.current[Kpi::LateCancellationRate].value);
        QVERIFY(!r.current[Kpi::BookingLeadTime].value);
        QVERIFY(!r.current[Kpi::Retention].value);
        QVERIFY(!r.current[Kpi::ResponseRate].value);
        // Time was available, none booked: 0, not undefined.
        QVERIFY(near(r.current[Kpi::Utilisation].value, 0.0));

        // On facts without working hours, utilisation is undefined.
        KpiFacts facts;
        facts.zone = kBerlin;
        facts.asOf = QDate(2026, 4, 15);
        const KpiReport empty = KpiCalculator(facts).report(m_period);
        QVERIFY(!empty.current[Kpi::Utilisation].value);
        QCOMPARE(empty.current[Kpi::PatientsAtRisk].numerator, 0);
    }

    void calculatorOnFactsAlone()
    {
        // Two appointments by hand, no database: one no-show and one cancelled 90 minutes
        // before its start. With late_cancellation_hours = 1 it is not late; with 2 it is.
        KpiFacts facts;
        facts.zone = kBerlin;
        facts.asOf = QDate(2026, 4, 15);
        facts.nowMs = utc(2026, 4, 15, 10);
        KpiAppointmentFact a;
        a.id = QStringLiteral("a");
        a.patient = facts.patientIds.intern(QStringLiteral("p"));
        a.startMs = local(2026, 3, 24, 9);
        a.endMs = a.startMs + 15 * 60 * 1000;
        a.createdMs = a.startMs - kDay;
        a.status = AppointmentStatus::NoShow;
        KpiAppointmentFact b = a;
        b.id = QStringLiteral("b");
        b.status = AppointmentStatus::Cancelled;
        b.cancelledAtMs = b.startMs - 90 * 60 * 1000;
        facts.appointments = {a, b};
        facts.lateCancellationHours = 1;
        KpiReport r = KpiCalculator(facts).report(m_period);
        QCOMPARE(r.current[Kpi::LateCancellationRate].numerator, 0);
        QVERIFY(near(r.current[Kpi::NoShowRate].value, 1.0));
        // p has a no-show and nothing booked.
        QCOMPARE(r.current[Kpi::PatientsAtRisk].numerator, 1);
        facts.lateCancellationHours = 2;
        r = KpiCalculator(facts).report(m_period);
        QCOMPARE(r.current[Kpi::LateCancellationRate].numerator, 1);
        QCOMPARE(KpiCalculator(facts).members(m_period, Kpi::LateCancellationRate),
                 QStringList{QStringLiteral("b")});
    }

    void secondConnectionGivesTheSameFigures()
    {
        // The messages and recalls read on a ReadWorker (numbering patients on their own, merged
        // after) and read on the caller's connection give the same figures and the same records.
        ReadWorker worker(db());
        for (auto detail : {KpiLoader::Detail::Figures, KpiLoader::Detail::Records}) {
            auto alone = KpiLoader(db()).load(m_period, detail);
            auto beside = KpiLoader(db(), &worker).load(m_period, detail);
            QVERIFY2(alone.ok(), qPrintable(alone.error()));
            QVERIFY2(beside.ok(), qPrintable(beside.error()));
            QVERIFY(!beside->outbound.empty());
            QVERIFY(!beside->inbound.empty());
            QVERIFY(!beside->overdueRecalls.isEmpty());
            const KpiReport a = KpiCalculator(*alone).report(m_period);
            const KpiReport b = KpiCalculator(*beside).report(m_period);
            for (const KpiDefinition &d : KpiDefinitions::all()) {
                for (const auto &[x, y] :
                     {std::pair{a.current.value(d.kpi), b.current.value(d.kpi)},
                      std::pair{a.previous.value(d.kpi), b.previous.value(d.kpi)}}) {
                    QVERIFY2(x.value == y.value && x.numerator == y.numerator &&
                                 x.denominator == y.denominator,
                             qPrintable(d.key));
                }
                if (detail == KpiLoader::Detail::Records)
                    QCOMPARE(KpiCalculator(*beside).members(m_period, d.kpi),
                             KpiCalculator(*alone).members(m_period, d.kpi));
            }
        }
    }

    void lateCancellationSetting()
    {
        // With 2 hours, A4 (3 h before) is no longer late; A8 (1 h) still is.
        QVERIFY(db().setSetting(QStringLiteral("late_cancellation_hours"), QStringLiteral("2")));
        const KpiReport r = report(m_period);
        QVERIFY(db().setSetting(QStringLiteral("late_cancellation_hours"), QStringLiteral("24")));
        QCOMPARE(r.current[Kpi::LateCancellationRate].numerator, 1);
    }

    void firstVisitsFollowChanges()
    {
        // Had B5 (16 Mar) not been cancelled, it would be P3's first visit: P3 turns returning
        // now (new 1, returning 4) and new in the previous period (new 2). Cancelled again, all
        // is as before.
        sql(QStringLiteral("UPDATE appointments SET status = 'completed' WHERE id = 'B5'"), {});
        KpiReport r = report(m_period);
        QCOMPARE(r.current[Kpi::NewPatients].numerator, 1);
        QCOMPARE(r.current[Kpi::ReturningPatients].numerator, 4);
        QCOMPARE(r.previous[Kpi::NewPatients].numerator, 2);
        sql(QStringLiteral("UPDATE appointments SET status = 'cancelled' WHERE id = 'B5'"), {});
        r = report(m_period);
        QCOMPARE(r.current[Kpi::NewPatients].numerator, 2);
        QCOMPARE(r.previous[Kpi::NewPatients].numerator, 1);
    }

    void drillDownListsTheRecordsAndIsAudited()
    {
        auto d = KpiService(db()).drillDown(m_period, Kpi::NoShowRate);
        QVERIFY2(d.ok(), qPrintable(d.error()));
        QCOMPARE(d->subject, KpiSubject::Appointments);
        QCOMPARE(d->recordIds, (QStringList{QStringLiteral("A2"), QStringLiteral("A6")}));
        QCOMPARE(d->patientIds, (QStringList{QStringLiteral("P2"), QStringLiteral("P5")}));
        QCOMPARE(d->rows.size(), 2);
        QCOMPARE(d->rows[0].size(), d->columns.size());
        // The patient "Family, Given" as in every list; the practitioner with the title first.
        QCOMPARE(d->rows[0][1], QStringLiteral("Patient P2, Pat"));
        QCOMPARE(d->rows[0][2], QStringLiteral("MRN-P2"));
        QCOMPARE(d->rows[0][3], QStringLiteral("Dr. Alice Adler"));
        // Status as the schedule shows it, not the stored code.
        QCOMPARE(d->rows[0][5], QStringLiteral("No-show"));
        // A file gets the same cells with the start in ISO 8601.
        QCOMPARE(d->exportRows.size(), 2);
        QCOMPARE(d->exportRows[0].mid(1), d->rows[0].mid(1));
        QVERIFY2(QRegularExpression(QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d$"))
                     .match(d->exportRows[0][0])
                     .hasMatch(),
                 qPrintable(d->exportRows[0][0]));

        AuditQuery::Filter filter;
        filter.action = QStringLiteral("dashboard-drill-down");
        auto entries = AuditQuery(db()).list(filter);
        QVERIFY(entries.ok());
        QCOMPARE(entries->size(), 1);
        QCOMPARE(entries->first().detail.value(QStringLiteral("figure")).toString(),
                 QStringLiteral("no-show-rate"));
        QCOMPARE(entries->first().detail.value(QStringLiteral("rows")).toInt(), 2);

        auto recalls = KpiService(db()).drillDown(m_period, Kpi::OverdueRecalls);
        QVERIFY(recalls.ok());
        QCOMPARE(recalls->recordIds,
                 (QStringList{QStringLiteral("R1"), QStringLiteral("R5"), QStringLiteral("R3")}));
        auto atRisk = KpiService(db()).drillDown(m_period, Kpi::PatientsAtRisk);
        QVERIFY(atRisk.ok());
        QCOMPARE(atRisk->patientIds, (QStringList{QStringLiteral("P5"), QStringLiteral("P8")}));
        auto confirmed = KpiService(db()).drillDown(m_period, Kpi::RemindersConfirmed);
        QVERIFY(confirmed.ok());
        QCOMPARE(confirmed->recordIds.size(), 2);
        QVERIFY(confirmed->recordIds.contains(QStringLiteral("M1")));
        QVERIFY(confirmed->recordIds.contains(QStringLiteral("M2")));
    }

    void receptionistIsRefused()
    {
        Session session(db());
        QVERIFY(session.signIn(QStringLiteral("reception"), kPassword).ok());
        auto d = KpiService(db()).drillDown(m_period, Kpi::NoShowRate);
        QVERIFY(!d.ok());
        QVERIFY(!d.error().isEmpty());
        QVERIFY(!KpiService(db()).compute(m_period).ok());
        QVERIFY(session.signOut().ok());
        QVERIFY(session.signIn(QStringLiteral("boss"), kPassword).ok());
        QVERIFY(KpiService(db()).drillDown(m_period, Kpi::NoShowRate).ok());
        QVERIFY(session.signOut().ok());
    }

    void unknownFilterTargetsAreNamed()
    {
        KpiFilter f = m_period;
        f.practitionerId = QStringLiteral("nobody");
        auto r = KpiService(db()).compute(f);
        QVERIFY(!r.ok());
        QVERIFY(r.error().contains(QStringLiteral("nobody")));
    }

    // A visit covers a recall from the clinic's midnight of the due date, in any zone: at the
    // far ends of the world that midnight lies 14 and 12 hours from UTC's.
    void overdueRecallsAtTheEdgesOfTheClinicDay_data()
    {
        QTest::addColumn<QString>("zone");
        QTest::newRow("UTC+14") << QStringLiteral("Pacific/Kiritimati");
        QTest::newRow("UTC-12") << QStringLiteral("Etc/GMT+12");
        QTest::newRow("Berlin") << QStringLiteral("Europe/Berlin");
    }
    void overdueRecallsAtTheEdgesOfTheClinicDay()
    {
        QFETCH(QString, zone);
        const QTimeZone tz(zone.toUtf8());
        QVERIFY(tz.isValid());
        QVERIFY(db().setSetting(QStringLiteral("clinic_time_zone"), zone));
        const QString tag = QString::fromLatin1(QTest::currentDataTag()).remove(QLatin1Char('+'));
        const QString early = QStringLiteral("PE") + tag;
        const QString late = QStringLiteral("PL") + tag;
        patient(early);
        patient(late);
        const QDate due(2026, 5, 10);
        // Five minutes after the clinic's midnight of the due date: the recall is met.
        appointment(QStringLiteral("VE") + tag, QStringLiteral("drA"), early,
                    QDateTime(due, QTime(0, 5), tz).toMSecsSinceEpoch(), 15,
                    QStringLiteral("completed"), 10);
        // Five minutes before it: still overdue.
        appointment(QStringLiteral("VL") + tag, QStringLiteral("drA"), late,
                    QDateTime(due.addDays(-1), QTime(23, 55), tz).toMSecsSinceEpoch(), 15,
                    QStringLiteral("completed"), 10);
        recall(QStringLiteral("RE") + tag, early, due.toString(Qt::ISODate),
               QStringLiteral("open"));
        recall(QStringLiteral("RL") + tag, late, due.toString(Qt::ISODate), QStringLiteral("open"));
        RecallRepository recalls(db());
        const QDate today = due.addDays(30);
        auto e = recalls.overdue(today, early);
        auto l = recalls.overdue(today, late);
        QVERIFY(
            db().setSetting(QStringLiteral("clinic_time_zone"), QStringLiteral("Europe/Berlin")));
        QVERIFY(e.ok() && l.ok());
        QCOMPARE(e->size(), 0);
        QCOMPARE(l->size(), 1);
    }

    void recallRepositoryWritesThroughTheRecordStore()
    {
        RecallRepository recalls(db());
        Recall r;
        r.patientId = QStringLiteral("P9");
        r.reason = QStringLiteral("Annual check-up");
        r.dueOn = QDate(2026, 4, 1);
        QVERIFY(recalls.save(r).ok());
        auto outbox = db().scalar(
            QStringLiteral("SELECT count(*) FROM outbox WHERE resource_type = 'Task' AND "
                           "resource_id = ?"),
            {r.meta.id});
        QCOMPARE(outbox->toInt(), 1);
        auto audited = db().scalar(
            QStringLiteral("SELECT count(*) FROM audit_log WHERE entity_id = ?"), {r.meta.id});
        QCOMPARE(audited->toInt(), 1);
        // P9's last visit was C3 on 4 Mar: overdue as of today (15 Apr).
        auto overdue = recalls.overdue(QDate(2026, 4, 15), QStringLiteral("P9"));
        QVERIFY(overdue.ok());
        QCOMPARE(overdue->size(), 1);
        QVERIFY(recalls.close(r.meta.id, Recall::done()).ok());
        QVERIFY(!recalls.close(r.meta.id, Recall::done()).ok());
        QCOMPARE(recalls.overdue(QDate(2026, 4, 15), QStringLiteral("P9"))->size(), 0);

        Recall bad;
        bad.patientId = QStringLiteral("nobody");
        bad.dueOn = QDate(2026, 4, 1);
        const Status refused = recalls.save(bad);
        QVERIFY(!refused.ok());
        QVERIFY(refused.error().contains(QStringLiteral("nobody")));
    }

    // The reminders' figures mean what they meant before the survey came (issue 18): their
    // definitions word for word, and a survey answer "1" about a reminded visit confirms
    // nothing.
    void theReminderFiguresKeepTheirDefinitions()
    {
        QCOMPARE(KpiDefinitions::of(Kpi::RemindersSent).definition,
                 QStringLiteral("Outbound messages with the purpose 'reminder' sent in the period "
                                "(status sent or delivered; queued and failed messages were not "
                                "sent). With a filter, only reminders about an appointment that "
                                "matches it count."));
        QCOMPARE(KpiDefinitions::of(Kpi::RemindersDelivered).definition,
                 QStringLiteral("Of the reminders sent in the period, those whose delivery was "
                                "reported (status delivered); shown as a number of the reminders "
                                "sent."));
        QCOMPARE(KpiDefinitions::of(Kpi::RemindersConfirmed).definition,
                 QStringLiteral("Of the reminders sent in the period, those whose appointment "
                                "was confirmed afterwards: the status history changed it to "
                                "'confirmed' at or after the reminder was sent (and the change "
                                "was not reverted), or the patient answered about the same "
                                "appointment with a reply starting with yes, y, ja, j, ok, c, 1 "
                                "or confirm. Shown as a number of the reminders sent."));
        QCOMPARE(KpiDefinitions::of(Kpi::ResponseRate).definition,
                 QStringLiteral("Outbound messages sent in the period (any purpose) that got an "
                                "inbound message from the same patient within 72 hours, divided "
                                "by the outbound messages sent in the period. With a filter, only "
                                "messages about an appointment that matches it count. Undefined "
                                "when nothing was sent."));
    }

    // Survey figures on their own weeks, Mon 4 - Sun 17 May 2026 (previous 20 Apr - 3 May):
    //   S1 visit V1 (A, Fri 1 May) asked SQ1 Mon 4 May 10:00 UTC (delivered), answered 4
    //   S2 visit V2 (B, Tue 5 May) reminded SR2 Mon 4 May 08:00 (delivered), asked SQ2 Wed 6
    //      May (sent), answered 1 by an SMS reply SI2 "1" about V2 (purpose survey)
    //   S3 visit V3 (B, Thu 7 May) asked SQ3 Fri 8 May, no answer; SQ4 to S3 failed
    //   S3 in the previous period: visit V0 (A, Thu 23 Apr) asked SQ0 Fri 24 Apr, answered 5
    void surveyFigures()
    {
        const QString out = QStringLiteral("outbound"), survey = QStringLiteral("survey");
        for (const char *id : {"S1", "S2", "S3"})
            patient(QString::fromLatin1(id));
        const auto visit = [&](const char *id, const char *dr, const char *who, qint64 at) {
            appointment(QString::fromLatin1(id), QString::fromLatin1(dr), QString::fromLatin1(who),
                        at, 30, QStringLiteral("completed"), 5);
        };
        visit("V1", "drA", "S1", local(2026, 5, 1, 9));
        visit("V2", "drB", "S2", local(2026, 5, 5, 9));
        visit("V3", "drB", "S3", local(2026, 5, 7, 9));
        visit("V0", "drA", "S3", local(2026, 4, 23, 9));
        message(QStringLiteral("SQ1"), QStringLiteral("S1"), QStringLiteral("V1"), out, survey,
                QStringLiteral("delivered"), utc(2026, 5, 4, 10));
        message(QStringLiteral("SR2"), QStringLiteral("S2"), QStringLiteral("V2"), out,
                QStringLiteral("reminder"), QStringLiteral("delivered"), utc(2026, 5, 4, 8));
        message(QStringLiteral("SQ2"), QStringLiteral("S2"), QStringLiteral("V2"), out, survey,
                QStringLiteral("sent"), utc(2026, 5, 6, 10));
        message(QStringLiteral("SI2"), QStringLiteral("S2"), QStringLiteral("V2"),
                QStringLiteral("inbound"), survey, QStringLiteral("handled"), utc(2026, 5, 6, 12),
                QStringLiteral("1"));
        message(QStringLiteral("SQ3"), QStringLiteral("S3"), QStringLiteral("V3"), out, survey,
                QStringLiteral("sent"), utc(2026, 5, 8, 10));
        message(QStringLiteral("SQ4"), QStringLiteral("S3"), QStringLiteral("V3"), out, survey,
                QStringLiteral("failed"), utc(2026, 5, 8, 11));
        message(QStringLiteral("SQ0"), QStringLiteral("S3"), QStringLiteral("V0"), out, survey,
                QStringLiteral("delivered"), utc(2026, 4, 24, 10));
        const auto answer = [&](const char *id, const char *who, const char *visitId,
                                const char *question, int score, qint64 at) {
            sql(QStringLiteral("INSERT INTO survey_answers (id, patient_id, appointment_id, "
                               "question_message_id, question, score, answered_at, created_at, "
                               "updated_at) VALUES (?, ?, ?, ?, 'How was it? 1-5', ?, ?, ?, ?)"),
                {QString::fromLatin1(id), QString::fromLatin1(who), QString::fromLatin1(visitId),
                 QString::fromLatin1(question), score, at, at, at});
        };
        answer("A1", "S1", "V1", "SQ1", 4, utc(2026, 5, 4, 12));
        answer("A2", "S2", "V2", "SQ2", 1, utc(2026, 5, 6, 12));
        answer("A0", "S3", "V0", "SQ0", 5, utc(2026, 4, 25, 9));
        // A deleted answer never counts.
        answer("AX", "S1", "V1", "SQ1", 2, utc(2026, 5, 4, 13));
        sql(QStringLiteral("UPDATE survey_answers SET deleted = 1 WHERE id = 'AX'"), {});

        const KpiFilter may = period(QDate(2026, 5, 4), QDate(2026, 5, 17));
        const KpiReport r = report(may);
        QCOMPARE(r.current[Kpi::SurveyAnswers].numerator, 2);
        QVERIFY(near(r.current[Kpi::SurveyAverageScore].value, 2.5));
        QCOMPARE(r.current[Kpi::SurveyAverageScore].numerator, 2);
        QCOMPARE(r.current[Kpi::SurveyAverageScore].denominator, 0);
        QCOMPARE(r.current[Kpi::SurveyScore1].numerator, 1);
        QCOMPARE(r.current[Kpi::SurveyScore2].numerator, 0);
        QCOMPARE(r.current[Kpi::SurveyScore3].numerator, 0);
        QCOMPARE(r.current[Kpi::SurveyScore4].numerator, 1);
        QCOMPARE(r.current[Kpi::SurveyScore5].numerator, 0);
        QCOMPARE(r.current[Kpi::SurveyScore4].denominator, 2);
        // Sent: SQ1 SQ2 SQ3 (SQ4 failed); answered: SQ1 SQ2.
        QCOMPARE(r.current[Kpi::SurveyResponseRate].numerator, 2);
        QCOMPARE(r.current[Kpi::SurveyResponseRate].denominator, 3);
        // SR2's visit got the survey answer "1" after it: no confirmation.
        QCOMPARE(r.current[Kpi::RemindersSent].numerator, 1);
        QCOMPARE(r.current[Kpi::RemindersConfirmed].numerator, 0);
        QCOMPARE(r.previous[Kpi::SurveyAnswers].numerator, 1);
        QVERIFY(near(r.previous[Kpi::SurveyAverageScore].value, 5.0));
        QCOMPARE(r.previous[Kpi::SurveyScore5].numerator, 1);
        QCOMPARE(r.previous[Kpi::SurveyResponseRate].numerator, 1);
        QCOMPARE(r.previous[Kpi::SurveyResponseRate].denominator, 1);

        // Dr. Bauer's visits only: A2 about V2; SQ2 and SQ3 asked about them.
        KpiFilter bauer = may;
        bauer.practitionerId = QStringLiteral("drB");
        const KpiReport b = report(bauer);
        QCOMPARE(b.current[Kpi::SurveyAnswers].numerator, 1);
        QVERIFY(near(b.current[Kpi::SurveyAverageScore].value, 1.0));
        QCOMPARE(b.current[Kpi::SurveyResponseRate].numerator, 1);
        QCOMPARE(b.current[Kpi::SurveyResponseRate].denominator, 2);

        // Nothing asked or answered: undefined, not zero.
        const KpiReport empty = report(period(QDate(2026, 6, 1), QDate(2026, 6, 14)));
        QVERIFY(!empty.current[Kpi::SurveyAverageScore].value);
        QVERIFY(!empty.current[Kpi::SurveyResponseRate].value);

        auto poor = KpiService(db()).drillDown(may, Kpi::SurveyScore1);
        QVERIFY2(poor.ok(), qPrintable(poor.error()));
        QCOMPARE(poor->subject, KpiSubject::SurveyAnswers);
        QCOMPARE(poor->recordIds, QStringList{QStringLiteral("A2")});
        QCOMPARE(poor->patientIds, QStringList{QStringLiteral("S2")});
        QCOMPARE(poor->rows.size(), 1);
        QCOMPARE(poor->rows[0].size(), poor->columns.size());
        QCOMPARE(poor->rows[0].mid(1),
                 (QStringList{QStringLiteral("Patient S2, Pat"), QStringLiteral("MRN-S2"),
                              QStringLiteral("1"), QStringLiteral("How was it? 1-5")}));
        QCOMPARE(poor->exportRows[0][0], QStringLiteral("2026-05-06T14:00"));
        auto all = KpiService(db()).drillDown(may, Kpi::SurveyAverageScore);
        QCOMPARE(all->recordIds, (QStringList{QStringLiteral("A1"), QStringLiteral("A2")}));
        auto answered = KpiService(db()).drillDown(may, Kpi::SurveyResponseRate);
        QCOMPARE(answered->subject, KpiSubject::Messages);
        QStringList surveys = answered->recordIds;
        surveys.sort();
        QCOMPARE(surveys, (QStringList{QStringLiteral("SQ1"), QStringLiteral("SQ2")}));
    }
};

QTEST_GUILESS_MAIN(TestKpi)
#include "tst_kpi.moc"
