// FHIR R4 import and export: Synthea-shaped bundles in, the same record out, strict errors,
// idempotent re-imports.

#include "TestDatabase.h"

#include "fhir/FhirExporter.h"
#include "fhir/FhirImporter.h"
#include "fhir/FhirMapping.h"
#include "storage/AllergyRepository.h"
#include "storage/EncounterRepository.h"
#include "storage/ObservationRepository.h"
#include "storage/Outbox.h"
#include "storage/PatientRepository.h"

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

} // namespace

class TestFhirImport : public QObject
{
    Q_OBJECT

private:
    TestClock m_clock{QDateTime(QDate(2026, 3, 4), QTime(9, 0), Qt::UTC)};

private slots:
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
        QCOMPARE(reports->size(), 2);
        for (const auto &r : *reports)
            QVERIFY2(r.imported, qPrintable(r.errors.join(QLatin1Char('\n'))));
        // Not kept locally is reported, not silently dropped.
        QCOMPARE(reports->first().notKept.value(QStringLiteral("Claim")), 1);
        QCOMPARE(reports->first().notKept.value(QStringLiteral("Practitioner")), 1);

        QCOMPARE(rows(*t.db, QStringLiteral("patients")), 2);
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
        auto allergies = AllergyRepository(*t.db).forPatient(kAnna);
        QVERIFY(allergies.ok());
        QCOMPARE(allergies->first().code.display, QStringLiteral("Penicillin G"));
        QCOMPARE(allergies->first().criticality, QStringLiteral("high"));
        auto observations = ObservationRepository(*t.db).forPatient(kAnna);
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
        auto encounters = EncounterRepository(*t.db).forPatient(kAnna);
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
        const QStringList tables{QStringLiteral("patients"),    QStringLiteral("encounters"),
                                 QStringLiteral("conditions"),  QStringLiteral("observations"),
                                 QStringLiteral("medications"), QStringLiteral("outbox")};
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
        QCOMPARE(reports->size(), 2);
        const auto &broken = reports->at(0);
        QVERIFY(!broken.imported);
        QCOMPARE(broken.errors.size(), 4);
        for (const QString &e : broken.errors)
            QVERIFY2(e.contains(QLatin1String("broken-entries.json: entry ")), qPrintable(e));
        QVERIFY(broken.errors.at(0).contains(QLatin1String("entry 1 (urn:uuid:00000000-bad0")));
        QVERIFY(broken.errors.at(1).contains(QLatin1String("no code")));
        QVERIFY(broken.errors.at(2).contains(QLatin1String("2025-13-45")));
        QVERIFY(broken.errors.at(3).contains(QLatin1String("neither in this bundle")));
        const auto &truncated = reports->at(1);
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
        auto exported = FhirExporter(*a.db).exportPatient(kAnna);
        QVERIFY2(exported.ok(), qPrintable(exported.error()));
        QCOMPARE(exported->value(QStringLiteral("entry")).toArray().size(), 13);

        test::TestDatabase b;
        QVERIFY(b.open());
        b.db->setClock(m_clock);
        const auto report = FhirImporter(*b.db).importBundle(QJsonDocument(*exported).toJson(),
                                                             QStringLiteral("export.json"));
        QVERIFY2(report.imported, qPrintable(report.errors.join(QLatin1Char('\n'))));
        auto again = FhirExporter(*b.db).exportPatient(kAnna);
        QVERIFY(again.ok());
        QCOMPARE(withoutTimestamp(*again), withoutTimestamp(*exported));

        // Our own export imported back into the source database changes nothing.
        const auto same = FhirImporter(*a.db).importBundle(QJsonDocument(*exported).toJson(),
                                                           QStringLiteral("export.json"));
        QVERIFY(same.imported);
        QCOMPARE(same.created, 0);
        QCOMPARE(same.updated, 0);
    }
};

QTEST_GUILESS_MAIN(TestFhirImport)
#include "tst_fhirimport.moc"
