#include "TestDatabase.h"

#include "access/AccessGuard.h"
#include "access/Permissions.h"
#include "access/Session.h"
#include "access/StaffAccountRepository.h"
#include "database/Migration.h"
#include "demo/DemoSeeder.h"
#include "fhir/BookingMapping.h"
#include "fhir/FhirMapping.h"
#include "fhir/PatientRecordMapping.h"
#include "fhir/ScheduleMapping.h"
#include "interop/FhirRecordReader.h"
#include "patients/PatientMerge.h"
#include "scheduling/BookingService.h"
#include "scheduling/Recurrence.h"
#include "storage/CommunicationPreferenceRepository.h"
#include "storage/EncounterRepository.h"
#include "storage/ImmunizationRepository.h"
#include "storage/LocationRepository.h"
#include "storage/ObservationRepository.h"
#include "storage/PatientPhotoRepository.h"
#include "storage/PatientRepository.h"
#include "storage/PractitionerRepository.h"
#include "storage/ScheduleExceptionRepository.h"
#include "storage/WaitlistRepository.h"

#include <QJsonArray>
#include <QSet>
#include <QTest>

using namespace frontdesk;

namespace {
const QString kPassword = QStringLiteral("tidal marble orchard 7");
const QString kZone = QStringLiteral("Europe/Berlin");

QByteArray png()
{
    return QByteArray::fromBase64(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQD"
        "wAEhQGAhKmMIQAAAABJRU5ErkJggg==");
}
} // namespace

// The sync worker's one way from an outbox entry to what it pushes: every entry reads as the
// FHIR resource it names, with the record's own values, and clinical records only on the
// worker's own system connection.
class TestFhirRecordReader : public QObject
{
    Q_OBJECT

    test::TestDatabase t;
    QString m_patient;
    QString m_other;
    QString m_practitioner;
    QString m_room;
    QString m_seriesId;
    QString m_doubleBooked;
    QString m_waitlist;

