#include "TestClock.h"
#include "TestDatabase.h"

#include "access/AuditLog.h"
#include "scheduling/BookingService.h"
#include "storage/LocationRepository.h"
#include "storage/Outbox.h"
#include "storage/PatientRepository.h"
#include "storage/PractitionerRepository.h"
#include "storage/ScheduleExceptionRepository.h"

#include <QJsonDocument>
#include <QTest>

using namespace frontdesk;
using S = AppointmentStatus;

namespace {
QDateTime utc(int y, int mo, int d, int h, int mi = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi), Qt::UTC);
}
} // namespace

// BookingService on a real (encrypted, migrated) database. The clinic is in Berlin; the
// workstation in Tokyo.
class TestBookingService : public QObject
{
    Q_OBJECT

    test::TestDatabase m_t;
    TestClock m_clock{utc(2026, 5, 4, 5)}; // Monday 4 May 2026, 07:00 in Berlin
    QString m_drA, m_drB, m_room1, m_room2, m_anna, m_ben, m_cleo;

    Database &db() { return *m_t.db; }

    QString addPatient(const QString &mrn, const QString &family, const QString &given)
    {
        Patient p;
        p.mrn = mrn;
        p.familyName = family;
        p.givenName = given;
        PatientRepository repo(db());
        const Status s = repo.save(p);
        if (!s)
            qWarning("%s", qPrintable(s.error()));
        return p.meta.id;
    }
    QString addPractitioner(const QString &family, int slot)
    {
        Practitioner p;
        p.familyName = family;
        p.prefix = QStringLiteral("Dr.");
        p.slotMinutes = slot;
        PractitionerRepository repo(db());
        if (auto s = repo.save(p); !s)
            qWarning("%s", qPrintable(s.error()));
        WorkingHoursRepository hours(db());
        for (int d = 1; d <= 5; ++d) {
            for (auto [from, to] : {std::pair{8 * 60, 12 * 60}, std::pair{13 * 60, 17 * 60}}) {
                WorkingHours w;
                w.practitionerId = p.meta.id;
                w.weekday = d;
                w.startMinute = from;
                w.endMinute = to;
                if (auto s = hours.save(w); !s)
                    qWarning("%s", qPrintable(s.error()));
            }
        }
        return p.meta.id;
    }
    QString addRoom(const QString &name)
    {
        Location l;
        l.name = name;
        LocationRepository repo(db());
        if (auto s = repo.save(l); !s)
            qWarning("%s", qPrintable(s.error()));
        return l.meta.id;
    }
    Appointment appt(const QString &patient, const QString &practitioner, const QString &room,
                     QDateTime start, int minutes)
    {
        Appointment a;
        a.patientId = patient;
        a.practitionerId = practitioner;
        a.locationId = room;
        a.start = start;
        a.end = start.addSecs(minutes * 60);
        a.reason = QStringLiteral("Check");
        return a;
    }
    qint64 count(const QString &sql, const QVariantList &values = {})
    {
        auto v = db().scalar(sql, values);
        return v ? v->toLongLong() : -1;
    }

private slots:
    void initTestCase()
    {
        QCOMPARE(QTimeZone::systemTimeZoneId(), QByteArray("Asia/Tokyo"));
        QVERIFY(m_t.open());
        db().setClock(m_clock);
        db().setActor(Actor::staff(QStringLiteral("rita")));
        QVERIFY(
            db().setSetting(QStringLiteral("clinic_time_zone"), QStringLiteral("Europe/Berlin")));
        m_drA = addPractitioner(QStringLiteral("Adler"), 15);
        m_drB = addPractitioner(QStringLiteral("Brandt"), 20);
        m_room1 = addRoom(QStringLiteral("Room 1"));
        m_room2 = addRoom(QStringLiteral("Room 2"));
        m_anna = addPatient(QStringLiteral("M1"), QStringLiteral("Arnold"), QStringLiteral("Anna"));
        m_ben = addPatient(QStringLiteral("M2"), QStringLiteral("Berger"), QStringLiteral("Ben"));
        m_cleo = addPatient(QStringLiteral("M3"), QStringLiteral("Conrad"), QStringLiteral("Cleo"));
        QVERIFY(!m_cleo.isEmpty());
    }

