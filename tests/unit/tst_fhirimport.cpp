#include "TestClock.h"
// FHIR R4 import and export: Synthea-shaped bundles in, the same record out, strict errors,
// idempotent re-imports.

#include "ClinicalGate.h"
#include "TestDatabase.h"

#include "fhir/FhirMapping.h"
#include "interop/FhirExporter.h"
#include "interop/FhirImporter.h"
#include "patients/PatientMerge.h"
#include "storage/AllergyRepository.h"
#include "storage/CommunicationPreferenceRepository.h"
#include "storage/ConsentRepository.h"
#include "storage/EncounterRepository.h"
#include "storage/ObservationRepository.h"
#include "storage/Outbox.h"
#include "storage/PatientAlertRepository.h"
#include "storage/PatientRepository.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace frontdesk;

namespace {

QString dataDir()
{
    return qEnvironmentVariable("FRONTDESK_TEST_DATA") + QStringLiteral("/fhir");
}

const QString kAnna = QStringLiteral("3f6a5b2e-8c1d-4e2f-9a7b-1c2d3e4f5a61");
// frontdesk-lena-hoffmann.json: consents (one withdrawn later), communication preferences,
// alerts, and the record merged into Lena's (Patient.link).
const QString kLena = QStringLiteral("4b7e2c1d-5a6f-4c3b-8d2e-9f1a0b2c3d71");
const QString kLenaOld = QStringLiteral("4b7e2c1d-5a6f-4c3b-8d2e-9f1a0b2c3d72");

QJsonObject patientResource(const QString &id, const QString &mrn, const QString &family,
                            const QJsonArray &links = {})
{
    QJsonObject r{
        {QStringLiteral("resourceType"), QStringLiteral("Patient")},
        {QStringLiteral("id"), id},
        {QStringLiteral("identifier"),
         QJsonArray{QJsonObject{{QStringLiteral("system"), QStringLiteral("urn:test")},
                                {QStringLiteral("value"), mrn}}}},
        {QStringLiteral("name"), QJsonArray{QJsonObject{{QStringLiteral("family"), family}}}}};
    if (!links.isEmpty())
        r.insert(QStringLiteral("link"), links);
    return r;
}

QJsonObject link(const QString &type, const QString &other)
{
    return QJsonObject{
        {QStringLiteral("type"), type},
        {QStringLiteral("other"), QJsonObject{{QStringLiteral("reference"), other}}}};
}

QByteArray bundleOf(const QJsonArray &resources)
{
    QJsonArray entries;
    for (const QJsonValue r : resources)
        entries.append(
            QJsonObject{{QStringLiteral("fullUrl"),
                         QStringLiteral("urn:uuid:") + r[QStringLiteral("id")].toString()},
                        {QStringLiteral("resource"), r}});
    return QJsonDocument(QJsonObject{{QStringLiteral("resourceType"), QStringLiteral("Bundle")},
                                     {QStringLiteral("type"), QStringLiteral("collection")},
                                     {QStringLiteral("entry"), entries}})
        .toJson();
}

qint64 rows(Database &db, const QString &table)
{
    auto n = db.scalar(QStringLiteral("SELECT count(*) FROM %1").arg(table));
    return n ? n->toLongLong() : -1;
}

QJsonObject withoutTimestamp(QJsonObject bundle)
{
    bundle.remove(QStringLiteral("timestamp"));
    return bundle;
}

// One resource of a test bundle, by resourceType (the first of that type).
QJsonObject resourceFrom(const QString &file, const QString &type)
{
    QFile f(dataDir() + QLatin1Char('/') + file);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QJsonArray entries =
        QJsonDocument::fromJson(f.readAll())[QStringLiteral("entry")].toArray();
    for (const QJsonValue e : entries)
        if (e[QStringLiteral("resource")][QStringLiteral("resourceType")].toString() == type)
            return e[QStringLiteral("resource")].toObject();
    return {};
}

QJsonObject withSystem(QJsonObject patient, const QString &system)
{
    QJsonArray ids = patient[QStringLiteral("identifier")].toArray();
    QJsonObject first = ids.first().toObject();
    first.insert(QStringLiteral("system"), system);
    ids.replace(0, first);
    patient.insert(QStringLiteral("identifier"), ids);
    return patient;
}

QJsonObject reference(const QString &to)
{
    return QJsonObject{{QStringLiteral("reference"), to}};
}

} // namespace

class TestFhirImport : public QObject
{
    Q_OBJECT

private:
    TestClock m_clock{QDateTime(QDate(2026, 3, 4), QTime(9, 0), Qt::UTC)};

private slots:

    void aPatientMatchesOnlyByOurMrnSystemOrANamedOne()
    {
        test::TestDatabase t;
        QVERIFY(t.open());
        t.db->setClock(m_clock);
        Patient local;
        local.mrn = QStringLiteral("M-100");
        local.familyName = QStringLiteral("Lokal");
        local.givenName = QStringLiteral("Paula");
        QVERIFY(PatientRepository(*t.db).save(local).ok());
        const QString fileId = QStringLiteral("7e1a4e3f-7c8b-4e5d-8f40-1b2c3d4e5f01");
        const QString other = QStringLiteral("urn:other-hospital:mrn");
        const QJsonObject stranger = withSystem(
            patientResource(fileId, QStringLiteral("M-100"), QStringLiteral("Fremd")), other);

        // Another hospital's M-100 is somebody else: not merged into ours, refused (the MRN
        // is taken) with nothing written.
        auto r = FhirImporter(*t.db).importBundle(bundleOf({stranger}), QStringLiteral("x.json"));
        QVERIFY(!r.imported);
        QVERIFY2(r.errors.join(QLatin1Char(' ')).contains(QStringLiteral("M-100")),
                 qPrintable(r.errors.join(QLatin1Char('\n'))));
        QCOMPARE(PatientRepository(*t.db).get(local.meta.id)->familyName, QStringLiteral("Lokal"));
        QCOMPARE(rows(*t.db, QStringLiteral("patients")), 1);

        // Named with --match-system, that system's values are our MRNs.
        FhirImportOptions options;
        options.matchSystems << other;
        r = FhirImporter(*t.db, options)
                .importBundle(bundleOf({stranger}), QStringLiteral("x.json"));
        QVERIFY2(r.imported, qPrintable(r.errors.join(QLatin1Char('\n'))));
        QCOMPARE(r.updated, 1);
        QCOMPARE(rows(*t.db, QStringLiteral("patients")), 1);
        QCOMPARE(PatientRepository(*t.db).get(local.meta.id)->familyName, QStringLiteral("Fremd"));

        // Our own MRN system always counts (our exports carry it).
        const QJsonObject ours =
            withSystem(patientResource(QStringLiteral("7e1a4e3f-7c8b-4e5d-8f40-1b2c3d4e5f02"),
                                       QStringLiteral("M-100"), QStringLiteral("Eigen")),
                       FhirMapping::mrnSystem());
        r = FhirImporter(*t.db).importBundle(bundleOf({ours}), QStringLiteral("y.json"));
        QVERIFY2(r.imported, qPrintable(r.errors.join(QLatin1Char('\n'))));
        QCOMPARE(rows(*t.db, QStringLiteral("patients")), 1);
        QCOMPARE(PatientRepository(*t.db).get(local.meta.id)->familyName, QStringLiteral("Eigen"));
    }

    void aResourceIdNeverOverwritesAnotherPatientsRecord()
    {
        test::TestDatabase t;
        QVERIFY(t.open());
        t.db->setClock(m_clock);
        QVERIFY(FhirImporter(*t.db)
                    .importFile(dataDir() + QStringLiteral("/synthea-anna-mueller.json"))
                    .imported);
        const QString strangerId = QStringLiteral("8f2b4e3f-7c8b-4e5d-8f40-1b2c3d4e5f01");
        const QJsonObject stranger =
            patientResource(strangerId, QStringLiteral("F-9"), QStringLiteral("Fremd"));

        // A Patient with the id of Anna's record but none of her identifiers.
        auto r = FhirImporter(*t.db).importBundle(
            bundleOf({patientResource(kAnna, QStringLiteral("F-8"), QStringLiteral("Fremd"))}),
            QStringLiteral("same-id.json"));
        QVERIFY(!r.imported);
        QString errors = r.errors.join(QLatin1Char('\n'));
        QVERIFY2(errors.contains(QStringLiteral("F-8")) &&
                     errors.contains(QStringLiteral("SYN-0001")),
                 qPrintable(errors));
        QCOMPARE(PatientRepository(*t.db).get(kAnna)->familyName, QStringLiteral("Müller"));

        // A Condition with the id of Anna's, for another patient.
        QJsonObject condition =
            resourceFrom(QStringLiteral("synthea-anna-mueller.json"), QStringLiteral("Condition"));
        QVERIFY(!condition.isEmpty());
        const QString conditionId = condition[QStringLiteral("id")].toString();
        condition.insert(QStringLiteral("subject"),
                         reference(QStringLiteral("urn:uuid:") + strangerId));
        condition.remove(QStringLiteral("encounter"));
        r = FhirImporter(*t.db).importBundle(bundleOf({stranger, condition}),
                                             QStringLiteral("condition.json"));
        QVERIFY(!r.imported);
        errors = r.errors.join(QLatin1Char('\n'));
        QVERIFY2(errors.contains(QStringLiteral("F-9")) &&
                     errors.contains(QStringLiteral("SYN-0001")),
                 qPrintable(errors));
        QCOMPARE(t.db->scalar(QStringLiteral("SELECT patient_id FROM conditions WHERE id = ?"),
                              {conditionId})
                     ->toString(),
                 kAnna);
        QCOMPARE(rows(*t.db, QStringLiteral("patients")), 1);
    }