    template <typename T> static T value(Result<T> r)
    {
        [&] { QVERIFY2(r, qPrintable(r.error())); }();
        return r ? *r : T{};
    }
    qint64 count(const QString &sql, const QVariantList &binds = {})
    {
        auto v = t.db->scalar(sql, binds);
        return v ? v->toLongLong() : -1;
    }
    Patient patient(const QString &mrn, const QString &family)
    {
        Patient p;
        p.mrn = mrn;
        p.familyName = family;
        p.givenName = QStringLiteral("Alex");
        p.birthDate = QDate(1970, 5, 6);
        [&] { QVERIFY(PatientRepository(*t.db).save(p)); }();
        return p;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(t.open());
        DemoSeeder::Options demo;
        demo.patients = 40;
        demo.appointments = 200;
        demo.today = QDateTime::fromMSecsSinceEpoch(t.db->clock().nowMs(), Qt::UTC).date();
        demo.timeZone = kZone;
        QVERIFY(t.db->setSetting(QStringLiteral("clinic_time_zone"), kZone));
        QVERIFY(DemoSeeder(*t.db).seed(demo));

        m_patient = patient(QStringLiteral("R-1"), QStringLiteral("Reader")).meta.id;
        m_other = patient(QStringLiteral("R-2"), QStringLiteral("Duplicate")).meta.id;
        Practitioner dr;
        dr.familyName = QStringLiteral("Weber");
        QVERIFY(PractitionerRepository(*t.db).save(dr));
        m_practitioner = dr.meta.id;
        Location room;
        room.name = QStringLiteral("Room R");
        QVERIFY(LocationRepository(*t.db).save(room));
        m_room = room.meta.id;
        WorkingHours hours;
        hours.practitionerId = m_practitioner;
        hours.weekday = 2;
        hours.startMinute = 8 * 60;
        hours.endMinute = 24 * 60;
        hours.locationId = m_room;
        QVERIFY(WorkingHoursRepository(*t.db).save(hours));
        ScheduleException off;
        off.practitionerId = m_practitioner;
        off.kind = ScheduleException::Kind::Leave;
        off.start = QDateTime(QDate(2031, 1, 6), QTime(0, 0), Qt::UTC);
        off.end = off.start.addDays(5);
        QVERIFY(ScheduleExceptionRepository(*t.db).save(off));

        BookingService booking(*t.db);
        Appointment first;
        first.patientId = m_patient;
        first.practitionerId = m_practitioner;
        first.locationId = m_room;
        first.start = QDateTime(QDate(2030, 6, 4), QTime(7, 0), Qt::UTC);
        first.end = first.start.addSecs(30 * 60);
        Recurrence weekly;
        weekly.count = 3;
        auto series = booking.bookSeries(first, weekly, {});
        QVERIFY2(series, qPrintable(series.error()));
        m_seriesId = series->seriesId;
        QVERIFY(booking.changeStatus(
            series->appointments.first().meta.id,
            {AppointmentStatus::Cancelled, QStringLiteral("Ill"), CancelledBy::Patient}));
        Appointment over = first;
        over.patientId = m_other;
        // Over the second occurrence (the first is cancelled, which frees its time).
        over.start = first.start.addDays(7);
        over.end = first.end.addDays(7);
        auto doubled = booking.book(over, {true});
        QVERIFY2(doubled, qPrintable(doubled.error()));
        m_doubleBooked = doubled->meta.id;

        WaitlistEntry wish;
        wish.patientId = m_patient;
        wish.weekdays = {2, 4};
        wish.notAfter = QDateTime(QDate(2030, 9, 1), QTime(0, 0), Qt::UTC);
        QVERIFY(WaitlistRepository(*t.db).save(wish));
        m_waitlist = wish.meta.id;
        QVERIFY(PatientPhotoRepository(*t.db).setPhoto(m_patient, png()));
        CommunicationPreference pref;
        pref.patientId = m_patient;
        pref.channel = QStringLiteral("email");
        QVERIFY(CommunicationPreferenceRepository(*t.db).save(pref));
        QVERIFY(PatientMerge(*t.db).merge({m_patient, m_other, {}}));
        Encounter visit;
        visit.patientId = m_patient;
        visit.classCode = QStringLiteral("AMB");
        visit.start = first.start;
        visit.end = first.end;
        QVERIFY(EncounterRepository(*t.db).save(visit));
        Observation pulse;
        pulse.patientId = m_patient;
        pulse.encounterId = visit.meta.id;
        pulse.category = QStringLiteral("vital-signs");
        pulse.code = {QStringLiteral("http://loinc.org"), QStringLiteral("8867-4"),
                      QStringLiteral("Heart rate")};
        pulse.valueNumber = 64;
        pulse.unit = QStringLiteral("/min");
        pulse.effective = first.start;
        QVERIFY(ObservationRepository(*t.db).save(pulse));
        Immunization shot;
        shot.patientId = m_patient;
        shot.encounterId = visit.meta.id;
        shot.vaccine = {QStringLiteral("http://hl7.org/fhir/sid/cvx"), QStringLiteral("140"),
                        QStringLiteral("Influenza")};
        shot.occurred = first.start;
        QVERIFY(ImmunizationRepository(*t.db).save(shot));
        // The demo clinic's records (seeded without outbox entries) stand for the types no
        // write above queued.
        for (const char *table :
             {"recalls", "coverages", "consents", "patient_alerts", "allergies", "conditions",
              "medications", "appointment_types", "message_templates"}) {
            auto ids =
                t.db->query(QStringLiteral("SELECT id FROM %1 LIMIT 2").arg(QLatin1String(table)));
            QVERIFY(ids);
            QStringList found;
            while (ids->next())
                found << ids->value(0).toString();
            QVERIFY2(!found.isEmpty(), table);
            for (const QString &id : found)
                m_demoRows.append({QLatin1String(table), id});
        }
    }

