#include "TestDatabase.h"

#include "database/Database.h"
#include "database/Migration.h"
#include "database/ReadWorker.h"
#include "database/SqlCipherDriver.h"
#include "database/SqlRow.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QPointF>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>
#include <chrono>
#include <future>

using namespace frontdesk;

namespace {
QByteArray fileHash(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}
} // namespace

class TestDatabaseCore : public QObject
{
    Q_OBJECT
private slots:
    void opensAndMigrates()
    {
        test::TestDatabase t;
        QVERIFY(t.open());
        QCOMPARE(t.db->schemaVersion(), Database::latestSchemaVersion());
        QVERIFY(Database::latestSchemaVersion() >= 1);
        QVERIFY(!t.db->cipherVersion().isEmpty());
        auto mode = t.db->scalar(QStringLiteral("PRAGMA journal_mode"));
        QVERIFY(mode.ok());
        QCOMPARE(mode->toString(), QStringLiteral("wal"));
        auto fk = t.db->scalar(QStringLiteral("PRAGMA foreign_keys"));
        QCOMPARE(fk->toInt(), 1);
        // Migrating again is a no-op.
        QVERIFY(t.db->migrate().ok());
        auto applied = t.db->scalar(QStringLiteral("SELECT count(*) FROM schema_version"));
        QCOMPARE(applied->toInt(), int(Migration::builtin().size()));
        // Owner-only file permissions.
        QCOMPARE(QFile::permissions(t.path()) & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
                 QFileDevice::Permissions());
    }