    void aNoteJoinsOnlyAnEncounterOfItsOwnPatient()
    {
        test::TestDatabase t;
        QVERIFY(t.open());
        t.db->setClock(m_clock);
        QVERIFY(FhirImporter(*t.db)
                    .importFile(dataDir() + QStringLiteral("/synthea-anna-mueller.json"))
                    .imported);
        const QJsonObject annasEncounter =
            resourceFrom(QStringLiteral("synthea-anna-mueller.json"), QStringLiteral("Encounter"));
        const QString encounterId = annasEncounter[QStringLiteral("id")].toString();
        const QString notesBefore = EncounterRepository(*t.db).get(encounterId)->notes;
        const QString strangerId = QStringLiteral("9a3c4e3f-7c8b-4e5d-8f40-1b2c3d4e5f01");
        QJsonObject note = resourceFrom(QStringLiteral("synthea-anna-mueller.json"),
                                        QStringLiteral("DocumentReference"));
        note.insert(QStringLiteral("id"), QStringLiteral("9a3c4e3f-7c8b-4e5d-8f40-1b2c3d4e5f09"));
        note.insert(QStringLiteral("subject"), reference(QStringLiteral("urn:uuid:") + strangerId));
        note.insert(QStringLiteral("content"),
                    QJsonArray{QJsonObject{
                        {QStringLiteral("attachment"),
                         QJsonObject{{QStringLiteral("data"),
                                      QString::fromLatin1(QByteArray("Planted.").toBase64())}}}}});
        note.insert(
            QStringLiteral("context"),
            QJsonObject{{QStringLiteral("encounter"),
                         QJsonArray{reference(QStringLiteral("Encounter/") + encounterId)}}});
        const auto r = FhirImporter(*t.db).importBundle(
            bundleOf({patientResource(strangerId, QStringLiteral("F-7"), QStringLiteral("Fremd")),
                      note}),
            QStringLiteral("note.json"));
        QVERIFY(!r.imported);
        const QString errors = r.errors.join(QLatin1Char('\n'));
        QVERIFY2(errors.contains(QStringLiteral("F-7")) &&
                     errors.contains(QStringLiteral("SYN-0001")),
                 qPrintable(errors));
        QCOMPARE(EncounterRepository(*t.db).get(encounterId)->notes, notesBefore);
        QVERIFY(!notesBefore.contains(QStringLiteral("Planted")));
    }

    void aFileOverTheSizeLimitIsRefusedUnread()
    {
        test::TestDatabase t;
        QVERIFY(t.open());
        t.db->setClock(m_clock);
        const QString path = dataDir() + QStringLiteral("/synthea-anna-mueller.json");
        FhirImportOptions options;
        options.maxBytes = QFileInfo(path).size() - 1;
        const auto r = FhirImporter(*t.db, options).importFile(path);
        QVERIFY(!r.imported);
        QCOMPARE(r.errors.size(), 1);
        QVERIFY2(r.errors.first().contains(QStringLiteral("MiB")) &&
                     r.errors.first().contains(QStringLiteral("--max-size")),
                 qPrintable(r.errors.first()));
        QCOMPARE(rows(*t.db, QStringLiteral("patients")), 0);
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(!FhirImporter(*t.db, options).importBundle(f.readAll(), path).imported);
        // At the limit it is read.
        options.maxBytes = QFileInfo(path).size();
        QVERIFY(FhirImporter(*t.db, options).importFile(path).imported);
        QCOMPARE(FhirImportOptions().maxBytes, qint64(256) * 1024 * 1024);
    }
    void mapsAPatientStrictly()
    {
        const QJsonObject good{
            {QStringLiteral("resourceType"), QStringLiteral("Patient")},
            {QStringLiteral("identifier"),
             QJsonArray{QJsonObject{{QStringLiteral("system"), QStringLiteral("x")},
                                    {QStringLiteral("value"), QStringLiteral("M-1")}}}},
            {QStringLiteral("name"),
             QJsonArray{
                 QJsonObject{{QStringLiteral("family"), QStringLiteral("Kaya")},
                             {QStringLiteral("given"), QJsonArray{QStringLiteral("Elif")}}}}},
            {QStringLiteral("birthDate"), QStringLiteral("1990-02-28")},
            {QStringLiteral("gender"), QStringLiteral("female")}};
        auto p = FhirMapping::patientFromFhir(good);
        QVERIFY2(p.ok(), qPrintable(p.error()));
        QCOMPARE(p->mrn, QStringLiteral("M-1"));
        QCOMPARE(p->familyName, QStringLiteral("Kaya"));
        QCOMPARE(p->birthDate, QDate(1990, 2, 28));

        QJsonObject badDate = good;
        badDate.insert(QStringLiteral("birthDate"), QStringLiteral("1990-02-30"));
        auto r1 = FhirMapping::patientFromFhir(badDate);
        QVERIFY(!r1.ok());
        QVERIFY2(r1.error().contains(QLatin1String("birthDate")), qPrintable(r1.error()));

        QJsonObject badGender = good;
        badGender.insert(QStringLiteral("gender"), QStringLiteral("f"));
        QVERIFY(!FhirMapping::patientFromFhir(badGender).ok());

        QJsonObject noName = good;
        noName.remove(QStringLiteral("name"));
        QVERIFY(!FhirMapping::patientFromFhir(noName).ok());
    }