    void everyOutboxEntryReadsAsTheResourceItNames()
    {
        auto q =
            t.db->query(QStringLiteral("SELECT DISTINCT resource_type, resource_id FROM outbox"));
        QVERIFY(q);
        QSet<QString> seen;
        FhirRecordReader reader(*t.db);
        while (q->next()) {
            const QString type = q->value(0).toString();
            const QString id = q->value(1).toString();
            QVERIFY2(FhirRecordReader::types().contains(type), qPrintable(type));
            auto resource = reader.read(type, id);
            QVERIFY2(resource, qPrintable(type + QLatin1Char('/') + id + QStringLiteral(": ") +
                                          resource.error()));
            QCOMPARE(resource->value(QStringLiteral("resourceType")).toString(), type);
            QCOMPARE(resource->value(QStringLiteral("id")).toString(), id);
            seen.insert(type);
        }
        for (const char *type : {"Patient", "Appointment", "Practitioner", "Location", "Slot",
                                 "ServiceRequest", "Provenance", "PractitionerRole", "Binary",
                                 "Consent", "Encounter", "Observation", "Immunization"})
            QVERIFY2(seen.contains(QLatin1String(type)), type);
    }

    void everyTypeReadsTheDemoClinicsRecords()
    {
        static const QHash<QString, QString> typeOf{
            {QStringLiteral("recalls"), QStringLiteral("Task")},
            {QStringLiteral("coverages"), QStringLiteral("Coverage")},
            {QStringLiteral("consents"), QStringLiteral("Consent")},
            {QStringLiteral("patient_alerts"), QStringLiteral("Flag")},
            {QStringLiteral("allergies"), QStringLiteral("AllergyIntolerance")},
            {QStringLiteral("conditions"), QStringLiteral("Condition")},
            {QStringLiteral("medications"), QStringLiteral("MedicationStatement")},
            {QStringLiteral("appointment_types"), QStringLiteral("HealthcareService")},
            {QStringLiteral("message_templates"), QStringLiteral("Basic")},
        };
        FhirRecordReader reader(*t.db);
        QSet<QString> types;
        for (const auto &[table, id] : m_demoRows) {
            const QString type = typeOf.value(table);
            auto resource = reader.read(type, id);
            QVERIFY2(resource, qPrintable(type + QStringLiteral(": ") + resource.error()));
            QCOMPARE(resource->value(QStringLiteral("resourceType")).toString(), type);
            types.insert(type);
        }
        QCOMPARE(types.size(), typeOf.size());
        // Every type the reader knows is one the permission table guards.
        for (const QString &type : FhirRecordReader::types())
            QVERIFY2(Permissions::toRead(type), qPrintable(type));
    }