    // Kept statements take their values straight to SQLite on this driver (DirectBinding):
    // each in its placeholder's place and type, a null QString as '' (Database::bindable), a
    // value without a text form refused by name, and nothing of one run left for the next.
    void keptStatementsBindEachValueInItsPlace()
    {
        test::TestDatabase t;
        QVERIFY(t.open());
        Database &db = *t.db;
        QVERIFY(db.query(QStringLiteral("CREATE TABLE bound (n INTEGER, r REAL, t TEXT, b BLOB, "
                                        "d TEXT, z TEXT)"))
                    .ok());
        const QString insert =
            QStringLiteral("INSERT INTO bound (n, r, t, b, d, z) VALUES (?, ?, ?, ?, ?, ?)");
        for (int run = 0; run < 2; ++run) {
            auto written = db.exec(insert, {qint64(run) + 41, 2.5, QStringLiteral("Müller"),
                                            QByteArray("\0\1", 2), QDate(2026, 12, 7), QString()});
            QVERIFY2(written.ok(), qPrintable(written.error()));
            QCOMPARE(*written, 1);
        }
        QCOMPARE(db.scalar(QStringLiteral("SELECT group_concat(typeof(n) || ':' || n || ' ' || "
                                          "typeof(r) || ':' || r || ' ' || t || ' ' || "
                                          "hex(b) || ' ' || d || ' [' || z || '] ' || "
                                          "typeof(z), '; ') FROM bound"))
                     ->toString(),
                 QStringLiteral("integer:41 real:2.5 Müller 0001 2026-12-07 [] text; "
                                "integer:42 real:2.5 Müller 0001 2026-12-07 [] text"));
        auto refused = db.exec(insert, {1, 2.0, QStringLiteral("x"), QByteArray(),
                                        QVariant::fromValue(QPointF(1, 2)), QString()});
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().contains(QStringLiteral("placeholder 5")),
                 qPrintable(refused.error()));
        auto tooFew = db.exec(insert, {1, 2.0});
        QVERIFY(!tooFew.ok());
        QVERIFY2(tooFew.error().contains(QStringLiteral("6 placeholders")),
                 qPrintable(tooFew.error()));
        // The statement is whole again for the next run.
        QVERIFY(db.exec(insert, {7, 0.5, QStringLiteral("y"), QByteArray("a"), QString(),
                                 QStringLiteral("z")})
                    .ok());
        QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM bound"))->toInt(), 3);
        QCOMPARE(db.scalar(QStringLiteral("SELECT d FROM bound WHERE n = 7"))->toString(),
                 QStringLiteral(""));
    }

    void wrongKeyIsRefusedAndFileUntouched()
    {
        test::TestDatabase t;
        QVERIFY(t.open());
        QVERIFY(t.db->setSetting(QStringLiteral("x"), QStringLiteral("y")).ok());
        t.db.reset();
        const QByteArray before = fileHash(t.path());
        QVERIFY(!before.isEmpty());
        auto wrong = Database::open(t.path(), QByteArray(32, '\x01'));
        QVERIFY(!wrong.ok());
        QVERIFY2(wrong.error().contains(QStringLiteral("key is wrong")), qPrintable(wrong.error()));
        QCOMPARE(fileHash(t.path()), before);
        auto right = Database::open(t.path(), test::TestDatabase::key());
        QVERIFY2(right.ok(), qPrintable(right.error()));
        QCOMPARE((*right)->setting(QStringLiteral("x")), QStringLiteral("y"));
    }

    void keyOfWrongLengthIsRefused()
    {
        QTemporaryDir dir;
        auto r = Database::open(dir.filePath(QStringLiteral("a.db")), QByteArray(16, 'k'));
        QVERIFY(!r.ok());
        QVERIFY(r.error().contains(QStringLiteral("32 bytes")));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("a.db"))));
    }

    void failingMigrationLeavesDatabaseAsItWas()
    {
        test::TestDatabase t;
        QVERIFY(t.open());
        const int version = t.db->schemaVersion();
        QList<Migration> migrations = Migration::builtin();
        migrations.append({version + 1, QStringLiteral("adds_a_table"),
                           QStringLiteral("CREATE TABLE extra (id INTEGER PRIMARY KEY);\n"
                                          "INSERT INTO extra (id) VALUES (1);\n")});
        migrations.append({version + 2, QStringLiteral("broken"),
                           QStringLiteral("CREATE TABLE half_done (id INTEGER);\n"
                                          "INSERT INTO no_such_table VALUES (1);\n")});
        auto s = t.db->migrate(migrations);
        QVERIFY(!s.ok());
        QVERIFY2(s.error().contains(QStringLiteral("broken")), qPrintable(s.error()));
        QVERIFY(s.error().contains(QStringLiteral("no_such_table")));
        // The good migration stays, the broken one left nothing behind.
        QCOMPARE(t.db->schemaVersion(), version + 1);
        auto extra = t.db->scalar(QStringLiteral("SELECT count(*) FROM extra"));
        QVERIFY(extra.ok());
        QCOMPARE(extra->toInt(), 1);
        auto half = t.db->scalar(
            QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'half_done'"));
        QCOMPARE(half->toInt(), 0);
    }

    // A migration merged from another branch with a number below the newest applied one is
    // not skipped: every migration not recorded runs, in number order.
    void anUnrecordedLowerMigrationStillRuns()
    {
        test::TestDatabase t;
        QVERIFY(t.open());
        const int version = t.db->schemaVersion();
        QList<Migration> migrations = Migration::builtin();
        migrations.append({version + 2, QStringLiteral("newer"),
                           QStringLiteral("CREATE TABLE newer (id INTEGER PRIMARY KEY);\n")});
        QVERIFY(t.db->migrate(migrations).ok());
        migrations.insert(
            migrations.size() - 1,
            {version + 1, QStringLiteral("merged_later"),
             QStringLiteral("CREATE TABLE merged_later (id INTEGER PRIMARY KEY);\n")});
        QVERIFY(t.db->migrate(migrations).ok());
        auto made = t.db->scalar(
            QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'merged_later'"));
        QCOMPARE(made->toInt(), 1);
        QCOMPARE(t.db->schemaVersion(), version + 2);
        QVERIFY(t.db->migrate(migrations).ok()); // and only once
    }

    void newerSchemaIsRefused()
    {
        test::TestDatabase t;
        QVERIFY(t.open());
        QVERIFY(t.db->query(QStringLiteral("INSERT INTO schema_version VALUES (999, 'future', 0)"))
                    .ok());
        auto s = t.db->migrate();
        QVERIFY(!s.ok());
        QVERIFY(s.error().contains(QStringLiteral("newer")));
    }

    void splitStatementsKeepsTriggerBodies()
    {
        const QStringList parts = Migration::splitStatements(
            QStringLiteral("-- a comment\nCREATE TABLE a (x INTEGER);\n\nCREATE TRIGGER t BEFORE "
                           "DELETE ON a\nBEGIN\n"
                           "    SELECT RAISE(ABORT, 'no');\nEND;\nINSERT INTO a VALUES (1);\n"));
        QCOMPARE(parts.size(), 3);
        QVERIFY(parts.at(1).startsWith(QStringLiteral("CREATE TRIGGER")));
        QVERIFY(parts.at(1).endsWith(QStringLiteral("END;")));
    }

    void writeRollsBackWhenAStepFails()
    {
        test::TestDatabase t;
        QVERIFY(t.open());
        auto s = t.db->write([&]() -> Status {
            if (auto r = t.db->setSetting(QStringLiteral("kept"), QStringLiteral("no")); !r)
                return r;
            return t.db->write(
                [&]() -> Status { return fail(QStringLiteral("inner step failed")); });
        });
        QVERIFY(!s.ok());
        QCOMPARE(s.error(), QStringLiteral("inner step failed"));
        QCOMPARE(t.db->setting(QStringLiteral("kept"), QStringLiteral("absent")),
                 QStringLiteral("absent"));
        QVERIFY(!t.db->inTransaction());
    }

    // The app's sync worker hears of each committed change once, never of a rolled-back one.
    void theCommitHookHearsOfEachCommittedTransactionOnce()
    {
        test::TestDatabase t;
        QVERIFY(t.open());
        int committed = 0;
        t.db->setOnCommit([&committed] { ++committed; });
        QVERIFY(t.db->write([&]() -> Status {
                        if (auto r = t.db->setSetting(QStringLiteral("a"), QStringLiteral("1")); !r)
                            return r;
                        return t.db->write([&]() -> Status {
                            return t.db->setSetting(QStringLiteral("b"), QStringLiteral("2"));
                        });
                    })
                    .ok());
        QCOMPARE(committed, 1);
        QVERIFY(!t.db->write([]() -> Status { return fail(QStringLiteral("no")); }).ok());
        QCOMPARE(committed, 1);
        t.db->setOnCommit({});
        QVERIFY(t.db->write([&]() -> Status {
                        return t.db->setSetting(QStringLiteral("c"), QStringLiteral("3"));
                    })
                    .ok());
        QCOMPARE(committed, 1);
    }

    void checkReportsHealthyDatabase()
    {
        test::TestDatabase t;
        QVERIFY(t.open());
        auto problems = t.db->check();
        QVERIFY(problems.ok());
        QVERIFY2(problems->isEmpty(), qPrintable(problems->join(QLatin1Char('\n'))));
    }

    // SQLCipher leaves temporary files unencrypted: every connection keeps them in memory, and
    // check notices one that does not.
    void temporaryStorageStaysInMemory()
    {
        test::TestDatabase t;
        QVERIFY(t.open());
        QCOMPARE(t.db->scalar(QStringLiteral("PRAGMA temp_store"))->toInt(), 2);
        auto another = t.db->openAnotherConnection();
        QVERIFY(another.ok());
        QCOMPARE((*another)->scalar(QStringLiteral("PRAGMA temp_store"))->toInt(), 2);
        QVERIFY(t.db->query(QStringLiteral("PRAGMA temp_store = FILE")).ok());
        auto problems = t.db->check();
        QVERIFY(problems.ok());
        QCOMPARE(problems->size(), 1);
        QVERIFY(problems->first().contains(QStringLiteral("temp_store")));
    }

    void exportWritesACopyUnderANewKey()
    {
        test::TestDatabase t;
        QVERIFY(t.open());
        QVERIFY(t.db->setSetting(QStringLiteral("marker"), QStringLiteral("kept")).ok());
        const QString copy = t.dir.filePath(QStringLiteral("copy.db"));
        const QByteArray newKey(32, '\x22');
        auto s = t.db->exportTo(copy, newKey);
        QVERIFY2(s.ok(), qPrintable(s.error()));
        QVERIFY(!Database::open(copy, test::TestDatabase::key()).ok());
        auto reopened = Database::open(copy, newKey);
        QVERIFY2(reopened.ok(), qPrintable(reopened.error()));
        QCOMPARE((*reopened)->setting(QStringLiteral("marker")), QStringLiteral("kept"));
        QVERIFY(!t.db->exportTo(copy, newKey).ok()); // never over an existing file
    }
    void exportWritesTheNewPagesAlsoFromAnOldFile()
    {
        test::TestDatabase t;
        QVERIFY(t.open());
        QVERIFY(t.db->setSetting(QStringLiteral("marker"), QStringLiteral("kept")).ok());
        // SQLCipher 3 gives an attached database 1 KiB pages, as the files made before
        // 2026-12-07 have.
        const QString old = t.dir.filePath(QStringLiteral("old-pages.db"));
        const QString keyLiteral =
            QStringLiteral("x'%1'").arg(QString::fromLatin1(test::TestDatabase::key().toHex()));
        QVERIFY(
            t.db->query(QStringLiteral("ATTACH DATABASE ? AS old KEY ?"), {old, keyLiteral}).ok());
        QVERIFY(t.db->query(QStringLiteral("SELECT sqlcipher_export('old')")).ok());
        QVERIFY(t.db->query(QStringLiteral("DETACH DATABASE old")).ok());
        auto opened = Database::open(old, test::TestDatabase::key());
        QVERIFY2(opened.ok(), qPrintable(opened.error()));
        QCOMPARE((*opened)->scalar(QStringLiteral("PRAGMA page_size"))->toInt(),
                 kSqlCipherLegacyPageBytes);

        // A rekey's copy has the pages of a new file.
        const QString copy = t.dir.filePath(QStringLiteral("copy.db"));
        const QByteArray newKey(32, '\x22');
        auto s = (*opened)->exportTo(copy, newKey);
        QVERIFY2(s.ok(), qPrintable(s.error()));
        auto reopened = Database::open(copy, newKey);
        QVERIFY2(reopened.ok(), qPrintable(reopened.error()));
        QCOMPARE((*reopened)->scalar(QStringLiteral("PRAGMA page_size"))->toInt(),
                 kSqlCipherPageBytes);
        QCOMPARE((*reopened)->setting(QStringLiteral("marker")), QStringLiteral("kept"));
    }
    void scanReadsRowsInPlace()
    {
        test::TestDatabase t;
        QVERIFY(t.open());
        struct Row
        {
            qint64 number;
            QString text;
            bool textIsNull;
        };
        QList<Row> rows;
        auto s = t.db->scan(QStringLiteral("SELECT 1, 'Müller', 0 UNION ALL SELECT ?, NULL, 1 "
                                           "UNION ALL SELECT -9007199254740993, '', 2 ORDER BY 3"),
                            {qint64(42)}, [&](const SqlRow &row) {
                                rows.append({row.integer(0), row.text(1), row.isNull(1)});
                            });
        QVERIFY2(s.ok(), qPrintable(s.error()));
        QCOMPARE(rows.size(), 3);
        QCOMPARE(rows[0].number, 1);
        QCOMPARE(rows[0].text, QStringLiteral("Müller"));
        QVERIFY(!rows[0].textIsNull);
        QCOMPARE(rows[1].number, 42);
        QVERIFY(rows[1].textIsNull);
        QVERIFY(rows[1].text.isEmpty());
        QCOMPARE(rows[2].number, Q_INT64_C(-9007199254740993));
        QVERIFY(!rows[2].textIsNull);

        int none = 0;
        s = t.db->scan(QStringLiteral("SELECT 1 WHERE 0"), {}, [&](const SqlRow &) { ++none; });
        QVERIFY(s.ok());
        QCOMPARE(none, 0);
    }

    // eachIn reads ids past SQLite's 999 bound values in batches, each with the tail (its
    // ORDER BY orders each batch); ids that match nothing give nothing, and no ids no statement.
    void eachInReadsEveryBatchWithItsTail()
    {
        test::TestDatabase t;
        QVERIFY(t.open());
        QVERIFY(t.db->exec(QStringLiteral("CREATE TABLE numbers (id TEXT PRIMARY KEY, n INTEGER)"))
                    .ok());
        QStringList ids;
        QVERIFY(t.db->write([&]() -> Status {
                        for (int i = 0; i < 1203; ++i) {
                            ids << QStringLiteral("n%1").arg(i, 4, 10, QLatin1Char('0'));
                            if (auto s =
                                    t.db->exec(QStringLiteral("INSERT INTO numbers VALUES (?, ?)"),
                                               {ids.last(), 5000 - i});
                                !s)
                                return fail(s.error());
                        }
                        return {};
                    })
                    .ok());
        QStringList asked = ids;
        asked << QStringLiteral("none");
        QList<qint64> read;
        auto s = t.db->eachIn(
            QStringLiteral("SELECT n FROM numbers WHERE id"), asked,
            [&](const QSqlQuery &q) { read << q.value(0).toLongLong(); },
            QStringLiteral(" ORDER BY n"));
        QVERIFY2(s.ok(), qPrintable(s.error()));
        QCOMPARE(read.size(), 1203);
        // Three batches (500, 500, 204 ids), each ascending by n; n falls with the id.
        QCOMPARE(read.at(0), 5000 - 499);
        QCOMPARE(read.at(499), 5000);
        QCOMPARE(read.at(500), 5000 - 999);
        QCOMPARE(read.at(1000), 5000 - 1202);
        QCOMPARE(read.last(), 5000 - 1000);
        int none = 0;
        QVERIFY(t.db->eachIn(QStringLiteral("SELECT n FROM numbers WHERE id"), QStringList(),
                             [&](const QSqlQuery &) { ++none; })
                    .ok());
        QCOMPARE(none, 0);
    }

    void scanReportsAFailingStep()
    {
        test::TestDatabase t;
        QVERIFY(t.open());
        // The first row is fine; abs() overflows on the second, in sqlite3_step.
        int seen = 0;
        auto s = t.db->scan(QStringLiteral("SELECT abs(x) FROM (SELECT 1 AS x UNION ALL SELECT "
                                           "-9223372036854775807 - 1 ORDER BY x DESC)"),
                            {}, [&](const SqlRow &) { ++seen; });
        QVERIFY(!s.ok());
        QVERIFY2(s.error().contains(QStringLiteral("overflow")), qPrintable(s.error()));
        QCOMPARE(seen, 1);
        // And a statement that does not prepare says why.
        s = t.db->scan(QStringLiteral("SELECT nope FROM nowhere"), {}, [](const SqlRow &) {});
        QVERIFY(!s.ok());
        QVERIFY2(s.error().contains(QStringLiteral("nowhere")), qPrintable(s.error()));
    }

    void readWorkerReadsOnItsOwnConnectionAndThread()
    {
        test::TestDatabase t;
        QVERIFY(t.open());
        QVERIFY(t.db->setSetting(QStringLiteral("marker"), QStringLiteral("before")).ok());
        t.db->setActor(Actor::staff(QStringLiteral("nurse.seven")));
        ReadWorker worker(*t.db);
        QThread *workerThread = nullptr;
        QString seen, actor, connection;
        auto first = worker.run([&](Database &db) -> Status {
            workerThread = QThread::currentThread();
            seen = db.setting(QStringLiteral("marker"));
            actor = db.actor().name;
            connection = db.connection().connectionName();
            return {};
        });
        QVERIFY(first.get().ok());
        QVERIFY(workerThread != QThread::currentThread());
        QCOMPARE(seen, QStringLiteral("before"));
        QCOMPARE(actor, QStringLiteral("nurse.seven"));
        QVERIFY(connection != t.db->connection().connectionName());

        // The connection is kept, and sees what was committed since.
        QVERIFY(t.db->setSetting(QStringLiteral("marker"), QStringLiteral("after")).ok());
        QString second;
        QString secondConnection;
        auto later = worker.run([&](Database &db) -> Status {
            second = db.setting(QStringLiteral("marker"));
            secondConnection = db.connection().connectionName();
            return fail(QStringLiteral("the task's own failure"));
        });
        const Status failed = later.get();
        QVERIFY(!failed.ok());
        QCOMPARE(failed.error(), QStringLiteral("the task's own failure"));
        QCOMPARE(second, QStringLiteral("after"));
        QCOMPARE(secondConnection, connection);
    }

    void readWorkerRunsBesideTheCaller()
    {
        test::TestDatabase t;
        QVERIFY(t.open());
        ReadWorker worker(*t.db);
        // The task waits for the caller, which only gets there while the task is running: run()
        // returned before the task finished, and both ran at once.
        std::promise<void> callerThere;
        std::future<void> callerThereSeen = callerThere.get_future();
        auto task = worker.run([&](Database &) -> Status {
            return callerThereSeen.wait_for(std::chrono::seconds(30)) == std::future_status::ready
                       ? Status()
                       : fail(QStringLiteral("the caller never got there"));
        });
        callerThere.set_value();
        QVERIFY(task.get().ok());
    }

    void readWorkerFinishesQueuedTasksWhenDestroyed()
    {
        test::TestDatabase t;
        QVERIFY(t.open());
        std::vector<std::future<Status>> pending;
        std::atomic<int> ran{0};
        {
            ReadWorker worker(*t.db);
            for (int i = 0; i < 5; ++i)
                pending.push_back(worker.run([&](Database &db) -> Status {
                    ++ran;
                    return db.scalar(QStringLiteral("SELECT 1")).ok()
                               ? Status()
                               : fail(QStringLiteral("no connection"));
                }));
        }
        QCOMPARE(ran.load(), 5);
        for (auto &p : pending)
            QVERIFY(p.get().ok());
    }

    void readWorkerReportsAConnectionItCannotOpen()
    {
        test::TestDatabase t;
        QVERIFY(t.open());
        QVERIFY(t.db->setSetting(QStringLiteral("marker"), QStringLiteral("kept")).ok());
        // Where the database file was there is now a directory (the files are moved aside):
        // no second connection opens, whoever runs the test.
        const QStringList files = Database::companionFiles(t.path());
        for (const QString &file : files)
            if (QFile::exists(file))
                QVERIFY(QFile::rename(file, file + QStringLiteral(".aside")));
        QVERIFY(QDir().mkdir(t.path()));
        ReadWorker worker(*t.db);
        const Status s = worker.run([](Database &) -> Status { return {}; }).get();
        QVERIFY(!s.ok());
        QVERIFY(!s.error().isEmpty());
        // Once the file is back, the next task gets a connection.
        QVERIFY(QDir().rmdir(t.path()));
        for (const QString &file : files)
            if (QFile::exists(file + QStringLiteral(".aside")))
                QVERIFY(QFile::rename(file + QStringLiteral(".aside"), file));
        QString marker;
        const Status again = worker
                                 .run([&](Database &db) -> Status {
                                     marker = db.setting(QStringLiteral("marker"));
                                     return {};
                                 })
                                 .get();
        QVERIFY2(again.ok(), qPrintable(again.error()));
        QCOMPARE(marker, QStringLiteral("kept"));
    }
};

QTEST_GUILESS_MAIN(TestDatabaseCore)
#include "tst_database.moc"
