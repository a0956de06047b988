#include "TestClock.h"
#include "TestDatabase.h"

#include "access/AuditLog.h"
#include "storage/AppointmentRepository.h"
#include "storage/LocationRepository.h"
#include "storage/MessageRepository.h"
#include "storage/PatientRepository.h"
#include "storage/PractitionerRepository.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>

using namespace frontdesk;

class TestWritePath : public QObject
{
    Q_OBJECT

    test::TestDatabase t;
    TestClock clock{QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC)};

    Patient samplePatient(const QString &mrn = QStringLiteral("MRN1"))
    {
        Patient p;
        p.mrn = mrn;
        p.givenName = QStringLiteral("Ada");
        p.familyName = QStringLiteral("Lovelace");
        p.birthDate = QDate(1990, 12, 10);
        p.sex = QStringLiteral("female");
        p.phoneMobile = QStringLiteral("+49 151 1234567");
        return p;
    }
    qint64 count(const QString &sql)
    {
        auto v = t.db->scalar(sql);
        return v ? v->toLongLong() : -1;
    }
    QList<QSqlRecord> rows(const QString &sql)
    {
        QList<QSqlRecord> out;
        auto q = t.db->query(sql);
        while (q && q->next())
            out << q->record();
        return out;
    }

private slots:
    void init()
    {
        t.db.reset();
        QVERIFY(t.dir.isValid());
        QFile::remove(t.path());
        QFile::remove(t.path() + QStringLiteral("-wal"));
        QFile::remove(t.path() + QStringLiteral("-shm"));
        QVERIFY(t.open());
        t.db->setClock(clock);
        t.db->setActor(Actor::staff(QStringLiteral("reception1")));
    }

    void insertWritesRowOutboxAndAuditTogether()
    {
        PatientRepository patients(*t.db);
        Patient p = samplePatient();
        QVERIFY2(patients.save(p).ok(), "save");
        QVERIFY(!p.meta.id.isEmpty());
        QCOMPARE(p.meta.version, 1);
        QCOMPARE(p.meta.syncState, SyncState::pending());
        QCOMPARE(p.meta.createdAt, clock.nowMs());

        const auto outbox = rows(QStringLiteral("SELECT * FROM outbox"));
        QCOMPARE(outbox.size(), 1);
        QCOMPARE(outbox[0].value(QStringLiteral("resource_type")).toString(),
                 QStringLiteral("Patient"));
        QCOMPARE(outbox[0].value(QStringLiteral("resource_id")).toString(), p.meta.id);
        QCOMPARE(outbox[0].value(QStringLiteral("operation")).toString(), QStringLiteral("create"));
        QCOMPARE(outbox[0].value(QStringLiteral("local_version")).toLongLong(), 1);
        QVERIFY(!outbox[0].value(QStringLiteral("request_id")).toString().isEmpty());

        const auto audit = rows(QStringLiteral("SELECT * FROM audit_log"));
        QCOMPARE(audit.size(), 1);
        QCOMPARE(audit[0].value(QStringLiteral("action")).toString(), QStringLiteral("create"));
        QCOMPARE(audit[0].value(QStringLiteral("actor")).toString(), QStringLiteral("reception1"));
        QCOMPARE(audit[0].value(QStringLiteral("actor_kind")).toString(), QStringLiteral("staff"));
        QCOMPARE(audit[0].value(QStringLiteral("patient_id")).toString(), p.meta.id);
        QCOMPARE(audit[0].value(QStringLiteral("prev_hash")).toString(), AuditLog::genesisHash());
        const QJsonObject detail =
            QJsonDocument::fromJson(audit[0].value(QStringLiteral("detail")).toByteArray())
                .object();
        QCOMPARE(detail[QStringLiteral("after")][QStringLiteral("family_name")].toString(),
                 QStringLiteral("Lovelace"));

        auto loaded = patients.get(p.meta.id);
        QVERIFY(loaded.ok());
        QCOMPARE(loaded->familyName, QStringLiteral("Lovelace"));
        QCOMPARE(loaded->birthDate, QDate(1990, 12, 10));
        QCOMPARE(loaded->meta.version, 1);
    }

    void updateRecordsOnlyChangedFieldsAndBumpsVersion()
    {
        PatientRepository patients(*t.db);
        Patient p = samplePatient();
        QVERIFY(patients.save(p).ok());
        clock.advanceSecs(60);
        p.phoneMobile = QStringLiteral("+49 151 7654321");
        p.email = QStringLiteral("ada@example.org");
        QVERIFY(patients.save(p).ok());
        QCOMPARE(p.meta.version, 2);
        QCOMPARE(p.meta.updatedAt, clock.nowMs());
        QCOMPARE(
            count(QStringLiteral(
                "SELECT count(*) FROM outbox WHERE operation = 'update' AND local_version = 2")),
            1);
        const auto audit =
            rows(QStringLiteral("SELECT detail FROM audit_log WHERE action = 'update'"));
        QCOMPARE(audit.size(), 1);
        const QJsonObject changes = QJsonDocument::fromJson(audit[0].value(0).toByteArray())
                                        .object()[QStringLiteral("changes")]
                                        .toObject();
        QCOMPARE(changes.keys(),
                 (QStringList{QStringLiteral("email"), QStringLiteral("phone_mobile")}));
        QCOMPARE(changes[QStringLiteral("phone_mobile")][QStringLiteral("before")].toString(),
                 QStringLiteral("+49 151 1234567"));
        QCOMPARE(changes[QStringLiteral("phone_mobile")][QStringLiteral("after")].toString(),
                 QStringLiteral("+49 151 7654321"));

        // Saving without a change writes nothing at all.
        QVERIFY(patients.save(p).ok());
        QCOMPARE(p.meta.version, 2);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM outbox")), 2);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM audit_log")), 2);
    }

    void staleVersionIsRefused()
    {
        PatientRepository patients(*t.db);
        Patient p = samplePatient();
        QVERIFY(patients.save(p).ok());
        Patient mine = *patients.get(p.meta.id);
        Patient theirs = *patients.get(p.meta.id);
        theirs.email = QStringLiteral("theirs@example.org");
        QVERIFY(patients.save(theirs).ok());
        mine.email = QStringLiteral("mine@example.org");
        auto s = patients.save(mine);
        QVERIFY(!s.ok());
        QVERIFY2(s.error().contains(QStringLiteral("changed by someone else")),
                 qPrintable(s.error()));
        QCOMPARE(patients.get(p.meta.id)->email, QStringLiteral("theirs@example.org"));
    }

    void deleteLeavesATombstoneThatSyncs()
    {
        PatientRepository patients(*t.db);
        Patient p = samplePatient();
        QVERIFY(patients.save(p).ok());
        QVERIFY(patients.remove(p).ok());
        QVERIFY(p.meta.deleted);
        QCOMPARE(p.meta.version, 2);
        auto loaded = patients.get(p.meta.id);
        QVERIFY(loaded.ok());
        QVERIFY(loaded->meta.deleted);
        QCOMPARE(loaded->familyName, QStringLiteral("Lovelace"));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM outbox WHERE operation = 'delete'")),
                 1);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'delete'")),
                 1);
        QCOMPARE(*patients.count(), 0);
        // A deleted record can't be edited.
        loaded->email = QStringLiteral("x@example.org");
        QVERIFY(!patients.save(*loaded).ok());
    }

    void failureInTheOutboxKeepsNothing()
    {
        QVERIFY(t.db->query(QStringLiteral("CREATE TEMP TRIGGER refuse BEFORE INSERT ON outbox "
                                           "BEGIN SELECT RAISE(ABORT, 'outbox is full'); END"))
                    .ok());
        PatientRepository patients(*t.db);
        Patient p = samplePatient();
        auto s = patients.save(p);
        QVERIFY(!s.ok());
        QVERIFY2(s.error().contains(QStringLiteral("outbox is full")), qPrintable(s.error()));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM patients")), 0);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM audit_log")), 0);
    }

    void auditLogIsAppendOnlyAndChained()
    {
        PatientRepository patients(*t.db);
        for (int i = 0; i < 3; ++i) {
            Patient p = samplePatient(QStringLiteral("MRN%1").arg(i));
            QVERIFY(patients.save(p).ok());
        }
        QVERIFY(!t.db->query(QStringLiteral("UPDATE audit_log SET actor = 'mallory'")).ok());
        QVERIFY(!t.db->query(QStringLiteral("DELETE FROM audit_log")).ok());
        QString prev = AuditLog::genesisHash();
        auto q = t.db->query(QStringLiteral("SELECT * FROM audit_log ORDER BY seq"));
        QVERIFY(q.ok());
        int n = 0;
        while (q->next()) {
            const QSqlRecord r = q->record();
            AuditEntry e;
            e.id = r.value(QStringLiteral("id")).toString();
            e.recordedAt = r.value(QStringLiteral("recorded_at")).toLongLong();
            e.actor = r.value(QStringLiteral("actor")).toString();
            e.actorKind = r.value(QStringLiteral("actor_kind")).toString();
            e.action = r.value(QStringLiteral("action")).toString();
            e.entityType = r.value(QStringLiteral("entity_type")).toString();
            e.entityId = r.value(QStringLiteral("entity_id")).toString();
            e.patientId = r.value(QStringLiteral("patient_id")).toString();
            e.outcome = r.value(QStringLiteral("outcome")).toString();
            e.detail =
                QJsonDocument::fromJson(r.value(QStringLiteral("detail")).toByteArray()).object();
            e.prevHash = r.value(QStringLiteral("prev_hash")).toString();
            QCOMPARE(e.prevHash, prev);
            QCOMPARE(e.computeHash(), r.value(QStringLiteral("hash")).toString());
            prev = e.computeHash();
            ++n;
        }
        QCOMPARE(n, 3);
    }

    void patientValidation()
    {
        PatientRepository patients(*t.db);
        Patient p = samplePatient();
        QVERIFY(patients.save(p).ok());
        Patient twin = samplePatient();
        auto s = patients.save(twin);
        QVERIFY(!s.ok());
        QVERIFY(s.error().contains(QStringLiteral("MRN1")));
        Patient noName = samplePatient(QStringLiteral("MRN2"));
        noName.familyName.clear();
        QVERIFY(!patients.save(noName).ok());
        Patient future = samplePatient(QStringLiteral("MRN3"));
        future.birthDate = clock.nowUtc().date().addDays(1);
        QVERIFY(patients.save(future).error().contains(QStringLiteral("future")));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM patients")), 1);
    }

    void repositoriesOfEveryType()
    {
        PatientRepository patients(*t.db);
        PractitionerRepository practitioners(*t.db);
        WorkingHoursRepository hours(*t.db);
        LocationRepository locations(*t.db);
        AppointmentRepository appointments(*t.db);
        MessageRepository messages(*t.db);

        Patient p = samplePatient();
        QVERIFY(patients.save(p).ok());
        Practitioner doc;
        doc.familyName = QStringLiteral("House");
        doc.givenName = QStringLiteral("Greg");
        doc.prefix = QStringLiteral("Dr.");
        QVERIFY(practitioners.save(doc).ok());
        QCOMPARE(practitioners.active()->size(), 1);
        QCOMPARE(doc.displayName(), QStringLiteral("Dr. Greg House"));
        WorkingHours monday{{}, doc.meta.id, 1, 8 * 60, 12 * 60, {}};
        QVERIFY(hours.save(monday).ok());
        WorkingHours bad{{}, doc.meta.id, 8, 8 * 60, 12 * 60, {}};
        QVERIFY(!hours.save(bad).ok());
        QCOMPARE(hours.forPractitioner(doc.meta.id)->size(), 1);
        Location room;
        room.name = QStringLiteral("Room 1");
        QVERIFY(locations.save(room).ok());

        Appointment a;
        a.patientId = p.meta.id;
        a.practitionerId = doc.meta.id;
        a.locationId = room.meta.id;
        a.start = QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC);
        a.end = a.start.addSecs(15 * 60);
        a.reason = QStringLiteral("Cough");
        QVERIFY(appointments.save(a).ok());
        Appointment backwards = a;
        backwards.meta = {};
        backwards.end = backwards.start.addSecs(-60);
        QVERIFY(!appointments.save(backwards).ok());
        Appointment orphan = a;
        orphan.meta = {};
        orphan.patientId = QStringLiteral("no-such-patient");
        QVERIFY2(!appointments.save(orphan).ok(), "foreign keys are enforced");

        auto day = appointments.rowsBetween(QDateTime(QDate(2026, 3, 2), QTime(0, 0), Qt::UTC),
                                            QDateTime(QDate(2026, 3, 3), QTime(0, 0), Qt::UTC));
        QVERIFY(day.ok());
        QCOMPARE(day->size(), 1);
        QCOMPARE(day->at(0).patientName, QStringLiteral("Lovelace, Ada"));
        QCOMPARE(day->at(0).practitionerName, QStringLiteral("Dr. Greg House"));
        QCOMPARE(day->at(0).locationName, QStringLiteral("Room 1"));
        QCOMPARE(day->at(0).appointment.minutes(), 15);
        auto nextDay = appointments.rowsBetween(QDateTime(QDate(2026, 3, 3), QTime(0, 0), Qt::UTC),
                                                QDateTime(QDate(2026, 3, 4), QTime(0, 0), Qt::UTC));
        QCOMPARE(nextDay->size(), 0);
        QCOMPARE(appointments.forPatient(p.meta.id)->size(), 1);

        a.status = AppointmentStatus::Arrived;
        QVERIFY(appointments.save(a).ok());
        QCOMPARE(appointments.get(a.meta.id)->status, AppointmentStatus::Arrived);
        // Appointment audit entries name the patient.
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM audit_log WHERE entity_type = "
                                      "'Appointment' AND patient_id = '%1'")
                           .arg(p.meta.id)),
                 2);

        Message m;
        m.patientId = p.meta.id;
        m.appointmentId = a.meta.id;
        m.body = QStringLiteral("See you tomorrow");
        QVERIFY(messages.save(m).ok());
        Message fax = m;
        fax.meta = {};
        fax.channel = QStringLiteral("fax");
        QVERIFY(!messages.save(fax).ok());
        auto recent = messages.recent(10);
        QCOMPARE(recent->size(), 1);
        QCOMPARE(recent->at(0).patientName, QStringLiteral("Lovelace, Ada"));
    }

    void statusNamesRoundTrip()
    {
        for (auto s :
             {AppointmentStatus::Booked, AppointmentStatus::Confirmed, AppointmentStatus::Arrived,
              AppointmentStatus::InRoom, AppointmentStatus::Completed, AppointmentStatus::Cancelled,
              AppointmentStatus::NoShow})
            QCOMPARE(appointmentStatusFromName(appointmentStatusName(s)), s);
        QVERIFY(!appointmentStatusFromName(QStringLiteral("teleported")).has_value());
    }

    void patientPagingWalksEveryoneOnce()
    {
        PatientRepository patients(*t.db);
        for (int i = 0; i < 25; ++i) {
            Patient p = samplePatient(QStringLiteral("M%1").arg(i));
            p.familyName = i % 2 ? QStringLiteral("Beta") : QStringLiteral("alpha");
            p.givenName = QStringLiteral("G%1").arg(i % 3);
            QVERIFY(patients.save(p).ok());
        }
        QSet<QString> seen;
        std::optional<PatientRepository::PageKey> after;
        for (;;) {
            auto page = patients.page(after, 4);
            QVERIFY(page.ok());
            if (page->isEmpty())
                break;
            for (const Patient &p : *page) {
                QVERIFY(!seen.contains(p.meta.id));
                seen.insert(p.meta.id);
            }
            const Patient &last = page->last();
            after = PatientRepository::PageKey{last.familyName, last.givenName, last.meta.id};
        }
        QCOMPARE(seen.size(), 25);
    }
};

QTEST_GUILESS_MAIN(TestWritePath)
#include "tst_writepath.moc"