    void theRecordsComeBackThroughTheirMappings()
    {
        FhirRecordReader reader(*t.db);
        auto seriesAppointment = t.db->scalar(
            QStringLiteral("SELECT id FROM appointments WHERE series_id = ? ORDER BY start_at "
                           "LIMIT 1 OFFSET 1"),
            {m_seriesId});
        QVERIFY(seriesAppointment);
        const QJsonObject occurrence =
            value(reader.read(QStringLiteral("Appointment"), seriesAppointment->toString()));
        QCOMPARE(value(BookingMapping::seriesIdOf(occurrence)), m_seriesId);
        QVERIFY(!ScheduleMapping::isDoubleBooked(occurrence));
        QVERIFY(ScheduleMapping::isDoubleBooked(
            value(reader.read(QStringLiteral("Appointment"), m_doubleBooked))));

        const AppointmentSeries series = value(BookingMapping::seriesFromFhir(
            value(reader.read(QStringLiteral("ServiceRequest"), m_seriesId))));
        QCOMPARE(series.occurrences, 3);
        QCOMPARE(series.timeZone, kZone);
        QCOMPARE(series.firstLocalDate, QDate(2030, 6, 4));
        QCOMPARE(series.localStartMinute, 9 * 60);

        auto cancel = t.db->scalar(QStringLiteral("SELECT id FROM appointment_status_history "
                                                  "WHERE to_status = 'cancelled'"));
        QVERIFY(cancel);
        const StatusChange change = value(BookingMapping::statusChangeFromFhir(
            value(reader.read(QStringLiteral("Provenance"), cancel->toString()))));
        QCOMPARE(change.to, AppointmentStatus::Cancelled);
        QCOMPARE(change.reason, QStringLiteral("Ill"));
        QCOMPARE(change.cancelledBy, CancelledBy::Patient);
        QCOMPARE(change.patientId, m_patient);

        const WaitlistEntry wish = value(BookingMapping::waitlistEntryFromFhir(
            value(reader.read(QStringLiteral("Appointment"), m_waitlist))));
        QCOMPARE(wish.patientId, m_patient);
        QCOMPARE(wish.weekdays, (QSet<int>{2, 4}));

        const QList<PatientLink> links = value(PatientRecordMapping::linksFromFhir(
            value(reader.read(QStringLiteral("Patient"), m_other))));
        QCOMPARE(links.size(), 1);
        QCOMPARE(links.first().targetId, m_patient);
        QCOMPARE(links.first().kind, QStringLiteral("replaced-by"));

        auto photoId = t.db->scalar(QStringLiteral("SELECT id FROM patient_photos"));
        QVERIFY(photoId);
        const PatientPhoto photo = value(PatientRecordMapping::photoFromFhir(
            value(reader.read(QStringLiteral("Binary"), photoId->toString()))));
        QCOMPARE(photo.data, png());

        auto prefId = t.db->scalar(QStringLiteral("SELECT id FROM communication_preferences"));
        QVERIFY(prefId);
        const QJsonObject consent =
            value(reader.read(QStringLiteral("Consent"), prefId->toString()));
        QVERIFY(FhirMapping::isCommunicationPreference(consent));
    }

    void unknownRecordsAndTypesAreRefused()
    {
        FhirRecordReader reader(*t.db);
        const auto missing = reader.read(QStringLiteral("Task"), QStringLiteral("no-such-id"));
        QVERIFY(!missing);
        QVERIFY2(missing.error().contains(QStringLiteral("no-such-id")),
                 qPrintable(missing.error()));
        const auto unknown = reader.read(QStringLiteral("Spaceship"), m_patient);
        QVERIFY(!unknown);
        QVERIFY2(unknown.error().contains(QStringLiteral("Spaceship")),
                 qPrintable(unknown.error()));
    }

    // Clinical records go out only from the worker's own system connection: not for a person
    // signed in, whatever their role, since that would be a read past the clinical gate.
    void clinicalRecordsAreReadOnlyOnTheSystemConnection()
    {
        auto condition = t.db->scalar(QStringLiteral("SELECT id FROM conditions LIMIT 1"));
        QVERIFY(condition);
        QVERIFY(FhirRecordReader(*t.db).read(QStringLiteral("Condition"), condition->toString()));
        StaffAccountRepository accounts(*t.db);
        QVERIFY(accounts.create(QStringLiteral("nurse"), Role::Nurse, kPassword));
        QVERIFY(accounts.create(QStringLiteral("desk"), Role::Receptionist, kPassword));
        for (const QString &who : {QStringLiteral("nurse"), QStringLiteral("desk")}) {
            Session session(*t.db);
            QVERIFY(session.signIn(who, kPassword));
            const auto refused =
                FhirRecordReader(*t.db).read(QStringLiteral("Condition"), condition->toString());
            QVERIFY2(!refused, qPrintable(who));
            QVERIFY2(refused.error().contains(QStringLiteral("sync worker")) ||
                         refused.error().contains(Permissions::describe(Permission::ViewClinical)),
                     qPrintable(refused.error()));
            QVERIFY(FhirRecordReader(*t.db).read(QStringLiteral("Patient"), m_patient));
        }
    }