    void bookWritesRowOutboxAuditAndHistory()
    {
        BookingService s(db());
        const qint64 outbox = count(QStringLiteral("SELECT count(*) FROM outbox"));
        auto a = s.book(appt(m_anna, m_drA, m_room1, utc(2026, 5, 4, 7), 15)); // 09:00 Berlin
        QVERIFY2(a, qPrintable(a.error()));
        QCOMPARE(a->meta.version, 1);
        QVERIFY(count(QStringLiteral("SELECT count(*) FROM outbox")) >= outbox + 2);
        auto h = s.history(a->meta.id);
        QVERIFY(h);
        QCOMPARE(h->size(), 1);
        QVERIFY(!h->first().from);
        QCOMPARE(h->first().to, S::Booked);
        QCOMPARE(h->first().changedBy, QStringLiteral("rita"));
    }

    void conflictsAreRefusedAndNamed()
    {
        BookingService s(db());
        auto first = s.book(appt(m_ben, m_drA, {}, utc(2026, 5, 4, 8), 30)); // 10:00-10:30
        QVERIFY2(first, qPrintable(first.error()));
        const qint64 before = count(QStringLiteral("SELECT count(*) FROM appointments"));

        // Same practitioner, overlapping.
        auto clash = s.book(appt(m_cleo, m_drA, {}, utc(2026, 5, 4, 8, 15), 15));
        QVERIFY(!clash);
        QVERIFY(s.refused());
        QVERIFY2(clash.error().contains(first->meta.id), qPrintable(clash.error()));
        QVERIFY2(clash.error().contains(QStringLiteral("Berger, Ben")), qPrintable(clash.error()));
        // Shown in the clinic's time (10:00 Berlin), not the workstation's (17:00 Tokyo).
        QVERIFY2(clash.error().contains(QLocale().toString(QTime(10, 0), QLocale::ShortFormat)),
                 qPrintable(clash.error()));

        // The patient elsewhere at the time.
        auto patientClash = s.book(appt(m_ben, m_drB, {}, utc(2026, 5, 4, 8), 20));
        QVERIFY(!patientClash);
        QVERIFY(s.refused());
        QVERIFY(patientClash.error().contains(QStringLiteral("patient")));

        // The room in use.
        auto roomClash = s.book(appt(m_cleo, m_drB, m_room1, utc(2026, 5, 4, 7, 10), 20));
        QVERIFY(!roomClash);
        QVERIFY(roomClash.error().contains(QStringLiteral("Room 1")));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM appointments")), before);

        // Touching is fine: 10:30-10:45 after 10:00-10:30.
        auto touching = s.book(appt(m_cleo, m_drA, {}, utc(2026, 5, 4, 8, 30), 15));
        QVERIFY2(touching, qPrintable(touching.error()));
    }