    void importsSyntheaBundles()
    {
        test::TestDatabase t;
        QVERIFY(t.open());
        t.db->setClock(m_clock);
        auto reports = FhirImporter(*t.db).importPath(dataDir());
        QVERIFY2(reports.ok(), qPrintable(reports.error()));
        QCOMPARE(reports->size(), 3);
        for (const auto &r : *reports)
            QVERIFY2(r.imported, qPrintable(r.errors.join(QLatin1Char('\n'))));
        // Not kept locally is reported, not silently dropped.
        // Files are read in name order: frontdesk-lena-hoffmann.json, then Anna's, then Jonas's.
        QCOMPARE(reports->at(1).notKept.value(QStringLiteral("Claim")), 1);
        QCOMPARE(reports->at(1).notKept.value(QStringLiteral("Practitioner")), 1);

        // Anna, Jonas, Lena and the record merged into Lena's.
        QCOMPARE(rows(*t.db, QStringLiteral("patients")), 4);
        QCOMPARE(rows(*t.db, QStringLiteral("encounters")), 3);
        QCOMPARE(rows(*t.db, QStringLiteral("conditions")), 3);
        QCOMPARE(rows(*t.db, QStringLiteral("allergies")), 1);
        // One of Jonas's is named through a Medication entry (medicationReference).
        QCOMPARE(rows(*t.db, QStringLiteral("medications")), 3);
        QCOMPARE(t.db->scalar(QStringLiteral("SELECT display FROM medications WHERE code = "
                                             "'1719286'"))
                     ->toString(),
                 QStringLiteral("10 ML Furosemide 10 MG/ML Injection"));
        QCOMPARE(rows(*t.db, QStringLiteral("observations")), 4);
        QCOMPARE(rows(*t.db, QStringLiteral("immunizations")), 1);
        QCOMPARE(rows(*t.db, QStringLiteral("coverages")), 1);

        auto anna = PatientRepository(*t.db).get(kAnna);
        QVERIFY(anna.ok());
        QCOMPARE(anna->mrn, QStringLiteral("SYN-0001"));
        QCOMPARE(anna->givenName, QStringLiteral("Anna Maria"));
        QCOMPARE(anna->phoneMobile, QStringLiteral("+49 170 1234567"));
        QCOMPARE(anna->emergencyContactName, QStringLiteral("Peter Müller"));
        const auto pass = testing::clinicalPass(*t.db, kAnna);
        QVERIFY(pass);
        auto allergies = AllergyRepository(*t.db).forPatient(*pass);
        QVERIFY(allergies.ok());
        QCOMPARE(allergies->first().code.display, QStringLiteral("Penicillin G"));
        QCOMPARE(allergies->first().criticality, QStringLiteral("high"));
        auto observations = ObservationRepository(*t.db).forPatient(*pass);
        QVERIFY(observations.ok());
        bool sawWeight = false;
        bool sawPressure = false;
        for (const Observation &o : *observations) {
            if (o.code.code == QLatin1String("29463-7")) {
                sawWeight = o.valueNumber && qFuzzyCompare(*o.valueNumber, 68.4) &&
                            o.unit == QLatin1String("kg") &&
                            o.effective == QDateTime(QDate(2025, 1, 15), QTime(13, 5), Qt::UTC);
            }
            if (o.code.code == QLatin1String("85354-9"))
                sawPressure = o.valueText == QLatin1String("138/84 mm[Hg]");
        }
        QVERIFY(sawWeight);
        QVERIFY(sawPressure);
        // The DocumentReference note is attached to its encounter.
        auto encounters = EncounterRepository(*t.db).forPatient(*pass);
        QVERIFY(encounters.ok());
        QVERIFY(std::any_of(encounters->begin(), encounters->end(), [](const Encounter &e) {
            return e.notes.contains(QLatin1String("hay fever"));
        }));
        // Imported rows go through the write path: outbox and audit.
        QVERIFY(rows(*t.db, QStringLiteral("outbox")) >= 18);
    }

