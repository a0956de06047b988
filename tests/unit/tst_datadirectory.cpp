#include "database/DatabaseKeys.h"
#include "database/MemorySecretStore.h"
#include "storage/DataDirectory.h"

#include <QDir>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace frontdesk;

// Notes whether the database was still there when its key was removed, and can pretend to
// remove while keeping the entry.
class WatchingStore final : public SecretStore
{
public:
    QString databasePath;
    bool databaseExistedAtRemoval = false;
    bool keepOnRemove = false;

    Result<std::optional<QByteArray>> read(const QString &account) override
    {
        return m_inner.read(account);
    }
    Status write(const QString &account, const QByteArray &secret) override
    {
        return m_inner.write(account, secret);
    }
    Status remove(const QString &account) override
    {
        if (!account.endsWith(QLatin1String("#pending")))
            databaseExistedAtRemoval = QFile::exists(databasePath);
        return keepOnRemove ? Status{} : m_inner.remove(account);
    }
    QString description() const override { return QStringLiteral("a watching store"); }

private:
    MemorySecretStore m_inner;
};

class TestDataDirectory : public QObject
{
    Q_OBJECT

    static Status putMarker(Database &db, const QString &value)
    {
        return db.setSetting(QStringLiteral("marker"), value);
    }

    // How many indexes the database lists as set aside (-1: it could not be read).
    static int deferredIndexes(const Database &db)
    {
        auto n = db.scalar(QStringLiteral("SELECT count(*) FROM deferred_indexes"));
        return n ? n->toInt() : -1;
    }

private slots:
    void firstOpenMakesKeyAndDatabase()
    {
        QTemporaryDir tmp;
        MemorySecretStore store;
        const QString dir = tmp.filePath(QStringLiteral("data"));
        DataDirectory data(dir, store);
        QVERIFY(!data.databaseExists());
        auto opened = data.open();
        QVERIFY2(opened.ok(), qPrintable(opened.error()));
        QVERIFY(opened->notes.isEmpty());
        QVERIFY(putMarker(*opened->database, QStringLiteral("one")).ok());
        opened->database.reset();
        QVERIFY(data.databaseExists());
        QCOMPARE(store.entries().size(), 1);
        QCOMPARE(store.entries().first().size(), 32);
        // The directory is private to its owner.
        QCOMPARE(QFile::permissions(dir) & (QFileDevice::ReadOther | QFileDevice::ReadGroup),
                 QFileDevice::Permissions());

        auto again = DataDirectory(dir, store).open();
        QVERIFY2(again.ok(), qPrintable(again.error()));
        QCOMPARE(again->database->setting(QStringLiteral("marker")), QStringLiteral("one"));
    }

