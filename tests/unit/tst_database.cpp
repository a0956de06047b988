#include "TestDatabase.h"

#include "storage/Database.h"
#include "storage/Migration.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

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
        QCOMPARE(applied->toInt(), Database::latestSchemaVersion());
        // Owner-only file permissions.
        QCOMPARE(QFile::permissions(t.path()) & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
                 QFileDevice::Permissions());
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

    void checkReportsHealthyDatabase()
    {
        test::TestDatabase t;
        QVERIFY(t.open());
        auto problems = t.db->check();
        QVERIFY(problems.ok());
        QVERIFY2(problems->isEmpty(), qPrintable(problems->join(QLatin1Char('\n'))));
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
};

QTEST_GUILESS_MAIN(TestDatabaseCore)
#include "tst_database.moc"