    void reimportCreatesNoDuplicatesAndNoChanges()
    {
        test::TestDatabase t;
        QVERIFY(t.open());
        t.db->setClock(m_clock);
        FhirImporter importer(*t.db);
        QVERIFY(importer.importPath(dataDir()).ok());
        const QStringList tables{QStringLiteral("patients"),
                                 QStringLiteral("encounters"),
                                 QStringLiteral("conditions"),
                                 QStringLiteral("observations"),
                                 QStringLiteral("medications"),
                                 QStringLiteral("consents"),
                                 QStringLiteral("consent_documents"),
                                 QStringLiteral("communication_preferences"),
                                 QStringLiteral("patient_alerts"),
                                 QStringLiteral("patient_links"),
                                 QStringLiteral("outbox"),
                                 QStringLiteral("audit_log")};
        QList<qint64> before;
        for (const QString &table : tables)
            before << rows(*t.db, table);
        auto again = importer.importPath(dataDir());
        QVERIFY(again.ok());
        for (const auto &r : *again) {
            QVERIFY(r.imported);
            QCOMPARE(r.created, 0);
            QCOMPARE(r.updated, 0);
        }
        QCOMPARE(again->at(0).file, dataDir() + QStringLiteral("/frontdesk-lena-hoffmann.json"));
        QCOMPARE(again->at(0).unchanged, 9);
        // Only the import of each file itself is audited the second time.
        before.last() += again->size();
        for (int i = 0; i < tables.size(); ++i)
            QCOMPARE(rows(*t.db, tables.at(i)), before.at(i));
    }

    void malformedFilesNameFileAndEntryAndImportNothing()
    {
        test::TestDatabase t;
        QVERIFY(t.open());
        t.db->setClock(m_clock);
        auto reports = FhirImporter(*t.db).importPath(dataDir() + QStringLiteral("/malformed"));
        QVERIFY(reports.ok());
        QCOMPARE(reports->size(), 3);
        const auto &broken = reports->at(0);
        QVERIFY(!broken.imported);
        QCOMPARE(broken.errors.size(), 4);
        for (const QString &e : broken.errors)
            QVERIFY2(e.contains(QLatin1String("broken-entries.json: entry ")), qPrintable(e));
        QVERIFY(broken.errors.at(0).contains(QLatin1String("entry 1 (urn:uuid:00000000-bad0")));
        QVERIFY(broken.errors.at(1).contains(QLatin1String("no code")));
        QVERIFY(broken.errors.at(2).contains(QLatin1String("2025-13-45")));
        QVERIFY(broken.errors.at(3).contains(QLatin1String("neither in this bundle")));
        const auto &consents = reports->at(1);
        QVERIFY(!consents.imported);
        QCOMPARE(consents.errors.size(), 6);
        const QStringList expected{
            QStringLiteral("entry 1 (urn:uuid:c3000001-0000-4000-8000-000000000001): Consent: "
                           "status \"maybe\" is neither active (given) nor inactive (withdrawn)."),
            QStringLiteral("entry 2 (urn:uuid:c3000001-0000-4000-8000-000000000002): Consent: "
                           "sourceAttachment.hash does not match its data"),
            QStringLiteral("entry 3 (urn:uuid:c3000001-0000-4000-8000-000000000003): Consent: "
                           "extension(urn:frontdesk:communication-preference).channel must be one "
                           "of sms, email, phone, letter, not \"pigeon\"."),
            QStringLiteral("entry 4 (urn:uuid:f3000001-0000-4000-8000-000000000001): Flag: the "
                           "Flag has no code.text"),
            QStringLiteral("entry 5 (urn:uuid:5c8f3d2e-6b7a-4d4c-9e3f-0a1b2c3d4e82): Patient: "
                           "link[0].type \"merged\" is not replaced-by, replaces, refer or "
                           "seealso."),
            QStringLiteral("entry 6 (urn:uuid:5c8f3d2e-6b7a-4d4c-9e3f-0a1b2c3d4e83): Patient "
                           "link[0] (replaced-by) refers to the patient "
                           "\"Patient/00000000-0000-4000-8000-00000000dead\", which is neither in "
                           "this bundle nor in the database.")};
        for (int i = 0; i < expected.size(); ++i) {
            QVERIFY2(consents.errors.at(i).startsWith(dataDir() +
                                                      QStringLiteral("/malformed/consents-flags-"
                                                                     "broken.json: ")),
                     qPrintable(consents.errors.at(i)));
            QVERIFY2(consents.errors.at(i).contains(expected.at(i)),
                     qPrintable(consents.errors.at(i)));
        }
        const auto &truncated = reports->at(2);
        QVERIFY(!truncated.imported);
        QVERIFY(truncated.errors.first().contains(QLatin1String("not valid JSON")));
        // The good Patient in the broken file was not kept either: all or nothing per file.
        QCOMPARE(rows(*t.db, QStringLiteral("patients")), 0);
        QCOMPARE(rows(*t.db, QStringLiteral("outbox")), 0);
    }

