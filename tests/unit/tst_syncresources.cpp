// SyncResources::queueDemoRecords: a demo clinic seeded before enrollment goes into the outbox
// in batches, each record once, each batch read from the table's partial index of demo
// records (migration 026) rather than by walking past every record queued before.
#include "TestDatabase.h"

#include "SyncResources.h"
#include "demo/DemoSeeder.h"
#include "fhir/FhirMapping.h"

#include <QSqlQuery>
#include <QTest>

#include <future>

using namespace frontdesk;

class TestSyncResources : public QObject
{
    Q_OBJECT

    qint64 count(Database &db, const QString &sql)
    {
        auto v = db.scalar(sql);
        return v ? v->toLongLong() : -1;
    }

private slots:
    // A pull maps each resource to its record on its reader thread (no database there) and
    // writes it on the sync worker's: the mapping's refusal and a type that does not sync wait
    // for the write, which says why and writes nothing.
    void aResourceIsMappedOffTheDatabasesThreadAndWrittenOnIt()
    {
        test::TestDatabase t;
        QVERIFY(t.open());
        Patient p;
        p.mrn = QStringLiteral("MRN-MAPPED");
        p.familyName = QStringLiteral("Weber");
        p.givenName = QStringLiteral("Lena");
        p.birthDate = QDate(1980, 5, 17);
        const QJsonObject good = FhirMapping::toFhir(p);
        QJsonObject refused = good;
        refused.insert(QStringLiteral("birthDate"), QStringLiteral("someday"));
        const auto mapOff = [](const QString &type, const QString &id, const QJsonObject &r) {
            return std::async(std::launch::async, [=] { return SyncResources::map(type, id, r); })
                .get();
        };

        const SyncResources::Mapped mapped =
            mapOff(QStringLiteral("Patient"), QStringLiteral("p-mapped"), good);
        QCOMPARE(mapped.table, QStringLiteral("patients"));
        QVERIFY2(mapped.problem.isEmpty(), qPrintable(mapped.problem));
        const Status written = SyncResources::apply(*t.db, mapped, 3);
        QVERIFY2(written.ok(), qPrintable(written.error()));
        QCOMPARE(count(*t.db, QStringLiteral("SELECT count(*) FROM patients WHERE id = 'p-mapped' "
                                             "AND family_name = 'Weber' AND server_version = '3' "
                                             "AND sync_state = 'synced'")),
                 1);

        const SyncResources::Mapped wrong =
            mapOff(QStringLiteral("Patient"), QStringLiteral("p-refused"), refused);
        QCOMPARE(wrong.table, QStringLiteral("patients"));
        QVERIFY(!wrong.problem.isEmpty());
        const Status notWritten = SyncResources::apply(*t.db, wrong, 1);
        QVERIFY(!notWritten.ok());
        QCOMPARE(notWritten.error(), wrong.problem);

        const SyncResources::Mapped unknown =
            mapOff(QStringLiteral("Questionnaire"), QStringLiteral("q-1"),
                   QJsonObject{{QStringLiteral("resourceType"), QStringLiteral("Questionnaire")}});
        QVERIFY(unknown.table.isEmpty());
        QVERIFY2(unknown.problem.contains(QLatin1String("do not sync")),
                 qPrintable(unknown.problem));
        QVERIFY(!SyncResources::apply(*t.db, unknown, 1).ok());
        QCOMPARE(count(*t.db, QStringLiteral("SELECT count(*) FROM patients")), 1);
    }

    // Every table the queue walks has its index, and SQLite reads a batch from it; a kind
    // added without one would make enrollment of a large demo clinic quadratic again.
    void everySyncedTableReadsItsDemoRecordsFromAnIndex()
    {
        test::TestDatabase t;
        QVERIFY(t.open());
        const QStringList tables = SyncResources::distinctTables();
        QVERIFY(tables.contains(QStringLiteral("appointments")));
        for (const QString &table : std::as_const(tables)) {
            auto plan = t.db->query(QStringLiteral("EXPLAIN QUERY PLAN SELECT id FROM %1 WHERE "
                                                   "sync_state = 'demo' ORDER BY id LIMIT 20000")
                                        .arg(table));
            QVERIFY2(plan.ok(), qPrintable(plan.error()));
            QString steps;
            while (plan->next())
                steps += plan->value(3).toString() + QLatin1Char(';');
            QVERIFY2(steps.contains(QStringLiteral(" INDEX %1_demo_queue").arg(table)),
                     qPrintable(table + QStringLiteral(": ") + steps));
        }
    }

    // Batch after batch, every demo record is queued once and marked pending; then nothing is
    // left to queue, and the indexes are empty.
    void aDemoClinicIsQueuedOnceInBatches()
    {
        test::TestDatabase t;
        QVERIFY(t.open());
        DemoSeeder::Options options;
        options.patients = 40;
        options.appointments = 300;
        options.today = QDate(2026, 12, 4);
        auto seeded = DemoSeeder(*t.db).seed(options);
        QVERIFY2(seeded.ok(), qPrintable(seeded.error()));
        const qint64 patients =
            count(*t.db, QStringLiteral("SELECT count(*) FROM patients WHERE sync_state = 'demo'"));
        const qint64 appointments = count(
            *t.db, QStringLiteral("SELECT count(*) FROM appointments WHERE sync_state = 'demo'"));
        QCOMPARE(patients, 40);
        QVERIFY(appointments > 0);

        qint64 total = 0;
        int batches = 0;
        for (;;) {
            auto queued = SyncResources::queueDemoRecords(*t.db, QStringLiteral("alice"), 37);
            QVERIFY2(queued.ok(), qPrintable(queued.error()));
            QVERIFY(*queued <= 37);
            if (*queued == 0)
                break;
            total += *queued;
            ++batches;
        }
        QVERIFY(batches > 10);
        QCOMPARE(count(*t.db, QStringLiteral("SELECT count(*) FROM outbox")), total);
        QCOMPARE(count(*t.db, QStringLiteral("SELECT count(*) FROM (SELECT DISTINCT "
                                             "resource_type, resource_id FROM outbox)")),
                 total);
        QCOMPARE(count(*t.db, QStringLiteral("SELECT count(*) FROM outbox WHERE resource_type = "
                                             "'Patient' AND resource_id IN (SELECT id FROM "
                                             "patients)")),
                 patients);
        QCOMPARE(count(*t.db, QStringLiteral("SELECT count(*) FROM outbox WHERE resource_type = "
                                             "'Appointment' AND resource_id IN (SELECT id FROM "
                                             "appointments)")),
                 appointments);
        for (const auto &[type, table] : SyncResources::tables()) {
            QCOMPARE(count(*t.db, QStringLiteral("SELECT count(*) FROM %1 WHERE sync_state = "
                                                 "'demo'")
                                      .arg(table)),
                     0);
        }
    }
};

QTEST_GUILESS_MAIN(TestSyncResources)
#include "tst_syncresources.moc"