    void managersMayDoubleBookAndItIsAudited()
    {
        BookingService s(db());
        const qint64 audits =
            count(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'double-book'"));
        auto forced = s.book(appt(m_cleo, m_drA, {}, utc(2026, 5, 4, 8, 10), 10),
                             BookingService::Options{true});
        QVERIFY2(forced, qPrintable(forced.error()));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = "
                                      "'double-book' AND entity_id = ?"),
                       {forced->meta.id}),
                 audits + 1);
        auto detail = db().scalar(QStringLiteral("SELECT detail FROM audit_log WHERE action = "
                                                 "'double-book' AND entity_id = ?"),
                                  {forced->meta.id});
        QVERIFY(detail->toString().contains(QStringLiteral("overridden")));
    }

    void cancelledTimeCanBeBookedAgain()
    {
        BookingService s(db());
        auto a = s.book(appt(m_anna, m_drB, {}, utc(2026, 5, 4, 12), 20)); // 14:00
        QVERIFY(a);
        QVERIFY(!s.book(appt(m_ben, m_drB, {}, utc(2026, 5, 4, 12), 20)));
        auto c = s.changeStatus(
            a->meta.id, {S::Cancelled, QStringLiteral("Feels better"), CancelledBy::Patient});
        QVERIFY2(c, qPrintable(c.error()));
        auto b = s.book(appt(m_ben, m_drB, {}, utc(2026, 5, 4, 12), 20));
        QVERIFY2(b, qPrintable(b.error()));
        // Reverting the cancellation would double-book: refused, the history unchanged.
        auto revert = s.revertStatus(a->meta.id, QStringLiteral("Cancelled by mistake"));
        QVERIFY(!revert);
        QVERIFY(s.refused());
        QCOMPARE(s.history(a->meta.id)->size(), 2);
        auto h = s.history(a->meta.id);
        QCOMPARE(h->last().cancelledBy, CancelledBy::Patient);
        QCOMPARE(h->last().reason, QStringLiteral("Feels better"));
    }

    void statusFlowWithCheckInAndRevert()
    {
        BookingService s(db());
        auto a = s.book(appt(m_cleo, m_drB, m_room2, utc(2026, 5, 4, 13), 20));
        QVERIFY(a);
        QVERIFY(!s.changeStatus(a->meta.id, {S::Completed, {}, {}}));
        QVERIFY(s.refused());
        // Not a no-show before it begins.
        QVERIFY(!s.changeStatus(a->meta.id, {S::NoShow, {}, {}}));
        m_clock.set(utc(2026, 5, 4, 12, 50));
        auto arrived = s.changeStatus(a->meta.id, {S::Arrived, {}, {}});
        QVERIFY2(arrived, qPrintable(arrived.error()));
        QCOMPARE(s.history(a->meta.id)->last().changedAtMs,
                 utc(2026, 5, 4, 12, 50).toMSecsSinceEpoch());
        QCOMPARE(StatusTransitions::arrivedAtMs(*s.history(a->meta.id)).value_or(0),
                 utc(2026, 5, 4, 12, 50).toMSecsSinceEpoch());
        // The wrong patient was checked in: revert, both rows kept.
        m_clock.set(utc(2026, 5, 4, 12, 52));
        auto reverted = s.revertStatus(a->meta.id, QStringLiteral("Wrong patient"));
        QVERIFY2(reverted, qPrintable(reverted.error()));
        QCOMPARE(reverted->status, S::Booked);
        auto h = s.history(a->meta.id);
        QCOMPARE(h->size(), 3);
        QCOMPARE(h->at(2).revertsId, h->at(1).meta.id);
        QVERIFY(!StatusTransitions::arrivedAtMs(*h));
        QVERIFY(!s.revertStatus(a->meta.id, {})); // the booking itself stays
        for (S to : {S::Arrived, S::InRoom, S::Completed}) {
            auto r = s.changeStatus(a->meta.id, {to, {}, {}});
            QVERIFY2(r, qPrintable(r.error()));
        }
        QVERIFY(
            !s.changeStatus(a->meta.id, {S::Cancelled, QStringLiteral("x"), CancelledBy::Clinic}));
        QCOMPARE(s.history(a->meta.id)->size(), 6);
        // History rows are insert-only: each is its own syncable record, never updated.
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM outbox WHERE resource_type = "
                                      "'Provenance' AND operation <> 'create'")),
                 0);
        m_clock.set(utc(2026, 5, 4, 5));
    }

    void movingChecksConflictsAndVersions()
    {
        BookingService s(db());
        auto a = s.book(appt(m_anna, m_drA, {}, utc(2026, 5, 5, 7), 15)); // Tue 09:00
        QVERIFY(a);
        auto b = s.book(appt(m_ben, m_drA, {}, utc(2026, 5, 5, 7, 30), 15));
        QVERIFY(b);
        // Onto b: refused.
        QVERIFY(!s.move(a->meta.id, utc(2026, 5, 5, 7, 30), utc(2026, 5, 5, 7, 45), {}, {},
                        a->meta.version, {}));
        QVERIFY(s.refused());
        // Longer over itself: fine (it does not conflict with itself).
        auto longer = s.move(a->meta.id, utc(2026, 5, 5, 7), utc(2026, 5, 5, 7, 30), {}, {},
                             a->meta.version, {});
        QVERIFY2(longer, qPrintable(longer.error()));
        // A stale version is refused.
        QVERIFY(!s.move(a->meta.id, utc(2026, 5, 5, 9), utc(2026, 5, 5, 9, 15), {}, {},
                        a->meta.version, {}));
        QVERIFY(s.refused());
        // To another practitioner at a time Anna is free and Dr. Brandt too.
        auto other = s.move(a->meta.id, utc(2026, 5, 5, 7, 30), utc(2026, 5, 5, 7, 50), m_drB, {},
                            longer->meta.version, {});
        QVERIFY2(other, qPrintable(other.error()));
        QCOMPARE(AppointmentRepository(db()).get(a->meta.id)->practitionerId, m_drB);
        // Final appointments stay where they were.
        QVERIFY(
            s.changeStatus(b->meta.id, {S::Cancelled, QStringLiteral("x"), CancelledBy::Clinic}));
        QVERIFY(!s.move(b->meta.id, utc(2026, 5, 5, 9), utc(2026, 5, 5, 9, 15), {}, {}, {}, {}));
        QVERIFY(s.refused());
    }

    void timeOffIsNotBookable()
    {
        BookingService s(db());
        ScheduleException leave;
        leave.practitionerId = m_drB;
        leave.kind = ScheduleException::Kind::Leave;
        leave.start = utc(2026, 5, 6, 0);
        leave.end = utc(2026, 5, 7, 0);
        leave.note = QStringLiteral("Conference");
        ScheduleExceptionRepository repo(db());
        QVERIFY(repo.save(leave));
        auto refused = s.book(appt(m_anna, m_drB, {}, utc(2026, 5, 6, 8), 20));
        QVERIFY(!refused);
        QVERIFY(s.refused());
        QVERIFY2(refused.error().contains(QStringLiteral("Conference")),
                 qPrintable(refused.error()));
        QVERIFY(s.book(appt(m_anna, m_drA, {}, utc(2026, 5, 6, 8), 15)));
    }

    void freeSlotsFromTheDatabase()
    {
        BookingService s(db());
        SlotQuery q;
        q.fromUtc = utc(2026, 5, 6, 0); // Wednesday; drB is on leave all day
        q.minutes = 20;
        q.count = 3;
        auto found = s.findSlots({m_drB}, q);
        QVERIFY2(found, qPrintable(found.error()));
        QCOMPARE(found->size(), 3);
        // Thursday 08:00 Berlin = 06:00 UTC.
        QCOMPARE(found->first().startUtc, utc(2026, 5, 7, 6));
        // Anyone, Monday from 09:00 Berlin: drA is booked 09:00-09:15, drB free.
        q.fromUtc = utc(2026, 5, 4, 7);
        q.minutes = 15;
        auto any = s.findSlots({}, q);
        QVERIFY(any);
        QCOMPARE(any->first().practitionerId, m_drB);
        QCOMPARE(any->first().startUtc, utc(2026, 5, 4, 7));
        // For Ben (busy 10:00-10:30 with drA): drB's 10:00 and 10:20 found are left out.
        q.fromUtc = utc(2026, 5, 4, 8);
        auto forBen = s.findSlots({m_drB}, q, 30, m_ben);
        QVERIFY(forBen);
        QCOMPARE(forBen->first().startUtc, utc(2026, 5, 4, 8, 40));
        auto forCleo = s.findSlots({m_drB}, q, 30, m_cleo);
        // Cleo is busy 10:10-10:20 and 10:30-10:45: drB's first slot for her is 11:00.
        QCOMPARE(forCleo->first().startUtc, utc(2026, 5, 4, 9));
        QVERIFY(!s.findSlots({QStringLiteral("nobody")}, q));
        // A clinic holiday blocks everyone.
        ScheduleException holiday;
        holiday.kind = ScheduleException::Kind::Holiday;
        holiday.start = utc(2026, 5, 13, 22); // Thursday 14 May, Berlin
        holiday.end = utc(2026, 5, 14, 22);
        QVERIFY(ScheduleExceptionRepository(db()).save(holiday));
        q.fromUtc = utc(2026, 5, 13, 14, 50); // Wednesday 16:50
        q.count = 2;
        auto overHoliday = s.findSlots({m_drA}, q);
        // 16:45 began before 16:50; Thursday is a holiday; Friday 08:00 Berlin.
        QCOMPARE(overHoliday->first().startUtc, utc(2026, 5, 15, 6));
        QCOMPARE(overHoliday->at(1).startUtc, utc(2026, 5, 15, 6, 15));
    }

    void seriesAreBookedWholeOrNotAtAll()
    {
        BookingService s(db());
        Recurrence weekly;
        weekly.interval = 1;
        weekly.count = 6;
        // Mondays 16:00 Berlin from 16 March 2026, across the DST change on 29 March.
        m_clock.set(utc(2026, 3, 1, 8));
        auto series = s.bookSeries(appt(m_anna, m_drA, {}, utc(2026, 3, 16, 15), 30), weekly, {});
        QVERIFY2(series, qPrintable(series.error()));
        QCOMPARE(series->appointments.size(), 6);
        const QTimeZone berlin("Europe/Berlin");
        for (const Appointment &a : series->appointments)
            QCOMPARE(a.start.toTimeZone(berlin).time(), QTime(16, 0));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM appointments WHERE series_id = ?"),
                       {series->seriesId}),
                 6);
        // A second series for Ben that overlaps Anna's is refused whole.
        const qint64 before = count(QStringLiteral("SELECT count(*) FROM appointments"));
        Recurrence two;
        two.interval = 2;
        two.count = 3;
        auto clash = s.bookSeries(appt(m_ben, m_drA, {}, utc(2026, 3, 16, 15, 15), 30), two, {});
        QVERIFY(!clash);
        QVERIFY(s.refused());
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM appointments")), before);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM appointment_series")), 1);

        // The rest of the series from the fourth on moves to 11:00; the first three stay.
        const Appointment fourth = series->appointments.at(3);
        auto moved = s.rescheduleSeriesFrom(fourth.meta.id, 11 * 60, 30, {}, {});
        QVERIFY2(moved, qPrintable(moved.error()));
        QCOMPARE(*moved, 3);
        AppointmentRepository repo(db());
        QCOMPARE(repo.get(series->appointments.at(2).meta.id)->start.toTimeZone(berlin).time(),
                 QTime(16, 0));
        QCOMPARE(repo.get(fourth.meta.id)->start.toTimeZone(berlin).time(), QTime(11, 0));
        QCOMPARE(*s.seriesOf(fourth.meta.id), series->seriesId);
        // One occurrence changed on its own (moved by a day) stays in the series.
        const Appointment fifth = series->appointments.at(4);
        auto one =
            s.move(fifth.meta.id, fifth.start.addDays(1), fifth.end.addDays(1), {}, {}, {}, {});
        QVERIFY(one);
        QCOMPARE(*s.seriesOf(fifth.meta.id), series->seriesId);
        // Cancel the rest from the fifth: two cancelled, earlier ones untouched.
        auto cancelled =
            s.cancelSeriesFrom(fifth.meta.id, QStringLiteral("Therapy ended"), CancelledBy::Clinic);
        QVERIFY2(cancelled, qPrintable(cancelled.error()));
        QCOMPARE(*cancelled, 2);
        QCOMPARE(repo.get(fourth.meta.id)->status, S::Booked);
        QCOMPARE(repo.get(series->appointments.at(5).meta.id)->status, S::Cancelled);
        m_clock.set(utc(2026, 5, 4, 5));
    }

    void undoingABookingDeletesItWithOutboxAndAudit()
    {
        BookingService s(db());
        Recurrence weekly;
        weekly.interval = 1;
        weekly.count = 3;
        auto series =
            s.bookSeries(appt(m_cleo, m_drB, m_room2, utc(2026, 6, 1, 12), 20), weekly, {});
        QVERIFY2(series, qPrintable(series.error()));
        QStringList ids;
        for (const Appointment &a : series->appointments)
            ids << a.meta.id;
        const QString idList = QStringLiteral("'%1'").arg(ids.join(QStringLiteral("','")));

        // One unknown id among them: nothing is deleted.
        QVERIFY(!s.undoBooking(ids + QStringList{QStringLiteral("no-such-appointment")}));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM appointments WHERE deleted = 1 AND "
                                      "id IN (%1)")
                           .arg(idList)),
                 0);

        const Status undone = s.undoBooking(ids);
        QVERIFY2(undone, qPrintable(undone.error()));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM appointments WHERE deleted = 1 AND "
                                      "id IN (%1)")
                           .arg(idList)),
                 3);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM outbox WHERE operation = 'delete' "
                                      "AND resource_type = 'Appointment' AND resource_id IN (%1)")
                           .arg(idList)),
                 3);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'delete' AND "
                                      "entity_type = 'Appointment' AND patient_id = ? AND "
                                      "entity_id IN (%1)")
                           .arg(idList),
                       {m_cleo}),
                 3);
        // The freed time can be booked again.
        QVERIFY(s.book(appt(m_anna, m_drB, m_room2, utc(2026, 6, 1, 12), 20)));
    }

    void twoConnectionsCannotBothBookOneSlot()
    {
        // A second workstation on the same file. While the first one's booking transaction is
        // open (BEGIN IMMEDIATE holds the write lock), the second cannot even begin its check;
        // once the first commits, the second sees the booking and is refused.
        Database::Options quick;
        quick.busyTimeoutMs = 100;
        auto second = Database::open(m_t.path(), test::TestDatabase::key(), quick);
        QVERIFY(second);
        test::actAsTestSetUp(**second);
        (*second)->setClock(m_clock);
        BookingService one(db());
        BookingService two(**second);
        bool blockedWhileOpen = false;
        const Status outer = db().write([&]() -> Status {
            auto a = one.book(appt(m_anna, m_drA, {}, utc(2026, 6, 1, 7), 15));
            if (!a)
                return fail(a.error());
            auto b = two.book(appt(m_ben, m_drA, {}, utc(2026, 6, 1, 7), 15));
            blockedWhileOpen = !b && !two.refused();
            return {};
        });
        QVERIFY2(outer, qPrintable(outer.error()));
        QVERIFY(blockedWhileOpen);
        auto b = two.book(appt(m_ben, m_drA, {}, utc(2026, 6, 1, 7), 15));
        QVERIFY(!b);
        QVERIFY(two.refused());
        QVERIFY(b.error().contains(QStringLiteral("Arnold, Anna")));
    }
};

int main(int argc, char **argv)
{
    qputenv("TZ", "Asia/Tokyo");
    QCoreApplication app(argc, argv);
    TestBookingService test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_bookingservice.moc"