    void exportImportRoundTrip()
    {
        test::TestDatabase a;
        QVERIFY(a.open());
        a.db->setClock(m_clock);
        QVERIFY(FhirImporter(*a.db).importPath(dataDir()).ok());
        auto exported = testing::exportThroughGate(*a.db, kAnna);
        QVERIFY2(exported.ok(), qPrintable(exported.error()));
        QCOMPARE(exported->value(QStringLiteral("entry")).toArray().size(), 13);

        test::TestDatabase b;
        QVERIFY(b.open());
        b.db->setClock(m_clock);
        const auto report = FhirImporter(*b.db).importBundle(QJsonDocument(*exported).toJson(),
                                                             QStringLiteral("export.json"));
        QVERIFY2(report.imported, qPrintable(report.errors.join(QLatin1Char('\n'))));
        auto again = testing::exportThroughGate(*b.db, kAnna);
        QVERIFY(again.ok());
        QCOMPARE(withoutTimestamp(*again), withoutTimestamp(*exported));

        // Our own export imported back into the source database changes nothing.
        const auto same = FhirImporter(*a.db).importBundle(QJsonDocument(*exported).toJson(),
                                                           QStringLiteral("export.json"));
        QVERIFY(same.imported);
        QCOMPARE(same.created, 0);
        QCOMPARE(same.updated, 0);
    }

    void consentsPreferencesAlertsAndLinksImport()
    {
        test::TestDatabase t;
        QVERIFY(t.open());
        t.db->setClock(m_clock);
        const auto report = FhirImporter(*t.db).importFile(
            dataDir() + QStringLiteral("/frontdesk-lena-hoffmann.json"));
        QVERIFY2(report.imported, qPrintable(report.errors.join(QLatin1Char('\n'))));
        QCOMPARE(report.created, 9);
        QCOMPARE(report.kept.value(QStringLiteral("Consent")), 3);
        QCOMPARE(report.kept.value(QStringLiteral("Consent (communication preference)")), 2);
        QCOMPARE(report.kept.value(QStringLiteral("Flag")), 2);

        // The withdrawal is a dated state of its own; the given consent stays in the history.
        ConsentRepository consentRepository(*t.db);
        auto consents = consentRepository.forPatient(kLena);
        QVERIFY(consents.ok());
        QCOMPARE(consents->size(), 3);
        const Consent &withdrawn = consents->at(0);
        QCOMPARE(withdrawn.type, QStringLiteral("data-sharing"));
        QCOMPARE(withdrawn.status, QStringLiteral("withdrawn"));
        QCOMPARE(withdrawn.decidedAt, QDateTime(QDate(2026, 2, 1), QTime(14, 0, 0, 250), Qt::UTC));
        QCOMPARE(withdrawn.note, QStringLiteral("Withdrawn by phone"));
        const Consent &given = consents->at(1);
        QCOMPARE(given.status, QStringLiteral("given"));
        QCOMPARE(given.recordedBy, QStringLiteral("Empfang Schulz"));
        QCOMPARE(given.documentName, QStringLiteral("einwilligung-datenweitergabe.pdf"));
        auto document = consentRepository.document(given.meta.id);
        QVERIFY(document.ok());
        QVERIFY(document->startsWith("%PDF-1.4"));
        QCOMPARE(t.db->scalar(QStringLiteral("SELECT document_sha256 FROM consents WHERE id = ?"),
                              {given.meta.id})
                     ->toString(),
                 QString::fromLatin1(
                     QCryptographicHash::hash(*document, QCryptographicHash::Sha256).toHex()));

        auto preferences = CommunicationPreferenceRepository(*t.db).forPatient(kLena);
        QVERIFY(preferences.ok());
        QCOMPARE(preferences->size(), 2);
        for (const CommunicationPreference &p : *preferences) {
            if (p.purpose == QLatin1String("reminder")) {
                QCOMPARE(p.channel, QStringLiteral("sms"));
                QVERIFY(!p.optedOut);
                QCOMPARE(p.quietStartMinute, 22 * 60);
                QCOMPARE(p.quietEndMinute, 7 * 60);
            } else {
                QCOMPARE(p.purpose, QStringLiteral("marketing"));
                QCOMPARE(p.channel, QStringLiteral("email"));
                QVERIFY(p.optedOut);
            }
        }

        auto alerts = PatientAlertRepository(*t.db).forPatient(kLena);
        QVERIFY(alerts.ok());
        QCOMPARE(alerts->size(), 2);
        QCOMPARE(alerts->at(0).severity, QStringLiteral("high"));
        QVERIFY(!alerts->at(0).active);
        QCOMPARE(alerts->at(1).severity, QStringLiteral("warning"));
        QVERIFY(alerts->at(1).active);
        QCOMPARE(alerts->at(1).text, QStringLiteral("Hard of hearing: face her and speak clearly"));

        // The merged record stays, as a link to Lena's, exactly as a merge leaves it.
        auto old = PatientRepository(*t.db).get(kLenaOld);
        QVERIFY(old.ok());
        QCOMPARE(old->mergedInto, kLena);
        QVERIFY(PatientRepository(*t.db).get(kLena)->mergedInto.isEmpty());
        QCOMPARE(t.db->scalar(QStringLiteral("SELECT count(*) FROM patient_links WHERE "
                                             "source_id = ? AND target_id = ? AND kind = "
                                             "'replaced-by' AND deleted = 0"),
                              {kLenaOld, kLena})
                     ->toInt(),
                 1);
        QCOMPARE(rows(*t.db, QStringLiteral("patient_links")), 1);
    }

