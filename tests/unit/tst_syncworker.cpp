#include "TestDatabase.h"

#include "SyncWorker.h"
#include "access/AccessGuard.h"
#include "access/Permissions.h"
#include "access/Session.h"
#include "access/StaffAccountRepository.h"
#include "storage/PatientRepository.h"

#include <QSignalSpy>
#include <QTest>
#include <QThread>

using namespace frontdesk;

class TestSyncWorker : public QObject
{
    Q_OBJECT

    static Patient patient(const QString &mrn)
    {
        Patient p;
        p.mrn = mrn;
        p.familyName = QStringLiteral("Curie");
        p.givenName = QStringLiteral("Marie");
        return p;
    }

private slots:
    void reportsFromItsOwnThreadAndConnection()
    {
        test::TestDatabase t;
        QVERIFY(t.open());
        PatientRepository patients(*t.db);
        Patient a = patient(QStringLiteral("A1"));
        QVERIFY(patients.save(a).ok());
        QVERIFY(
            t.db->query(QStringLiteral("UPDATE patients SET sync_state = 'conflict' WHERE id = ?"),
                        {a.meta.id})
                .ok());

        QThread *workerThread = nullptr;
        QString workerConnection;
        SyncThread sync(
            [&] {
                workerThread = QThread::currentThread();
                auto db = t.db->openAnotherConnection();
                if (db)
                    workerConnection = (*db)->connection().connectionName();
                return db;
            },
            60000);
        QSignalSpy spy(sync.worker(), &SyncWorker::stateChanged);
        sync.start();
        // The spy records the worker's emission as it happens, maybe before a wait() would start.
        QTRY_VERIFY_WITH_TIMEOUT(spy.count() >= 1, 10000);
        QVERIFY(workerThread && workerThread != QThread::currentThread());
        QVERIFY(!workerConnection.isEmpty() &&
                workerConnection != t.db->connection().connectionName());
        auto state = spy.takeFirst().at(0).value<SyncReport>();
        QVERIFY2(state.problem.isEmpty(), qPrintable(state.problem));
        QVERIFY(!state.serverConfigured);
        QVERIFY(!state.lastSyncAt.isValid());
        QCOMPARE(state.waiting, 1);
        QCOMPARE(state.conflicts, 1);
        QCOMPARE(state.rejected, 0);
        QVERIFY(!state.online);
        QVERIFY(!state.offlineSince.isValid());
        // Every syncable table is watched, including those later migrations added.
        auto tables = SyncWorker::syncedTables(*t.db);
        QVERIFY(tables.ok());
        for (const char *name :
             {"patients", "appointments", "messages", "patient_photos", "consents"})
            QVERIFY2(tables->contains(QLatin1String(name)), name);
        QVERIFY(!tables->contains(QStringLiteral("outbox")));
        QVERIFY(!tables->contains(QStringLiteral("audit_log")));

        // A change made on the UI's connection is seen by the worker's.
        Patient b = patient(QStringLiteral("B2"));
        QVERIFY(patients.save(b).ok());
        QVERIFY(
            t.db->query(QStringLiteral("UPDATE patients SET sync_state = 'rejected' WHERE id = ?"),
                        {b.meta.id})
                .ok());
        // Without a way to the server, Sync now recounts.
        QMetaObject::invokeMethod(sync.worker(), &SyncWorker::syncNow, Qt::QueuedConnection);
        QTRY_VERIFY_WITH_TIMEOUT(spy.count() >= 1, 10000);
        state = spy.takeFirst().at(0).value<SyncReport>();
        QCOMPARE(state.waiting, 2);
        QCOMPARE(state.conflicts, 1);
        QCOMPARE(state.rejected, 1);

        // A patient of the server's that could not be written here waits in Conflicts too.
        QVERIFY(t.db->query(QStringLiteral("INSERT INTO sync_records (resource_type, resource_id, "
                                           "problem, theirs, theirs_version, updated_at) VALUES "
                                           "('Patient', 'not-here', 'MRN taken', '{}', 3, 0)"))
                    .ok());
        QMetaObject::invokeMethod(sync.worker(), &SyncWorker::syncNow, Qt::QueuedConnection);
        QTRY_VERIFY_WITH_TIMEOUT(spy.count() >= 1, 10000);
        state = spy.takeFirst().at(0).value<SyncReport>();
        QCOMPARE(state.conflicts, 2);
    }

    // The app's sync connection carries the person signed in on the app's: a receptionist's
    // sync connection is refused clinical reads, and every read once she signs out.
    void connectionCarriesThePersonItServes()
    {
        test::TestDatabase t;
        QVERIFY(t.open());
        QVERIFY(StaffAccountRepository(*t.db)
                    .create(QStringLiteral("rita"), Role::Receptionist,
                            QStringLiteral("tidal marble orchard 7"))
                    .ok());
        Session session(*t.db);
        QVERIFY(
            session.signIn(QStringLiteral("rita"), QStringLiteral("tidal marble orchard 7")).ok());
        auto opened = SyncWorker::connectionServing(*t.db)();
        QVERIFY2(opened, qPrintable(opened ? QString() : opened.error()));
        Database &sync = **opened;
        QCOMPARE(sync.serves(), t.db.get());
        QCOMPARE(Session::of(sync), &session);
        QVERIFY(AccessGuard(sync).requireRead(QStringLiteral("Patient")).ok());
        const Status clinical = AccessGuard(sync).requireRead(QStringLiteral("Condition"));
        QVERIFY(!clinical.ok());
        QVERIFY2(clinical.error().contains(Permissions::describe(Permission::ViewClinical)),
                 qPrintable(clinical.error()));
        QVERIFY(session.signOut().ok());
        QVERIFY(!AccessGuard(sync).requireRead(QStringLiteral("Patient")).ok());
    }

    void reportsWhenItCannotOpenTheDatabase()
    {
        SyncThread sync(
            [] { return Result<std::unique_ptr<Database>>(fail(QStringLiteral("no key"))); },
            60000);
        QSignalSpy spy(sync.worker(), &SyncWorker::stateChanged);
        sync.start();
        QTRY_VERIFY_WITH_TIMEOUT(spy.count() >= 1, 10000);
        const auto state = spy.takeFirst().at(0).value<SyncReport>();
        QVERIFY(state.problem.contains(QStringLiteral("no key")));
    }
};

QTEST_GUILESS_MAIN(TestSyncWorker)
#include "tst_syncworker.moc"