    // A large first pull sets the synced tables' indexes aside (Database::deferIndexes) and
    // makes them again at its end; stopped halfway, the next open makes them.
    void indexesSetAsideAreMadeAgainAtTheNextOpen()
    {
        const QString firstVisitTrigger =
            QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name = "
                           "'appointments_first_visit_on_insert'");
        QTemporaryDir tmp;
        MemorySecretStore store;
        DataDirectory data(tmp.path(), store);
        const QString indexes = QStringLiteral(
            "SELECT group_concat(name || ': ' || sql, '; ') FROM (SELECT name, sql FROM "
            "sqlite_master WHERE type = 'index' AND tbl_name IN ('appointments', "
            "'appointment_types') AND sql IS NOT NULL ORDER BY name)");
        QString before;
        {
            auto opened = data.open();
            QVERIFY2(opened.ok(), qPrintable(opened.error()));
            Database &db = *opened->database;
            before = db.scalar(indexes)->toString();
            QVERIFY(before.contains(QStringLiteral("appointments_start")));
            auto set = db.deferIndexes(
                {QStringLiteral("appointments"), QStringLiteral("appointment_types")});
            QVERIFY2(set.ok(), qPrintable(set.error()));
            // Six of appointments' indexes and its first-visit trigger; appointment_types'
            // unique index is a rule and stays, and so do both tables' partial indexes of demo
            // records to queue, which the rows of a load fall outside.
            QCOMPARE(*set, 7);
            QCOMPARE(db.scalar(indexes)->toString(),
                     QStringLiteral("appointment_types_code: CREATE UNIQUE INDEX "
                                    "appointment_types_code ON appointment_types(code) WHERE "
                                    "deleted = 0; appointment_types_demo_queue: CREATE INDEX "
                                    "appointment_types_demo_queue ON appointment_types(id) WHERE "
                                    "sync_state = 'demo'; appointments_demo_queue: CREATE INDEX "
                                    "appointments_demo_queue ON appointments(id) WHERE "
                                    "sync_state = 'demo'"));
            QCOMPARE(deferredIndexes(db), 6);
            QCOMPARE(db.scalar(firstVisitTrigger)->toInt(), 0);
            // Killed here: nothing made them again.
        }
        auto reopened = data.open();
        QVERIFY2(reopened.ok(), qPrintable(reopened.error()));
        QCOMPARE(reopened->database->scalar(indexes)->toString(), before);
        QCOMPARE(deferredIndexes(*reopened->database), 0);
        QCOMPARE(reopened->database->scalar(firstVisitTrigger)->toInt(), 1);
        const QString setAside = QStringLiteral("SELECT count(*) FROM deferred_triggers");
        QCOMPARE(reopened->database->scalar(setAside)->toInt(), 0);
    }

    // Each catch-up reads its table once in table order (a large one: 1M appointments), not
    // through an index made again just before with a look-up of every row by it.
    void theCatchUpsReadTheirTablesInOnePass()
    {
        QTemporaryDir tmp;
        MemorySecretStore store;
        auto opened = DataDirectory(tmp.path(), store).open();
        QVERIFY2(opened.ok(), qPrintable(opened.error()));
        Database &db = *opened->database;
        auto catchUps = db.query(QStringLiteral("SELECT name, catch_up FROM bulk_load_triggers"));
        QVERIFY(catchUps.ok());
        int planned = 0;
        while (catchUps->next()) {
            auto plan =
                db.query(QStringLiteral("EXPLAIN QUERY PLAN ") + catchUps->value(1).toString());
            QVERIFY2(plan.ok(), qPrintable(plan.error()));
            QString steps;
            while (plan->next())
                steps += plan->value(3).toString() + QLatin1Char(';');
            QVERIFY2(!steps.contains(QLatin1String("USING INDEX")),
                     qPrintable(catchUps->value(0).toString() + QLatin1String(": ") + steps));
            ++planned;
        }
        QCOMPARE(planned, 2);
    }

    // The two triggers that keep derived tables as rows come in (the patient search's queue,
    // each patient's first visit) are set aside with the indexes; rows written meanwhile are
    // caught up on when they are made again, as if the triggers had run for each.
    void triggersSetAsideAreCaughtUpOnWhenMadeAgain()
    {
        QTemporaryDir tmp;
        MemorySecretStore store;
        DataDirectory data(tmp.path(), store);
        auto opened = data.open();
        QVERIFY2(opened.ok(), qPrintable(opened.error()));
        Database &db = *opened->database;
        const QString triggers =
            QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name "
                           "IN ('patients_search_on_insert', "
                           "'appointments_first_visit_on_insert')");
        QCOMPARE(db.scalar(triggers)->toInt(), 2);
        auto set = db.deferIndexes({QStringLiteral("patients"), QStringLiteral("appointments")});
        QVERIFY2(set.ok(), qPrintable(set.error()));
        QCOMPARE(db.scalar(triggers)->toInt(), 0);
        // As a pull writes them (ServerCopy): two patients, the second with a cancelled visit
        // before a live one, and a visit of the first earlier than its other one.
        const auto row = [&](const QString &sql) { QVERIFY2(db.query(sql).ok(), qPrintable(sql)); };
        row(QStringLiteral(
            "INSERT INTO practitioners (id, created_at, updated_at, family_name) VALUES "
            "('dr', 0, 0, 'Dr')"));
        for (const QString &id : {QStringLiteral("p1"), QStringLiteral("p2")})
            row(QStringLiteral("INSERT INTO patients (id, created_at, updated_at, mrn, "
                               "family_name, given_name) VALUES ('%1', 0, 0, 'MRN-%1', "
                               "'Family', 'Given')")
                    .arg(id));
        const auto visit = [&](const QString &id, const QString &patient, qint64 start,
                               const QString &status) {
            row(QStringLiteral("INSERT INTO appointments (id, patient_id, practitioner_id, "
                               "start_at, end_at, status, created_at, updated_at) VALUES ('%1', "
                               "'%2', 'dr', %3, %4, '%5', 0, 0)")
                    .arg(id, patient)
                    .arg(start)
                    .arg(start + 900)
                    .arg(status));
        };
        visit(QStringLiteral("a1"), QStringLiteral("p1"), 5000, QStringLiteral("booked"));
        visit(QStringLiteral("a2"), QStringLiteral("p1"), 3000, QStringLiteral("booked"));
        visit(QStringLiteral("a3"), QStringLiteral("p2"), 1000, QStringLiteral("cancelled"));
        visit(QStringLiteral("a4"), QStringLiteral("p2"), 7000, QStringLiteral("arrived"));
        QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM patient_first_visits"))->toInt(),
                 0);
        QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM patient_search_dirty WHERE "
                                          "patient_id IN ('p1', 'p2')"))
                     ->toInt(),
                 0);

        QList<std::pair<int, int>> steps;
        const Status restored = db.restoreIndexes([&](int made, int of) {
            steps.append({made, of});
        });
        QVERIFY2(restored.ok(), qPrintable(restored.error()));
        QCOMPARE(db.scalar(triggers)->toInt(), 2);
        QCOMPARE(steps.last(), std::make_pair(*set, *set));
        QCOMPARE(db.scalar(QStringLiteral("SELECT group_concat(patient_id || '=' || "
                                          "first_start_at, ' ') FROM (SELECT * FROM "
                                          "patient_first_visits ORDER BY patient_id)"))
                     ->toString(),
                 QStringLiteral("p1=3000 p2=7000"));
        QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM patient_search_dirty WHERE "
                                          "patient_id IN ('p1', 'p2')"))
                     ->toInt(),
                 2);
        // And they run again for the next row.
        visit(QStringLiteral("a5"), QStringLiteral("p2"), 2000, QStringLiteral("booked"));
        QCOMPARE(db.scalar(QStringLiteral("SELECT first_start_at FROM patient_first_visits "
                                          "WHERE patient_id = 'p2'"))
                     ->toInt(),
                 2000);
    }

    // An index that cannot be made again does not keep the clinic out: the database opens,
    // the note names it, and it stays listed for the next open.
    void anIndexThatCannotBeMadeAgainIsANoteNotARefusal()
    {
        QTemporaryDir tmp;
        MemorySecretStore store;
        DataDirectory data(tmp.path(), store);
        {
            auto opened = data.open();
            QVERIFY2(opened.ok(), qPrintable(opened.error()));
            QVERIFY(opened->database
                        ->query(QStringLiteral("INSERT INTO deferred_indexes (name, sql) VALUES "
                                               "('gone_start', 'CREATE INDEX gone_start ON "
                                               "no_such_table(start_at)')"))
                        .ok());
        }
        auto reopened = data.open();
        QVERIFY2(reopened.ok(), qPrintable(reopened.error()));
        QCOMPARE(reopened->notes.size(), 1);
        QVERIFY2(reopened->notes.first().contains(QStringLiteral("gone_start")) &&
                     reopened->notes.first().contains(QStringLiteral("no_such_table")),
                 qPrintable(reopened->notes.first()));
        QCOMPARE(deferredIndexes(*reopened->database), 1);
    }

    // Two processes opening at once (the app and frontdeskctl) both read the list; the one
    // that comes second finds an index made already, and neither fails on it.
    void anIndexMadeAgainMeanwhileIsNotMadeTwice()
    {
        QTemporaryDir tmp;
        MemorySecretStore store;
        DataDirectory data(tmp.path(), store);
        auto opened = data.open();
        QVERIFY2(opened.ok(), qPrintable(opened.error()));
        Database &db = *opened->database;
        QVERIFY(db.deferIndexes({QStringLiteral("patients")}).ok());
        auto other = db.openAnotherConnection();
        QVERIFY2(other.ok(), qPrintable(other.error()));
        // As the other process's restore had done for this one, just before this one's.
        const QString sql = db.scalar(QStringLiteral("SELECT sql FROM deferred_indexes WHERE "
                                                     "name = 'patients_birth_date'"))
                                ->toString();
        QVERIFY(sql.startsWith(QStringLiteral("CREATE INDEX")));
        QVERIFY((*other)->query(sql).ok());
        const Status restored = db.restoreIndexes();
        QVERIFY2(restored.ok(), qPrintable(restored.error()));
        QCOMPARE(deferredIndexes(db), 0);
        QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = "
                                          "'index' AND name IN ('patients_birth_date', "
                                          "'patients_name')"))
                     ->toInt(),
                 2);
    }

    void missingKeyOverExistingDataIsAClearError()
    {
        QTemporaryDir tmp;
        MemorySecretStore store;
        DataDirectory data(tmp.path(), store);
        QVERIFY(data.open().ok());
        MemorySecretStore empty;
        auto opened = DataDirectory(tmp.path(), empty).open();
        QVERIFY(!opened.ok());
        QVERIFY2(opened.error().contains(tmp.path()), qPrintable(opened.error()));
        QVERIFY(empty.entries().isEmpty()); // never a new key over old data
    }

    void unavailableStoreIsReported()
    {
        QTemporaryDir tmp;
        MemorySecretStore store;
        store.setUnavailable(QStringLiteral("No D-Bus session bus"));
        auto opened = DataDirectory(tmp.path(), store).open();
        QVERIFY(!opened.ok());
        QVERIFY(opened.error().contains(QStringLiteral("No D-Bus session bus")));
        QVERIFY(!QFile::exists(QDir(tmp.path()).filePath(Database::fileName())));
    }

    void rekeyRotatesAndKeepsData()
    {
        QTemporaryDir tmp;
        MemorySecretStore store;
        DataDirectory data(tmp.path(), store);
        {
            auto opened = data.open();
            QVERIFY(opened.ok());
            QVERIFY(putMarker(*opened->database, QStringLiteral("kept")).ok());
        }
        DatabaseKeys keys(store, tmp.path());
        const QByteArray oldKey = *keys.obtain(true);
        auto note = data.rekey();
        QVERIFY2(note.ok(), qPrintable(note.error()));
        QVERIFY(note->contains(QStringLiteral("rotated")));
        const QByteArray newKey = *keys.obtain(true);
        QVERIFY(newKey != oldKey);
        QVERIFY(!keys.pending()->has_value());
        QVERIFY(!Database::open(data.databasePath(), oldKey).ok());
        auto reopened = data.open();
        QVERIFY2(reopened.ok(), qPrintable(reopened.error()));
        QVERIFY(reopened->notes.isEmpty());
        QCOMPARE(reopened->database->setting(QStringLiteral("marker")), QStringLiteral("kept"));
        QVERIFY(!QFile::exists(data.databasePath() + QStringLiteral(".rekey")));
    }

    void rekeyRefusesWhileDatabaseIsInUse()
    {
        QTemporaryDir tmp;
        MemorySecretStore store;
        DataDirectory data(tmp.path(), store);
        auto inUse = data.open();
        QVERIFY(inUse.ok());
        QVERIFY(putMarker(*inUse->database, QStringLiteral("x")).ok());
        auto note = data.rekey();
        QVERIFY(!note.ok());
        QVERIFY2(note.error().contains(QStringLiteral("in use")), qPrintable(note.error()));
        auto wiped = data.wipe();
        QVERIFY(!wiped.ok());
        QVERIFY(QFile::exists(data.databasePath()));
        inUse->database.reset();
        QVERIFY(data.rekey().ok());
    }

    void interruptedRekeyRecoversAtEveryStep_data()
    {
        QTest::addColumn<int>("step");
        QTest::addColumn<bool>("newKeyExpected");
        QTest::newRow("after pending key stored")
            << int(DataDirectory::RekeyStep::PendingKeyStored) << false;
        QTest::newRow("after copy written") << int(DataDirectory::RekeyStep::CopyWritten) << false;
        QTest::newRow("after copy in place") << int(DataDirectory::RekeyStep::CopyInPlace) << true;
        QTest::newRow("after key promoted") << int(DataDirectory::RekeyStep::KeyPromoted) << true;
    }

    void interruptedRekeyRecoversAtEveryStep()
    {
        QFETCH(int, step);
        QFETCH(bool, newKeyExpected);
        QTemporaryDir tmp;
        MemorySecretStore store;
        DataDirectory data(tmp.path(), store);
        {
            auto opened = data.open();
            QVERIFY(opened.ok());
            QVERIFY(putMarker(*opened->database, QStringLiteral("survives")).ok());
        }
        DatabaseKeys keys(store, tmp.path());
        const QByteArray oldKey = *keys.obtain(true);
        auto stopped = data.rekey([&](DataDirectory::RekeyStep s) { return int(s) != step; });
        QVERIFY2(stopped.ok(), qPrintable(stopped.error()));

        auto opened = data.open();
        QVERIFY2(opened.ok(), qPrintable(opened.error()));
        QCOMPARE(opened->database->setting(QStringLiteral("marker")), QStringLiteral("survives"));
        const QByteArray nowKey = *keys.obtain(true);
        QCOMPARE(nowKey != oldKey, newKeyExpected);
        QVERIFY(!keys.pending()->has_value());
        if (step == int(DataDirectory::RekeyStep::KeyPromoted)) {
            QVERIFY(opened->notes.isEmpty());
        } else {
            QCOMPARE(opened->notes.size(), 1);
            QVERIFY2(opened->notes.first().contains(newKeyExpected
                                                        ? QStringLiteral("new key")
                                                        : QStringLiteral("previous key")),
                     qPrintable(opened->notes.first()));
        }
        QVERIFY(!QFile::exists(data.databasePath() + QStringLiteral(".rekey")));
        auto problems = opened->database->check();
        QVERIFY(problems.ok() && problems->isEmpty());
    }

    void wipeRemovesFilesAndKey()
    {
        QTemporaryDir tmp;
        MemorySecretStore store;
        DataDirectory data(tmp.path(), store);
        {
            auto opened = data.open();
            QVERIFY(opened.ok());
            QVERIFY(putMarker(*opened->database, QStringLiteral("gone")).ok());
        }
        QVERIFY(data.wipe().ok());
        for (const QString &f : Database::companionFiles(data.databasePath()))
            QVERIFY2(!QFile::exists(f), qPrintable(f));
        QVERIFY(store.entries().isEmpty());
        // It starts as new afterwards.
        auto fresh = data.open();
        QVERIFY(fresh.ok());
        QCOMPARE(fresh->database->setting(QStringLiteral("marker"), QStringLiteral("none")),
                 QStringLiteral("none"));
    }

    // The key goes before the files, and a key that stays is said loudly.
    void wipeRemovesTheKeyFirstAndChecksItIsGone()
    {
        QTemporaryDir tmp;
        WatchingStore store;
        DataDirectory data(tmp.path(), store);
        store.databasePath = data.databasePath();
        QVERIFY(data.open().ok());
        QVERIFY(data.wipe().ok());
        QCOMPARE(store.databaseExistedAtRemoval, true);
        QVERIFY(!QFile::exists(data.databasePath()));

        QVERIFY(data.open().ok());
        store.keepOnRemove = true; // says it removed the entry, but did not
        auto kept = data.wipe();
        QVERIFY(!kept.ok());
        QVERIFY2(kept.error().contains(QStringLiteral("NOT REMOVED")), qPrintable(kept.error()));
        QVERIFY(kept.error().contains(QStringLiteral("still there")));
        QVERIFY(!QFile::exists(data.databasePath()));
    }

    void wipeSaysSoWhenTheKeyCannotBeRemoved()
    {
        QTemporaryDir tmp;
        MemorySecretStore store;
        DataDirectory data(tmp.path(), store);
        QVERIFY(data.open().ok());
        store.setReadOnly(QStringLiteral("the keychain is locked"));
        auto wiped = data.wipe();
        QVERIFY(!wiped.ok());
        QVERIFY2(wiped.error().contains(QStringLiteral("NOT REMOVED")), qPrintable(wiped.error()));
        QVERIFY(wiped.error().contains(QStringLiteral("the keychain is locked")));
        QVERIFY(!QFile::exists(data.databasePath()));
        QCOMPARE(store.entries().size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestDataDirectory)
#include "tst_datadirectory.moc"
