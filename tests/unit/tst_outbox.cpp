#include "TestDatabase.h"

#include "SyncStatus.h"
#include "domain/StatusChange.h"
#include "storage/AppointmentRepository.h"
#include "storage/Outbox.h"
#include "storage/PatientPhotoRepository.h"
#include "storage/PatientRepository.h"
#include "storage/PractitionerRepository.h"
#include "storage/StatusHistoryRepository.h"

#include <QBuffer>
#include <QImage>
#include <QSignalSpy>
#include <QTest>

using namespace frontdesk;

// "Changes waiting" as a person counts them: records, not the outbox's rows.
class TestOutbox : public QObject
{
    Q_OBJECT

    test::TestDatabase m_t;

    Database &db() { return *m_t.db; }
    qint64 rows()
    {
        auto v = db().scalar(QStringLiteral("SELECT count(*) FROM outbox"));
        return v ? v->toLongLong() : -1;
    }
    qint64 records()
    {
        auto n = Outbox(db()).waitingRecords();
        if (!n)
            qWarning("%s", qPrintable(n.error()));
        return n ? *n : -1;
    }
    static QByteArray png()
    {
        QImage img(4, 4, QImage::Format_RGB32);
        img.fill(Qt::darkCyan);
        QByteArray bytes;
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        img.save(&buffer, "PNG");
        return bytes;
    }

private slots:
    void initTestCase() { QVERIFY(m_t.open()); }

    void countsRecordsNotRows()
    {
        QCOMPARE(records(), 0);
        SyncStatus status(db());
        QSignalSpy more(&status, &SyncStatus::localChangesWaiting);

        Patient p;
        p.mrn = QStringLiteral("MRN0100266");
        p.familyName = QStringLiteral("Müller");
        p.givenName = QStringLiteral("Anna");
        PatientRepository patients(db());
        QVERIFY(patients.save(p).ok());
        p.phoneMobile = QStringLiteral("+49 170 1234567");
        QVERIFY(patients.save(p).ok());
        p.email = QStringLiteral("anna@example.org");
        QVERIFY(patients.save(p).ok());
        QCOMPARE(rows(), 3);
        QCOMPARE(records(), 1);
        status.refresh();
        QCOMPARE(status.pendingChanges(), 1);
        QCOMPARE(more.count(), 1);

        // The photo travels as a Binary of its own, but to a person it is the patient's.
        auto photo = PatientPhotoRepository(db()).setPhoto(p.meta.id, png());
        QVERIFY2(photo, qPrintable(photo.error()));
        QCOMPARE(rows(), 4);
        QCOMPARE(records(), 1);

        Practitioner dr;
        dr.familyName = QStringLiteral("Adler");
        QVERIFY(PractitionerRepository(db()).save(dr).ok());
        Appointment a;
        a.patientId = p.meta.id;
        a.practitionerId = dr.meta.id;
        a.start = QDateTime(QDate(2026, 5, 4), QTime(7, 0), Qt::UTC);
        a.end = a.start.addSecs(15 * 60);
        AppointmentRepository appointments(db());
        QVERIFY(appointments.save(a).ok());
        // A status change: the appointment's update and its history row, the Provenance.
        a.status = AppointmentStatus::Arrived;
        QVERIFY(appointments.save(a).ok());
        StatusChange change;
        change.appointmentId = a.meta.id;
        change.patientId = p.meta.id;
        change.from = AppointmentStatus::Booked;
        change.to = AppointmentStatus::Arrived;
        change.changedAtMs = 1;
        QVERIFY(StatusHistoryRepository(db()).save(change).ok());
        QCOMPARE(rows(), 8);
        QCOMPARE(records(), 3); // the patient, the practitioner, the appointment
        status.refresh();
        QCOMPARE(status.pendingChanges(), 3);
        QCOMPARE(more.count(), 2);

        // Once the server took the practitioner, two are left.
        QVERIFY(db().query(QStringLiteral("DELETE FROM outbox WHERE resource_type = "
                                          "'Practitioner'"))
                    .ok());
        status.refresh();
        QCOMPARE(status.pendingChanges(), 2);
        QCOMPARE(more.count(), 2);
    }
};

QTEST_GUILESS_MAIN(TestOutbox)
#include "tst_outbox.moc"