    // Entries queued before the outbox spoke FHIR are renamed, a link's becomes its patient's.
    void theMigrationRenamesQueuedEntries()
    {
        test::TestDatabase old;
        QVERIFY(old.db == nullptr);
        auto opened = Database::open(old.path(), test::TestDatabase::key());
        QVERIFY(opened);
        old.db = std::move(*opened);
        test::actAsTestSetUp(*old.db);
        QList<Migration> earlier;
        for (const Migration &m : Migration::builtin()) {
            if (m.version <= 13)
                earlier << m;
        }
        QVERIFY(old.db->migrate(earlier));
        const auto queue = [&](const QString &type, const QString &id) {
            return old.db->query(
                QStringLiteral("INSERT INTO outbox (request_id, resource_type, resource_id, "
                               "operation, local_version, created_at) VALUES (?, ?, ?, 'create', "
                               "1, 0)"),
                {type + id, type, id});
        };
        QVERIFY(old.db->query(QStringLiteral(
            "INSERT INTO patients (id, mrn, family_name, given_name, created_at, updated_at, "
            "version, server_version) VALUES ('p1', 'M1', 'A', 'B', 0, 0, 4, 'v9')")));
        QVERIFY(old.db->query(
            QStringLiteral("INSERT INTO patient_links (id, source_id, target_id, created_at, "
                           "updated_at) VALUES ('l1', 'p1', 'p1', 0, 0)")));
        const QList<std::pair<QString, QString>> renamed{
            {QStringLiteral("AppointmentStatusChange"), QStringLiteral("Provenance")},
            {QStringLiteral("AppointmentType"), QStringLiteral("HealthcareService")},
            {QStringLiteral("AppointmentSeries"), QStringLiteral("ServiceRequest")},
            {QStringLiteral("Schedule"), QStringLiteral("PractitionerRole")},
            {QStringLiteral("ScheduleException"), QStringLiteral("Slot")},
            {QStringLiteral("WaitlistEntry"), QStringLiteral("Appointment")},
            {QStringLiteral("Recall"), QStringLiteral("Task")},
            {QStringLiteral("PatientPhoto"), QStringLiteral("Binary")},
            {QStringLiteral("CommunicationRequest"), QStringLiteral("Consent")},
            {QStringLiteral("Communication"), QStringLiteral("Communication")}};
        for (const auto &[before, after] : renamed)
            QVERIFY(queue(before, QStringLiteral("x")));
        QVERIFY(queue(QStringLiteral("PatientLink"), QStringLiteral("l1")));
        QVERIFY(old.db->query(QStringLiteral(
            "INSERT INTO sync_records (resource_type, resource_id, updated_at) VALUES "
            "('ScheduleException', 'x', 0)")));
        QVERIFY(old.db->migrate());
        for (const auto &[before, after] : renamed) {
            auto type = old.db->scalar(
                QStringLiteral("SELECT resource_type FROM outbox WHERE request_id = ?"),
                {before + QStringLiteral("x")});
            QVERIFY(type);
            QCOMPARE(type->toString(), after);
        }
        auto synced = old.db->scalar(QStringLiteral("SELECT resource_type FROM sync_records"));
        QVERIFY(synced);
        QCOMPARE(synced->toString(), QStringLiteral("Slot"));
        auto link = old.db->query(QStringLiteral(
            "SELECT resource_type, resource_id, operation, base_version, local_version FROM "
            "outbox WHERE request_id = 'PatientLinkl1'"));
        QVERIFY(link && link->next());
        QCOMPARE(link->value(0).toString(), QStringLiteral("Patient"));
        QCOMPARE(link->value(1).toString(), QStringLiteral("p1"));
        QCOMPARE(link->value(2).toString(), QStringLiteral("update"));
        QCOMPARE(link->value(3).toString(), QStringLiteral("v9"));
        QCOMPARE(link->value(4).toLongLong(), 4);
    }

private:
    QList<std::pair<QString, QString>> m_demoRows; // (table, id)
};

QTEST_GUILESS_MAIN(TestFhirRecordReader)
#include "tst_fhirrecordreader.moc"
