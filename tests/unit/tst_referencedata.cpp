#include "TestClock.h"
#include "TestDatabase.h"

#include "scheduling/ReferenceData.h"
#include "storage/PractitionerRepository.h"

#include <QTest>

using namespace frontdesk;

// ReferenceData on a real (encrypted, migrated) database: what the schedule's dialogs list and
// edit, each change a record write with its outbox and audit entries.
class TestReferenceData : public QObject
{
    Q_OBJECT

    test::TestDatabase m_t;
    TestClock m_clock{QDateTime(QDate(2026, 5, 4), QTime(5, 0), Qt::UTC)};

    Database &db() { return *m_t.db; }
    qint64 count(const QString &sql, const QVariantList &values = {})
    {
        auto v = db().scalar(sql, values);
        return v ? v->toLongLong() : -1;
    }
    // The outbox and audit entries one record's writes left.
    qint64 outboxFor(const QString &id)
    {
        return count(QStringLiteral("SELECT count(*) FROM outbox WHERE resource_id = ?"), {id});
    }
    qint64 auditFor(const QString &id, const QString &action)
    {
        return count(
            QStringLiteral("SELECT count(*) FROM audit_log WHERE entity_id = ? AND action = ?"),
            {id, action});
    }
    QString addPractitioner(const QString &family, bool active)
    {
        Practitioner p;
        p.familyName = family;
        p.active = active;
        if (auto s = PractitionerRepository(db()).save(p); !s)
            qWarning("%s", qPrintable(s.error()));
        return p.meta.id;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_t.open());
        db().setClock(m_clock);
        db().setActor(Actor::staff(QStringLiteral("rita")));
    }

    void listsOnlyTheActivePractitioners()
    {
        const QString active = addPractitioner(QStringLiteral("Adler"), true);
        addPractitioner(QStringLiteral("Retired"), false);
        auto list = ReferenceData(db()).practitioners();
        QVERIFY2(list, qPrintable(list.error()));
        QCOMPARE(list->size(), 1);
        QCOMPARE(list->first().meta.id, active);
    }

    void roomsAreAddedListedAndRemovedThroughTheWritePath()
    {
        ReferenceData reference(db());
        Location room;
        room.name = QStringLiteral("Room 7");
        QVERIFY(reference.saveRoom(room));
        auto rooms = reference.rooms();
        QVERIFY2(rooms, qPrintable(rooms.error()));
        QCOMPARE(rooms->size(), 1);
        QCOMPARE(rooms->first().name, QStringLiteral("Room 7"));
        QCOMPARE(outboxFor(room.meta.id), 1);
        QCOMPARE(auditFor(room.meta.id, QStringLiteral("create")), 1);

        const Status removed = reference.removeRoom(room.meta.id);
        QVERIFY2(removed, qPrintable(removed.error()));
        QVERIFY(reference.rooms()->isEmpty());
        QCOMPARE(outboxFor(room.meta.id), 2);
        QCOMPARE(auditFor(room.meta.id, QStringLiteral("delete")), 1);
        // Removing what is not there says so.
        QVERIFY(!reference.removeRoom(QStringLiteral("no-such-room")));
    }

    void appointmentTypesAreValidatedAndRemoved()
    {
        ReferenceData reference(db());
        AppointmentType type;
        type.code = QStringLiteral("ultrasound");
        type.name = QStringLiteral("Ultrasound");
        type.defaultMinutes = 30;
        type.color = QStringLiteral("#4e79a7");
        QVERIFY(reference.saveAppointmentType(type));
        auto types = reference.appointmentTypes();
        QVERIFY2(types, qPrintable(types.error()));
        QVERIFY(std::any_of(types->begin(), types->end(), [](const AppointmentType &t) {
            return t.code == QLatin1String("ultrasound") && t.defaultMinutes == 30;
        }));
        AppointmentType nameless;
        nameless.code = QStringLiteral("x");
        const Status refused = reference.saveAppointmentType(nameless);
        QVERIFY(!refused);
        QVERIFY(!refused.error().isEmpty());

        QVERIFY(reference.removeAppointmentType(type.meta.id));
        types = reference.appointmentTypes();
        QVERIFY(std::none_of(types->begin(), types->end(), [](const AppointmentType &t) {
            return t.code == QLatin1String("ultrasound");
        }));
        QCOMPARE(auditFor(type.meta.id, QStringLiteral("delete")), 1);
    }

    void workingHoursPerPractitioner()
    {
        ReferenceData reference(db());
        const QString weber = addPractitioner(QStringLiteral("Weber"), true);
        WorkingHours monday;
        monday.practitionerId = weber;
        monday.weekday = 1;
        monday.startMinute = 8 * 60;
        monday.endMinute = 12 * 60;
        QVERIFY(reference.saveWorkingHours(monday));
        auto hours = reference.workingHours(weber);
        QVERIFY2(hours, qPrintable(hours.error()));
        QCOMPARE(hours->size(), 1);
        QCOMPARE(hours->first().endMinute, 12 * 60);
        QVERIFY(reference.workingHours(QStringLiteral("someone-else"))->isEmpty());
        QVERIFY(reference.removeWorkingHours(monday.meta.id));
        QVERIFY(reference.workingHours(weber)->isEmpty());
        QCOMPARE(outboxFor(monday.meta.id), 2);
    }

    void timeOffInAWindow()
    {
        ReferenceData reference(db());
        const QDateTime from(QDate(2026, 5, 11), QTime(0, 0), Qt::UTC);
        ScheduleException holiday;
        holiday.kind = ScheduleException::Kind::Holiday;
        holiday.start = from;
        holiday.end = from.addDays(1);
        holiday.note = QStringLiteral("Clinic closed");
        QVERIFY(reference.saveTimeOff(holiday));
        auto off = reference.timeOff(from.addDays(-1), from.addDays(2));
        QVERIFY2(off, qPrintable(off.error()));
        QCOMPARE(off->size(), 1);
        QCOMPARE(off->first().note, QStringLiteral("Clinic closed"));
        QVERIFY(reference.timeOff(from.addDays(3), from.addDays(4))->isEmpty());
        QVERIFY(reference.removeTimeOff(holiday.meta.id));
        QVERIFY(reference.timeOff(from.addDays(-1), from.addDays(2))->isEmpty());
        QCOMPARE(auditFor(holiday.meta.id, QStringLiteral("delete")), 1);
    }
};

QTEST_GUILESS_MAIN(TestReferenceData)
#include "tst_referencedata.moc"