    void aFlagWhosePeriodEndedIsInactive()
    {
        QJsonObject flag{{QStringLiteral("resourceType"), QStringLiteral("Flag")},
                         {QStringLiteral("status"), QStringLiteral("active")},
                         {QStringLiteral("code"),
                          QJsonObject{{QStringLiteral("text"), QStringLiteral("Fall risk")}}},
                         {QStringLiteral("period"),
                          QJsonObject{{QStringLiteral("end"), QStringLiteral("2026-03-01")}}}};
        const QDateTime now(QDate(2026, 3, 4), QTime(9, 0), Qt::UTC);
        auto ended = FhirMapping::alertFromFhir(flag, now);
        QVERIFY2(ended.ok(), qPrintable(ended.error()));
        QVERIFY(!ended->active);
        QCOMPARE(ended->severity, QStringLiteral("info"));
        flag.insert(QStringLiteral("period"),
                    QJsonObject{{QStringLiteral("end"), QStringLiteral("2026-12-31")}});
        QVERIFY(FhirMapping::alertFromFhir(flag, now)->active);
        flag.insert(QStringLiteral("period"),
                    QJsonObject{{QStringLiteral("end"), QStringLiteral("someday")}});
        auto bad = FhirMapping::alertFromFhir(flag, now);
        QVERIFY(!bad.ok());
        QVERIFY2(bad.error().contains(QLatin1String("period.end")), qPrintable(bad.error()));
    }

    void patientLinksResolveInTheDatabaseAndImportOnce()
    {
        test::TestDatabase t;
        QVERIFY(t.open());
        t.db->setClock(m_clock);
        FhirImporter importer(*t.db);
        const QString a = QStringLiteral("6d0a4e3f-7c8b-4e5d-8f40-1b2c3d4e5f01");
        const QString b = QStringLiteral("6d0a4e3f-7c8b-4e5d-8f40-1b2c3d4e5f02");
        const QString c = QStringLiteral("6d0a4e3f-7c8b-4e5d-8f40-1b2c3d4e5f03");
        QVERIFY(importer
                    .importBundle(bundleOf({patientResource(a, QStringLiteral("L-1"),
                                                            QStringLiteral("Albrecht"))}),
                                  QStringLiteral("a.json"))
                    .imported);
        // b was merged into a, which is only in the database; b also points at c (seealso).
        const QByteArray second = bundleOf(
            {patientResource(b, QStringLiteral("L-2"), QStringLiteral("Albrecht"),
                             {link(QStringLiteral("replaced-by"), QStringLiteral("Patient/") + a),
                              link(QStringLiteral("seealso"), QStringLiteral("urn:uuid:") + c)}),
             patientResource(c, QStringLiteral("L-3"), QStringLiteral("Brandt"),
                             {link(QStringLiteral("seealso"), QStringLiteral("Patient/") + b)})});
        for (int round = 0; round < 2; ++round) {
            const auto r = importer.importBundle(second, QStringLiteral("b.json"));
            QVERIFY2(r.imported, qPrintable(r.errors.join(QLatin1Char('\n'))));
            QCOMPARE(r.created, round == 0 ? 2 : 0);
            QCOMPARE(r.updated, 0);
            QCOMPARE(PatientRepository(*t.db).get(b)->mergedInto, a);
            // One row per link: seealso both ways is one link.
            QCOMPARE(rows(*t.db, QStringLiteral("patient_links")), 2);
            QCOMPARE(t.db->scalar(QStringLiteral("SELECT count(*) FROM patient_links WHERE "
                                                 "kind = 'seealso'"))
                         ->toInt(),
                     1);
        }
        // The export says the same from each end.
        auto exported = testing::exportThroughGate(*t.db, a);
        QVERIFY(exported.ok());
        const QJsonArray entries = exported->value(QStringLiteral("entry")).toArray();
        const QJsonArray links =
            entries.first()[QStringLiteral("resource")][QStringLiteral("link")].toArray();
        QCOMPARE(links.size(), 1);
        QCOMPARE(links.first()[QStringLiteral("type")].toString(), QStringLiteral("replaces"));
        // The merged record, and the record it points at in turn, come along.
        QStringList ids;
        for (const QJsonValue e : entries)
            if (e[QStringLiteral("resource")][QStringLiteral("resourceType")].toString() ==
                QLatin1String("Patient"))
                ids << e[QStringLiteral("resource")][QStringLiteral("id")].toString();
        QCOMPARE(ids, (QStringList{a, b, c}));
    }

