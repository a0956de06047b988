#include "scheduling/ConflictDetector.h"

#include <QTest>

using namespace frontdesk;

namespace {
QDateTime at(int day, int h, int m = 0)
{
    return QDateTime(QDate(2026, 5, day), QTime(h, m), Qt::UTC);
}

Appointment appt(const QString &id, const QString &patient, const QString &practitioner,
                 const QString &room, QDateTime start, int minutes,
                 AppointmentStatus status = AppointmentStatus::Booked)
{
    Appointment a;
    a.meta.id = id;
    a.patientId = patient;
    a.practitionerId = practitioner;
    a.locationId = room;
    a.start = start;
    a.end = start.addSecs(minutes * 60);
    a.status = status;
    return a;
}
} // namespace

class TestConflictDetector : public QObject
{
    Q_OBJECT
private slots:
    void touchingIntervalsDoNotConflict()
    {
        const QList<Appointment> existing{appt(QStringLiteral("e1"), QStringLiteral("p1"),
                                               QStringLiteral("dr"), {}, at(4, 9), 15)};
        // 09:15-09:30 after 09:00-09:15, and 08:45-09:00 before it.
        QVERIFY(ConflictDetector::find(
                    appt({}, QStringLiteral("p2"), QStringLiteral("dr"), {}, at(4, 9, 15), 15),
                    existing)
                    .isEmpty());
        QVERIFY(ConflictDetector::find(
                    appt({}, QStringLiteral("p2"), QStringLiteral("dr"), {}, at(4, 8, 45), 15),
                    existing)
                    .isEmpty());
        // One minute of overlap on either side is a conflict.
        QCOMPARE(ConflictDetector::find(
                     appt({}, QStringLiteral("p2"), QStringLiteral("dr"), {}, at(4, 9, 14), 15),
                     existing)
                     .size(),
                 1);
        QCOMPARE(ConflictDetector::find(
                     appt({}, QStringLiteral("p2"), QStringLiteral("dr"), {}, at(4, 8, 46), 15),
                     existing)
                     .size(),
                 1);
    }

    void containedAndContaining()
    {
        const QList<Appointment> existing{appt(QStringLiteral("e1"), QStringLiteral("p1"),
                                               QStringLiteral("dr"), {}, at(4, 9), 60)};
        QCOMPARE(ConflictDetector::find(
                     appt({}, QStringLiteral("p2"), QStringLiteral("dr"), {}, at(4, 9, 20), 10),
                     existing)
                     .size(),
                 1);
        QCOMPARE(
            ConflictDetector::find(
                appt({}, QStringLiteral("p2"), QStringLiteral("dr"), {}, at(4, 8), 180), existing)
                .size(),
            1);
    }

    void practitionerRoomAndPatientEachConflict()
    {
        const QList<Appointment> existing{appt(QStringLiteral("e1"), QStringLiteral("p1"),
                                               QStringLiteral("drA"), QStringLiteral("room1"),
                                               at(4, 10), 30)};
        auto byDoctor = ConflictDetector::find(appt({}, QStringLiteral("p2"), QStringLiteral("drA"),
                                                    QStringLiteral("room2"), at(4, 10), 30),
                                               existing);
        QCOMPARE(byDoctor.size(), 1);
        QVERIFY(byDoctor.first().practitioner && !byDoctor.first().room &&
                !byDoctor.first().patient);
        auto byRoom = ConflictDetector::find(appt({}, QStringLiteral("p2"), QStringLiteral("drB"),
                                                  QStringLiteral("room1"), at(4, 10), 30),
                                             existing);
        QCOMPARE(byRoom.size(), 1);
        QVERIFY(byRoom.first().room && !byRoom.first().practitioner);
        auto byPatient = ConflictDetector::find(
            appt({}, QStringLiteral("p1"), QStringLiteral("drB"), {}, at(4, 10), 30), existing);
        QCOMPARE(byPatient.size(), 1);
        QVERIFY(byPatient.first().patient && !byPatient.first().room);
        QCOMPARE(byPatient.first().existing.meta.id, QStringLiteral("e1"));
        // No room on the candidate: rooms are not compared (two "no room" bookings are fine).
        const QList<Appointment> noRoom{appt(QStringLiteral("e2"), QStringLiteral("p1"),
                                             QStringLiteral("drA"), {}, at(4, 10), 30)};
        QVERIFY(
            ConflictDetector::find(
                appt({}, QStringLiteral("p3"), QStringLiteral("drC"), {}, at(4, 10), 30), noRoom)
                .isEmpty());
    }

    void cancelledAndNoShowFreeTheirTime()
    {
        for (AppointmentStatus s : {AppointmentStatus::Cancelled, AppointmentStatus::NoShow}) {
            const QList<Appointment> existing{appt(QStringLiteral("e1"), QStringLiteral("p1"),
                                                   QStringLiteral("dr"), QStringLiteral("r"),
                                                   at(4, 9), 15, s)};
            QVERIFY(ConflictDetector::find(appt({}, QStringLiteral("p1"), QStringLiteral("dr"),
                                                QStringLiteral("r"), at(4, 9), 15),
                                           existing)
                        .isEmpty());
        }
        for (AppointmentStatus s :
             {AppointmentStatus::Booked, AppointmentStatus::Confirmed, AppointmentStatus::Arrived,
              AppointmentStatus::InRoom, AppointmentStatus::Completed}) {
            QVERIFY(ConflictDetector::blocksTime(s));
        }
        Appointment deleted = appt(QStringLiteral("e1"), QStringLiteral("p1"), QStringLiteral("dr"),
                                   {}, at(4, 9), 15);
        deleted.meta.deleted = true;
        QVERIFY(
            ConflictDetector::find(
                appt({}, QStringLiteral("p2"), QStringLiteral("dr"), {}, at(4, 9), 15), {deleted})
                .isEmpty());
    }

    void movingDoesNotConflictWithItself()
    {
        const Appointment e = appt(QStringLiteral("e1"), QStringLiteral("p1"), QStringLiteral("dr"),
                                   {}, at(4, 9), 30);
        Appointment moved = e;
        moved.start = at(4, 9, 15);
        moved.end = at(4, 9, 45);
        QVERIFY(ConflictDetector::find(moved, {e}).isEmpty());
    }

    void overMidnight()
    {
        // A night appointment 23:30-00:30 collides with one at 00:00-00:15 the next day.
        const QList<Appointment> existing{appt(QStringLiteral("night"), QStringLiteral("p1"),
                                               QStringLiteral("dr"), {}, at(4, 23, 30), 60)};
        QCOMPARE(
            ConflictDetector::find(
                appt({}, QStringLiteral("p2"), QStringLiteral("dr"), {}, at(5, 0), 15), existing)
                .size(),
            1);
        QVERIFY(ConflictDetector::find(
                    appt({}, QStringLiteral("p2"), QStringLiteral("dr"), {}, at(5, 0, 30), 15),
                    existing)
                    .isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestConflictDetector)
#include "tst_conflictdetector.moc"