    void aMergeMadeHereTravelsAsALink()
    {
        test::TestDatabase a;
        QVERIFY(a.open());
        a.db->setClock(m_clock);
        QVERIFY(FhirImporter(*a.db).importPath(dataDir()).ok());
        Patient twin;
        twin.mrn = QStringLiteral("TWIN-7");
        twin.familyName = QStringLiteral("Müller");
        twin.givenName = QStringLiteral("Anna");
        QVERIFY(PatientRepository(*a.db).save(twin).ok());
        auto merged = PatientMerge(*a.db).merge({kAnna, twin.meta.id, {}});
        QVERIFY2(merged.ok(), qPrintable(merged.error()));
        auto exported = testing::exportThroughGate(*a.db, kAnna);
        QVERIFY(exported.ok());

        test::TestDatabase b;
        QVERIFY(b.open());
        b.db->setClock(m_clock);
        const auto report = FhirImporter(*b.db).importBundle(QJsonDocument(*exported).toJson(),
                                                             QStringLiteral("export.json"));
        QVERIFY2(report.imported, qPrintable(report.errors.join(QLatin1Char('\n'))));
        QCOMPARE(PatientRepository(*b.db).get(twin.meta.id)->mergedInto, kAnna);
        QCOMPARE(b.db->scalar(QStringLiteral("SELECT count(*) FROM patient_links WHERE source_id "
                                             "= ? AND target_id = ? AND kind = 'replaced-by'"),
                              {twin.meta.id, kAnna})
                     ->toInt(),
                 1);
        auto again = testing::exportThroughGate(*b.db, kAnna);
        QVERIFY(again.ok());
        QCOMPARE(withoutTimestamp(*again), withoutTimestamp(*exported));
    }

    void roundTripKeepsConsentsPreferencesAlertsAndLinks()
    {
        test::TestDatabase a;
        QVERIFY(a.open());
        a.db->setClock(m_clock);
        QVERIFY(FhirImporter(*a.db).importPath(dataDir()).ok());
        auto exported = testing::exportThroughGate(*a.db, kLena);
        QVERIFY2(exported.ok(), qPrintable(exported.error()));
        QMap<QString, int> types;
        for (const QJsonValue e : exported->value(QStringLiteral("entry")).toArray())
            types[e[QStringLiteral("resource")][QStringLiteral("resourceType")].toString()] += 1;
        QCOMPARE(types.value(QStringLiteral("Patient")), 2);
        QCOMPARE(types.value(QStringLiteral("Consent")), 5);
        QCOMPARE(types.value(QStringLiteral("Flag")), 2);

        test::TestDatabase b;
        QVERIFY(b.open());
        b.db->setClock(m_clock);
        const auto report = FhirImporter(*b.db).importBundle(QJsonDocument(*exported).toJson(),
                                                             QStringLiteral("export.json"));
        QVERIFY2(report.imported, qPrintable(report.errors.join(QLatin1Char('\n'))));
        QCOMPARE(report.created, 9);
        auto again = testing::exportThroughGate(*b.db, kLena);
        QVERIFY(again.ok());
        QCOMPARE(withoutTimestamp(*again), withoutTimestamp(*exported));
        QCOMPARE(PatientRepository(*b.db).get(kLenaOld)->mergedInto, kLena);

        const auto same = FhirImporter(*a.db).importBundle(QJsonDocument(*exported).toJson(),
                                                           QStringLiteral("export.json"));
        QVERIFY2(same.imported, qPrintable(same.errors.join(QLatin1Char('\n'))));
        QCOMPARE(same.created, 0);
        QCOMPARE(same.updated, 0);
        QCOMPARE(same.unchanged, 9);
    }
};

QTEST_GUILESS_MAIN(TestFhirImport)
#include "tst_fhirimport.moc"
