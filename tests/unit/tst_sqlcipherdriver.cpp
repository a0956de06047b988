#include "database/DirectBinding.h"
#include "database/SqlCipherDriver.h"
#include "database/SqlCipherResult.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlField>
#include <QSqlIndex>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QSqlResult>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>
#include <QUuid>

#include <sqlite3.h>

#include <atomic>
#include <limits>
#include <thread>
#include <vector>

using namespace frontdesk;

namespace {

const QString kKey =
    QStringLiteral("00112233445566778899aabbccddeeff00112233445566778899AABBCCDDEEFF");
const QString kOtherKey =
    QStringLiteral("ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100");
constexpr char kMarker[] = "FRONTDESK-PLAINTEXT-MARKER-51c0ffee";

QByteArray sha256Of(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    return hash.result();
}

QByteArray contentsOf(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// A QSQLCIPHER connection, closed and removed when it goes out of scope. Queries on it must be
// declared after it, so that they are gone first.
class Connection
{
public:
    explicit Connection(const QString &path, const QString &key = kKey,
                        const QString &options = QString())
        : m_name(QUuid::createUuid().toString(QUuid::WithoutBraces))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QLatin1String(kSqlCipherDriverName), m_name);
        db.setDatabaseName(path);
        db.setPassword(key);
        db.setConnectOptions(options);
        m_opened = db.open();
    }
    ~Connection()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    Connection(const Connection &) = delete;
    Connection &operator=(const Connection &) = delete;

    bool opened() const { return m_opened; }
    QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }
    QSqlError error() const { return db().lastError(); }

    // Runs one statement without bound values; fails the test on error.
    QSqlQuery run(const QString &sql) const
    {
        QSqlQuery query(db());
        if (!query.exec(sql))
            qWarning("statement failed: %s: %s", qPrintable(sql),
                     qPrintable(query.lastError().text()));
        return query;
    }

    QVariant scalar(const QString &sql) const
    {
        QSqlQuery query = run(sql);
        return query.next() ? query.value(0) : QVariant();
    }

private:
    QString m_name;
    bool m_opened = false;
};

// Stands in for QSqlQuery::result()'s protected handle access in the tests.
QVariant statementHandle(const QSqlQuery &query)
{
    return query.result() ? query.result()->handle() : QVariant();
}

} // namespace

class TestSqlCipherDriver : public QObject
{
    Q_OBJECT

private:
    QString path(const QString &name) const { return m_dir.filePath(name); }
    QTemporaryDir m_dir;

private slots:
    void initTestCase();
    void registrationIsIdempotentAndThreadSafe();
    void cipherVersionIsReal();
    void sqliteCountsNoMemory();
    void createAndReopen();
    void wrongKeyFailsAndLeavesFileUnchanged();
    void fileThatIsNoDatabaseIsLeftAlone();
    void newFilesGetFourKibPages();
    void filesWithTheOldPageSizeStillOpen();
    void refusesBadKeys_data();
    void refusesBadKeys();
    void readOnlyOption();
    void connectOptionErrors();
    void busyTimeout();
    void typeRoundTrip_data();
    void typeRoundTrip();
    void precisionPolicy();
    void positionalBinding();
    void namedBinding();
    void reExecPreparedStatement();
    void boundBytesLastWhileRowsAreRead();
    void placeholderCountMismatch();
    void execBatch();
    void transactions();
    void lastInsertIdAndRowsAffected();
    void recordMetadata();
    void forwardOnlyTenThousandRows();
    void scrollableNavigation();
    void finishReleasesReadLock();
    void errors();
    void trailingSemicolonAndMultipleStatements();
    void tablesRecordAndPrimaryIndex();
    void escapeAndFormat();
    void handles();
    void closeWithLiveQueries();
    void oneConnectionPerThread();
    void noPlaintextOnDisk();
    // Last, after everything above has run in this process.
    void processHasNoPlainSqlite();
};

void TestSqlCipherDriver::initTestCase()
{
    QVERIFY(m_dir.isValid());
    registerSqlCipherDriver();
}

void TestSqlCipherDriver::registrationIsIdempotentAndThreadSafe()
{
    std::vector<std::thread> threads;
    for (int i = 0; i < 8; ++i)
        threads.emplace_back([] { registerSqlCipherDriver(); });
    for (std::thread &thread : threads)
        thread.join();
    registerSqlCipherDriver();

    Connection c(path(QStringLiteral("register.db")));
    QVERIFY2(c.opened(), qPrintable(c.error().text()));
    QVERIFY(qobject_cast<SqlCipherDriver *>(c.db().driver()));
    QCOMPARE(c.db().driverName(), QLatin1String(kSqlCipherDriverName));
}

void TestSqlCipherDriver::cipherVersionIsReal()
{
    QVERIFY(!sqlCipherVersion().isEmpty());
    Connection c(path(QStringLiteral("version.db")));
    QVERIFY2(c.opened(), qPrintable(c.error().text()));
    QCOMPARE(c.scalar(QStringLiteral("PRAGMA cipher_version")).toString(), sqlCipherVersion());
}

// Registering the driver, before SQLite's first use, turns off SQLite's count of its memory
// (a global mutex every allocation takes): connections work, and the count stays at nothing.
void TestSqlCipherDriver::sqliteCountsNoMemory()
{
    Connection c(path(QStringLiteral("memstatus.db")));
    QVERIFY2(c.opened(), qPrintable(c.error().text()));
    QSqlQuery q(c.db());
    QVERIFY2(q.exec(QStringLiteral("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)")),
             qPrintable(q.lastError().text()));
    for (int i = 0; i < 100; ++i) {
        QVERIFY2(q.exec(QStringLiteral("INSERT INTO t (v) VALUES ('%1')").arg(i)),
                 qPrintable(q.lastError().text()));
    }
    QCOMPARE(c.scalar(QStringLiteral("SELECT count(*) FROM t")).toInt(), 100);
    QCOMPARE(sqlite3_memory_used(), sqlite3_int64(0));
}

void TestSqlCipherDriver::createAndReopen()
{
    const QString file = path(QStringLiteral("reopen.db"));
    QVERIFY(!QFile::exists(file));
    {
        Connection c(file);
        QVERIFY2(c.opened(), qPrintable(c.error().text()));
        c.run(QStringLiteral("CREATE TABLE patient(id INTEGER PRIMARY KEY, name TEXT)"));
        QSqlQuery insert(c.db());
        QVERIFY(insert.prepare(QStringLiteral("INSERT INTO patient(name) VALUES (?)")));
        insert.addBindValue(QStringLiteral("Ada Lovelace"));
        QVERIFY2(insert.exec(), qPrintable(insert.lastError().text()));
    }
    QVERIFY(QFile::exists(file));
    Connection c(file);
    QVERIFY2(c.opened(), qPrintable(c.error().text()));
    QCOMPARE(c.scalar(QStringLiteral("SELECT name FROM patient")).toString(),
             QStringLiteral("Ada Lovelace"));
}

void TestSqlCipherDriver::wrongKeyFailsAndLeavesFileUnchanged()
{
    const QString file = path(QStringLiteral("wrongkey.db"));
    {
        Connection c(file);
        QVERIFY(c.opened());
        c.run(QStringLiteral("CREATE TABLE t(x)"));
        c.run(QStringLiteral("INSERT INTO t VALUES (1)"));
    }
    const QByteArray before = sha256Of(file);
    const QStringList entriesBefore = QDir(m_dir.path()).entryList(QDir::Files);
    QVERIFY(!before.isEmpty());

    for (const QString &options : {QString(), QStringLiteral("QSQLCIPHER_OPEN_READONLY")}) {
        Connection c(file, kOtherKey, options);
        QVERIFY(!c.opened());
        QVERIFY(c.db().isOpenError());
        const QSqlError error = c.error();
        QCOMPARE(error.type(), QSqlError::ConnectionError);
        QVERIFY2(error.text().contains(
                     QStringLiteral("could not be decrypted: the key is wrong, or the file is not "
                                    "a Frontdesk database. The file was not changed.")),
                 qPrintable(error.text()));
        QVERIFY(error.text().contains(QDir::toNativeSeparators(file)));
        QCOMPARE(error.nativeErrorCode(), QStringLiteral("26"));
    }
    QCOMPARE(sha256Of(file), before);
    QCOMPARE(QDir(m_dir.path()).entryList(QDir::Files), entriesBefore);

    Connection right(file);
    QVERIFY2(right.opened(), qPrintable(right.error().text()));
    QCOMPARE(right.scalar(QStringLiteral("SELECT x FROM t")).toInt(), 1);
}

void TestSqlCipherDriver::newFilesGetFourKibPages()
{
    const QString file = path(QStringLiteral("pages.db"));
    {
        Connection c(file);
        QVERIFY2(c.opened(), qPrintable(c.error().text()));
        QCOMPARE(c.scalar(QStringLiteral("PRAGMA cipher_page_size")).toInt(), kSqlCipherPageBytes);
        c.run(QStringLiteral("CREATE TABLE t(x)"));
        c.run(QStringLiteral("INSERT INTO t VALUES (randomblob(20000))"));
        QCOMPARE(c.scalar(QStringLiteral("PRAGMA page_size")).toInt(), kSqlCipherPageBytes);
    }
    const qint64 size = QFileInfo(file).size();
    QVERIFY(size > 20000);
    QCOMPARE(size % kSqlCipherPageBytes, 0);

    Connection again(file);
    QVERIFY2(again.opened(), qPrintable(again.error().text()));
    QCOMPARE(again.scalar(QStringLiteral("PRAGMA cipher_page_size")).toInt(), kSqlCipherPageBytes);
    QCOMPARE(again.scalar(QStringLiteral("SELECT length(x) FROM t")).toInt(), 20000);
}

void TestSqlCipherDriver::filesWithTheOldPageSizeStillOpen()
{
    // SQLCipher 3 gives an attached database its default 1 KiB pages: the files made before
    // 2026-12-07 were made that way. Attached to a live connection, the file's last commit stays
    // in its WAL, as when a workstation stopped without closing.
    const QString legacy = path(QStringLiteral("legacy-pages.db"));
    Connection maker(path(QStringLiteral("legacy-maker.db")));
    QVERIFY2(maker.opened(), qPrintable(maker.error().text()));
    maker.run(QStringLiteral("ATTACH DATABASE '%1' AS legacy KEY \"x'%2'\"").arg(legacy, kKey));
    QCOMPARE(maker.scalar(QStringLiteral("PRAGMA legacy.cipher_page_size")).toInt(),
             kSqlCipherLegacyPageBytes);
    maker.run(QStringLiteral("PRAGMA legacy.journal_mode = WAL"));
    maker.run(QStringLiteral("CREATE TABLE legacy.t (id INTEGER PRIMARY KEY, name TEXT)"));
    maker.run(QStringLiteral("INSERT INTO legacy.t (name) VALUES ('Müller'), ('Jones')"));
    QVERIFY(QFileInfo(legacy + QStringLiteral("-wal")).size() > 0);

    // The same files as a crash leaves them, with no connection open, twice: one is opened with
    // the right key at once, the other first with a wrong one. Neither may lose the commit in the
    // WAL. (Closing after the wrong key checkpoints that WAL into the file, as SQLite does at
    // every last close; the rows stay the same.)
    const QString crashed = path(QStringLiteral("legacy-crashed.db"));
    const QString crashedThenWrongKey = path(QStringLiteral("legacy-crashed-wrong-key.db"));
    for (const QString &copy : {crashed, crashedThenWrongKey}) {
        QVERIFY(QFile::copy(legacy, copy));
        QVERIFY(QFile::copy(legacy + QStringLiteral("-wal"), copy + QStringLiteral("-wal")));
    }
    {
        Connection wrong(crashedThenWrongKey, kOtherKey);
        QVERIFY(!wrong.opened());
        QVERIFY2(wrong.error().text().contains(QStringLiteral("could not be decrypted")),
                 qPrintable(wrong.error().text()));
    }

    for (const QString &file : {legacy, crashed, crashedThenWrongKey}) {
        Connection c(file);
        QVERIFY2(c.opened(), qPrintable(c.error().text()));
        QCOMPARE(c.scalar(QStringLiteral("PRAGMA cipher_page_size")).toInt(),
                 kSqlCipherLegacyPageBytes);
        QCOMPARE(c.scalar(QStringLiteral("SELECT group_concat(name, ',') FROM "
                                         "(SELECT name FROM t ORDER BY id)"))
                     .toString(),
                 QStringLiteral("Müller,Jones"));
        c.run(QStringLiteral("INSERT INTO t (name) VALUES ('Okafor')"));
        QCOMPARE(c.scalar(QStringLiteral("PRAGMA integrity_check")).toString(),
                 QStringLiteral("ok"));
    }
    // The first connection still reads the file, with the row written through the driver.
    QCOMPARE(maker.scalar(QStringLiteral("SELECT count(*) FROM legacy.t")).toInt(), 3);
}

void TestSqlCipherDriver::fileThatIsNoDatabaseIsLeftAlone()
{
    const QString file = path(QStringLiteral("notes.txt"));
    {
        QFile notes(file);
        QVERIFY(notes.open(QIODevice::WriteOnly));
        notes.write(QByteArray(8192, 'n'));
    }
    const QByteArray before = sha256Of(file);
    Connection c(file);
    QVERIFY(!c.opened());
    QVERIFY(c.error().text().contains(QStringLiteral("could not be decrypted")));
    QCOMPARE(sha256Of(file), before);
}

void TestSqlCipherDriver::refusesBadKeys_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("message");
    const QString format = QStringLiteral("must be exactly 64 hexadecimal digits");
    QTest::newRow("empty") << QString() << QStringLiteral("No database key was given");
    QTest::newRow("63 digits") << kKey.left(63) << format;
    QTest::newRow("65 digits") << kKey + u'0' << format;
    QTest::newRow("not hex") << QString(64, u'g') << format;
    QTest::newRow("passphrase") << QStringLiteral("correct horse battery staple") << format;
    QTest::newRow("blob literal") << QStringLiteral("x'%1'").arg(kKey) << format;
    QTest::newRow("spaces") << QStringLiteral(" %1 ").arg(kKey.left(62)) << format;
}

void TestSqlCipherDriver::refusesBadKeys()
{
    QFETCH(QString, key);
    QFETCH(QString, message);
    const QString file = path(QStringLiteral("badkey.db"));
    Connection c(file, key);
    QVERIFY(!c.opened());
    QCOMPARE(c.error().type(), QSqlError::ConnectionError);
    QVERIFY2(c.error().text().contains(message), qPrintable(c.error().text()));
    QVERIFY(!QFile::exists(file));
}

void TestSqlCipherDriver::readOnlyOption()
{
    const QString missing = path(QStringLiteral("missing-readonly.db"));
    {
        Connection c(missing, kKey, QStringLiteral("QSQLCIPHER_OPEN_READONLY"));
        QVERIFY(!c.opened());
        QCOMPARE(c.error().type(), QSqlError::ConnectionError);
        QVERIFY(!QFile::exists(missing));
    }

    const QString file = path(QStringLiteral("readonly.db"));
    {
        Connection c(file);
        c.run(QStringLiteral("CREATE TABLE t(x)"));
        c.run(QStringLiteral("INSERT INTO t VALUES (7)"));
    }
    const QByteArray before = sha256Of(file);
    {
        Connection c(file, kKey, QStringLiteral(" QSQLCIPHER_OPEN_READONLY ; "));
        QVERIFY2(c.opened(), qPrintable(c.error().text()));
        QCOMPARE(c.scalar(QStringLiteral("SELECT x FROM t")).toInt(), 7);
        QSqlQuery insert(c.db());
        QVERIFY(!insert.exec(QStringLiteral("INSERT INTO t VALUES (8)")));
        QCOMPARE(insert.lastError().nativeErrorCode(), QStringLiteral("8")); // SQLITE_READONLY
    }
    QCOMPARE(sha256Of(file), before);
}

void TestSqlCipherDriver::connectOptionErrors()
{
    const QString file = path(QStringLiteral("options.db"));
    {
        Connection c(file, kKey, QStringLiteral("QSQLCIPHER_BUSY_TIMEOUT=soon"));
        QVERIFY(!c.opened());
        QVERIFY2(c.error().text().contains(QStringLiteral("QSQLCIPHER_BUSY_TIMEOUT")),
                 qPrintable(c.error().text()));
    }
    {
        Connection c(file, kKey, QStringLiteral("QSQLITE_OPEN_READONLY"));
        QVERIFY(!c.opened());
        QVERIFY2(c.error().text().contains(QStringLiteral("Unknown connect option")),
                 qPrintable(c.error().text()));
    }
    QVERIFY(!QFile::exists(file));
    Connection c(file, kKey, QStringLiteral("QSQLCIPHER_BUSY_TIMEOUT = 250"));
    QVERIFY2(c.opened(), qPrintable(c.error().text()));
}

void TestSqlCipherDriver::busyTimeout()
{
    const QString file = path(QStringLiteral("busy.db"));
    Connection writer(file);
    QVERIFY(writer.opened());
    writer.run(QStringLiteral("CREATE TABLE t(x)"));
    Connection waiter(file, kKey, QStringLiteral("QSQLCIPHER_BUSY_TIMEOUT=300"));
    QVERIFY(waiter.opened());

    QVERIFY(writer.db().transaction());
    QElapsedTimer timer;
    timer.start();
    QVERIFY(!waiter.db().transaction());
    QVERIFY2(timer.elapsed() >= 250, QByteArray::number(timer.elapsed()).constData());
    QCOMPARE(waiter.error().type(), QSqlError::TransactionError);
    QCOMPARE(waiter.error().nativeErrorCode(), QStringLiteral("5")); // SQLITE_BUSY
    QVERIFY(writer.db().commit());

    QVERIFY2(waiter.db().transaction(), qPrintable(waiter.error().text()));
    QVERIFY(waiter.db().rollback());
}

void TestSqlCipherDriver::typeRoundTrip_data()
{
    QTest::addColumn<QString>("declaredType");
    QTest::addColumn<QVariant>("in");
    QTest::addColumn<QVariant>("out");
    QTest::addColumn<QString>("storageClass");

    const auto longlong = [](qlonglong v) { return QVariant(v); };
    QTest::newRow("int") << "INTEGER" << QVariant(42) << longlong(42) << "integer";
    QTest::newRow("negative int") << "INTEGER" << QVariant(-7) << longlong(-7) << "integer";
    QTest::newRow("bool true") << "BOOLEAN" << QVariant(true) << longlong(1) << "integer";
    QTest::newRow("bool false") << "INTEGER" << QVariant(false) << longlong(0) << "integer";
    QTest::newRow("uint max") << "INTEGER" << QVariant(std::numeric_limits<uint>::max())
                              << longlong(std::numeric_limits<uint>::max()) << "integer";
    QTest::newRow("int64 max") << "INTEGER" << longlong(std::numeric_limits<qint64>::max())
                               << longlong(std::numeric_limits<qint64>::max()) << "integer";
    QTest::newRow("int64 min") << "INTEGER" << longlong(std::numeric_limits<qint64>::min())
                               << longlong(std::numeric_limits<qint64>::min()) << "integer";
    QTest::newRow("uint64 beyond int64")
        << "TEXT" << QVariant(std::numeric_limits<qulonglong>::max())
        << QVariant(QStringLiteral("18446744073709551615")) << "text";
    QTest::newRow("double") << "REAL" << QVariant(3.25) << QVariant(3.25) << "real";
    QTest::newRow("double exact") << "REAL" << QVariant(0.1 + 0.2) << QVariant(0.1 + 0.2) << "real";
    QTest::newRow("float") << "REAL" << QVariant(1.5f) << QVariant(1.5) << "real";
    const QString unicode = QString::fromUtf8("Zoë Ünal – 患者 \xF0\x9F\xA9\xBA ñ");
    QTest::newRow("unicode text") << "TEXT" << QVariant(unicode) << QVariant(unicode) << "text";
    QTest::newRow("empty text") << "TEXT" << QVariant(QStringLiteral(""))
                                << QVariant(QStringLiteral("")) << "text";
    QTest::newRow("null QString") << "TEXT" << QVariant(QString())
                                  << QVariant(QMetaType::fromType<QString>()) << "null";
    const QByteArray blob("\0a\0b\xff\0", 6);
    QTest::newRow("blob with NULs") << "BLOB" << QVariant(blob) << QVariant(blob) << "blob";
    QTest::newRow("empty blob") << "BLOB" << QVariant(QByteArray("", 0))
                                << QVariant(QByteArray("", 0)) << "blob";
    QTest::newRow("null QByteArray") << "BLOB" << QVariant(QByteArray())
                                     << QVariant(QMetaType::fromType<QByteArray>()) << "null";
    QTest::newRow("invalid variant")
        << "INTEGER" << QVariant() << QVariant(QMetaType::fromType<qlonglong>()) << "null";
    QTest::newRow("typed null int") << "INTEGER" << QVariant(QMetaType::fromType<int>())
                                    << QVariant(QMetaType::fromType<qlonglong>()) << "null";
    QTest::newRow("null in REAL") << "REAL" << QVariant() << QVariant(QMetaType::fromType<double>())
                                  << "null";
    QTest::newRow("datetime") << "DATETIME"
                              << QVariant(
                                     QDateTime(QDate(2024, 3, 1), QTime(8, 30, 15, 123), Qt::UTC))
                              << QVariant(QStringLiteral("2024-03-01T08:30:15.123Z")) << "text";
    QTest::newRow("date") << "DATE" << QVariant(QDate(2024, 2, 29))
                          << QVariant(QStringLiteral("2024-02-29")) << "text";
    QTest::newRow("time") << "TEXT" << QVariant(QTime(23, 59, 58, 7))
                          << QVariant(QStringLiteral("23:59:58.007")) << "text";
    QTest::newRow("url via toString")
        << "TEXT" << QVariant(QUrl(QStringLiteral("https://example.org/a?b=c")))
        << QVariant(QStringLiteral("https://example.org/a?b=c")) << "text";
    const QUuid uuid = QUuid::fromString(QStringLiteral("{0f8fad5b-d9cb-469f-a165-70867728950e}"));
    QTest::newRow("uuid via toString")
        << "TEXT" << QVariant(uuid) << QVariant(uuid.toString()) << "text";
}

void TestSqlCipherDriver::typeRoundTrip()
{
    QFETCH(QString, declaredType);
    QFETCH(QVariant, in);
    QFETCH(QVariant, out);
    QFETCH(QString, storageClass);

    Connection c(path(QStringLiteral("types.db")));
    QVERIFY(c.opened());
    c.run(QStringLiteral("DROP TABLE IF EXISTS v"));
    c.run(QStringLiteral("CREATE TABLE v(x %1)").arg(declaredType));

    QSqlQuery insert(c.db());
    QVERIFY(insert.prepare(QStringLiteral("INSERT INTO v(x) VALUES (?)")));
    insert.addBindValue(in);
    QVERIFY2(insert.exec(), qPrintable(insert.lastError().text()));

    QSqlQuery select(c.db());
    QVERIFY(select.exec(QStringLiteral("SELECT x, typeof(x) FROM v")));
    QVERIFY(select.next());
    const QVariant value = select.value(0);
    QCOMPARE(select.value(1).toString(), storageClass);
    QCOMPARE(value.metaType(), out.metaType());
    QCOMPARE(value.isNull(), out.isNull());
    QCOMPARE(select.isNull(0), out.isNull());
    if (!out.isNull())
        QCOMPARE(value, out);
    if (out.typeId() == QMetaType::QByteArray && !out.isNull())
        QCOMPARE(value.toByteArray().isNull(), false);
    if (out.typeId() == QMetaType::QString && !out.isNull())
        QCOMPARE(value.toString().isNull(), false);
    QVERIFY(!select.next());
}

void TestSqlCipherDriver::precisionPolicy()
{
    Connection c(path(QStringLiteral("precision.db")));
    QVERIFY(c.opened());
    c.run(QStringLiteral("CREATE TABLE n(i INTEGER, r REAL)"));
    c.run(QStringLiteral("INSERT INTO n VALUES (7, 2.75)"));

    struct Case
    {
        QSql::NumericalPrecisionPolicy policy;
        QVariant integer;
        QVariant real;
    };
    const Case cases[] = {
        {QSql::LowPrecisionDouble, QVariant(qlonglong(7)), QVariant(2.75)},
        {QSql::HighPrecision, QVariant(qlonglong(7)), QVariant(2.75)},
        {QSql::LowPrecisionInt64, QVariant(qlonglong(7)), QVariant(qlonglong(2))},
        {QSql::LowPrecisionInt32, QVariant(7), QVariant(2)},
    };
    for (const Case &expected : cases) {
        QSqlQuery query(c.db());
        query.setNumericalPrecisionPolicy(expected.policy);
        QVERIFY(query.exec(QStringLiteral("SELECT i, r FROM n")));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).metaType(), expected.integer.metaType());
        QCOMPARE(query.value(0), expected.integer);
        QCOMPARE(query.value(1).metaType(), expected.real.metaType());
        QCOMPARE(query.value(1), expected.real);
        QCOMPARE(query.record().field(0).metaType(), expected.integer.metaType());
        QCOMPARE(query.record().field(1).metaType(), expected.real.metaType());
    }

    // The default comes from the driver.
    c.db().driver()->setNumericalPrecisionPolicy(QSql::LowPrecisionInt32);
    QSqlQuery query(c.db());
    QVERIFY(query.exec(QStringLiteral("SELECT i FROM n")));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).typeId(), QMetaType::Int);
}

void TestSqlCipherDriver::positionalBinding()
{
    Connection c(path(QStringLiteral("positional.db")));
    QVERIFY(c.opened());
    QVERIFY(!c.db().driver()->hasFeature(QSqlDriver::NamedPlaceholders));
    QVERIFY(c.db().driver()->hasFeature(QSqlDriver::PositionalPlaceholders));
    c.run(QStringLiteral("CREATE TABLE p(a INTEGER, b TEXT, c TEXT)"));

    QSqlQuery insert(c.db());
    QVERIFY(insert.prepare(QStringLiteral("INSERT INTO p(a, b, c) VALUES (?, ?, '?')")));
    insert.addBindValue(1);
    insert.addBindValue(QStringLiteral("first"));
    QVERIFY2(insert.exec(), qPrintable(insert.lastError().text()));
    insert.bindValue(1, QStringLiteral("second"));
    insert.bindValue(0, 2);
    QVERIFY2(insert.exec(), qPrintable(insert.lastError().text()));

    QSqlQuery select(c.db());
    QVERIFY(select.prepare(QStringLiteral("SELECT b, c FROM p WHERE a = ? ORDER BY a")));
    select.addBindValue(2);
    QVERIFY(select.exec());
    QVERIFY(select.next());
    QCOMPARE(select.value(0).toString(), QStringLiteral("second"));
    QCOMPARE(select.value(1).toString(), QStringLiteral("?"));
    QVERIFY(!select.next());
}

void TestSqlCipherDriver::namedBinding()
{
    Connection c(path(QStringLiteral("named.db")));
    QVERIFY(c.opened());
    c.run(QStringLiteral("CREATE TABLE p(id INTEGER, name TEXT, note TEXT)"));

    QSqlQuery insert(c.db());
    QVERIFY(insert.prepare(
        QStringLiteral("INSERT INTO p(id, name, note) VALUES (:id, :name, ':not_a_placeholder')")));
    insert.bindValue(QStringLiteral(":name"), QStringLiteral("Grace"));
    insert.bindValue(QStringLiteral(":id"), 10);
    QVERIFY2(insert.exec(), qPrintable(insert.lastError().text()));

    QSqlQuery select(c.db());
    QVERIFY(select.prepare(QStringLiteral(
        "SELECT name, note, :bonus + :bonus + id FROM p WHERE id = :id AND name = :name")));
    select.bindValue(QStringLiteral(":id"), 10);
    select.bindValue(QStringLiteral(":name"), QStringLiteral("Grace"));
    select.bindValue(QStringLiteral(":bonus"), 5);
    QVERIFY2(select.exec(), qPrintable(select.lastError().text()));
    QVERIFY(select.next());
    QCOMPARE(select.value(0).toString(), QStringLiteral("Grace"));
    QCOMPARE(select.value(1).toString(), QStringLiteral(":not_a_placeholder"));
    QCOMPARE(select.value(2).toLongLong(), qlonglong(20));
    QVERIFY(!select.next());

    // Named placeholders bound by position work too.
    QSqlQuery byPosition(c.db());
    QVERIFY(byPosition.prepare(QStringLiteral("SELECT count(*) FROM p WHERE id = :id")));
    byPosition.addBindValue(10);
    QVERIFY(byPosition.exec());
    QVERIFY(byPosition.next());
    QCOMPARE(byPosition.value(0).toInt(), 1);
}

void TestSqlCipherDriver::reExecPreparedStatement()
{
    Connection c(path(QStringLiteral("reexec.db")));
    QVERIFY(c.opened());
    c.run(QStringLiteral("CREATE TABLE r(n INTEGER, label TEXT)"));

    QSqlQuery insert(c.db());
    QVERIFY(insert.prepare(QStringLiteral("INSERT INTO r(n, label) VALUES (:n, :label)")));
    const QVariant statement = statementHandle(insert);
    QCOMPARE(statement.typeName(), "sqlite3_stmt*");
    QVERIFY(statement.value<sqlite3_stmt *>());
    for (int i = 0; i < 100; ++i) {
        insert.bindValue(QStringLiteral(":n"), i);
        insert.bindValue(QStringLiteral(":label"), QStringLiteral("row %1").arg(i));
        QVERIFY2(insert.exec(), qPrintable(insert.lastError().text()));
        QCOMPARE(insert.numRowsAffected(), 1);
    }
    // The statement was prepared once and reused, not re-prepared per exec.
    QCOMPARE(statementHandle(insert).value<sqlite3_stmt *>(), statement.value<sqlite3_stmt *>());

    QSqlQuery select(c.db());
    QVERIFY(select.prepare(QStringLiteral("SELECT label FROM r WHERE n = ?")));
    for (int n : {0, 42, 99}) {
        select.addBindValue(n);
        QVERIFY(select.exec());
        QVERIFY(select.next());
        QCOMPARE(select.value(0).toString(), QStringLiteral("row %1").arg(n));
    }
    QCOMPARE(c.scalar(QStringLiteral("SELECT count(*), sum(n) FROM r")).toInt(), 100);
}

// Text and blobs are bound without a copy in SQLite: the result keeps their bytes while the
// statement reads rows, long after the list the caller bound them from is gone. Under ASan a
// bound value freed too early is a use after free; here it would also find other rows.
void TestSqlCipherDriver::boundBytesLastWhileRowsAreRead()
{
    Connection c(path(QStringLiteral("bound.db")));
    QVERIFY(c.opened());
    c.run(QStringLiteral("CREATE TABLE b(label TEXT, data BLOB)"));
    QVERIFY(c.db().transaction());
    QSqlQuery insert(c.db());
    QVERIFY(insert.prepare(QStringLiteral("INSERT INTO b(label, data) VALUES (?, ?)")));
    for (int i = 0; i < 3000; ++i) {
        insert.addBindValue(QStringLiteral("row %1").arg(i, 4, 10, QLatin1Char('0')));
        insert.addBindValue(QByteArray(i % 7, char('a' + i % 5)));
        QVERIFY2(insert.exec(), qPrintable(insert.lastError().text()));
    }
    QVERIFY(c.db().commit());

    QSqlResult *result = c.db().driver()->createResult();
    auto *direct = dynamic_cast<DirectBinding *>(result);
    QVERIFY(direct);
    QSqlQuery select(result);
    select.setForwardOnly(true);
    QVERIFY(select.prepare(
        QStringLiteral("SELECT label FROM b WHERE label >= ? AND data <> ? ORDER BY rowid")));
    {
        const QVariantList values{QStringLiteral("row 1000"), QByteArray(3, 'd')};
        QVERIFY2(direct->execWith(values, false), qPrintable(select.lastError().text()));
    }
    // Memory freed now would be handed out again here and written over.
    std::vector<QByteArray> scribbles;
    for (int i = 0; i < 1000; ++i)
        scribbles.emplace_back(int(8 + i % 64), 'z');
    int rows = 0;
    while (select.next()) {
        QVERIFY(select.value(0).toString() >= QStringLiteral("row 1000"));
        ++rows;
    }
    // Rows 1000..2999, less those whose blob is "ddd" (i % 7 == 3 and i % 5 == 3).
    int expected = 0;
    for (int i = 1000; i < 3000; ++i)
        expected += (i % 7 == 3 && i % 5 == 3) ? 0 : 1;
    QCOMPARE(rows, expected);
    QCOMPARE(select.lastError().type(), QSqlError::NoError);

    // Bound again, the same statement reads with the new values only.
    QVERIFY(direct->execWith({QStringLiteral("row 2990"), QByteArray(1, 'q')}, false));
    rows = 0;
    while (select.next())
        ++rows;
    QCOMPARE(rows, 10);
}

void TestSqlCipherDriver::placeholderCountMismatch()
{
    Connection c(path(QStringLiteral("mismatch.db")));
    QVERIFY(c.opened());
    c.run(QStringLiteral("CREATE TABLE m(a, b)"));
    QSqlQuery insert(c.db());
    QVERIFY(insert.prepare(QStringLiteral("INSERT INTO m VALUES (?, ?)")));
    insert.addBindValue(1);
    QVERIFY(!insert.exec());
    QCOMPARE(insert.lastError().type(), QSqlError::StatementError);
    QVERIFY2(insert.lastError().text().contains(QStringLiteral("2 placeholders")),
             qPrintable(insert.lastError().text()));

    QSqlQuery unprepared(c.db());
    QVERIFY(!unprepared.exec(QStringLiteral("SELECT ?")));
    QCOMPARE(unprepared.lastError().type(), QSqlError::StatementError);

    QSqlQuery unbindable(c.db());
    QVERIFY(unbindable.prepare(QStringLiteral("INSERT INTO m VALUES (?, 1)")));
    unbindable.addBindValue(QVariant::fromValue(std::pair<int, int>(1, 2)));
    QVERIFY(!unbindable.exec());
    QVERIFY2(unbindable.lastError().text().contains(QStringLiteral("Cannot bind")),
             qPrintable(unbindable.lastError().text()));
    QCOMPARE(c.scalar(QStringLiteral("SELECT count(*) FROM m")).toInt(), 0);
}

void TestSqlCipherDriver::execBatch()
{
    Connection c(path(QStringLiteral("batch.db")));
    QVERIFY(c.opened());
    c.run(QStringLiteral("CREATE TABLE b(n INTEGER, s TEXT)"));
    QSqlQuery insert(c.db());
    QVERIFY(insert.prepare(QStringLiteral("INSERT INTO b VALUES (?, ?)")));
    insert.addBindValue(QVariantList{1, 2, 3});
    insert.addBindValue(QVariantList{QStringLiteral("a"), QStringLiteral("b"), QVariant()});
    QVERIFY2(insert.execBatch(), qPrintable(insert.lastError().text()));
    QCOMPARE(
        c.scalar(QStringLiteral("SELECT group_concat(n || ifnull(s, '-'), ',') FROM b")).toString(),
        QStringLiteral("1a,2b,3-"));
}

void TestSqlCipherDriver::transactions()
{
    Connection c(path(QStringLiteral("transactions.db")));
    QVERIFY(c.opened());
    QVERIFY(c.db().driver()->hasFeature(QSqlDriver::Transactions));
    c.run(QStringLiteral("CREATE TABLE t(x)"));

    QVERIFY(c.db().transaction());
    c.run(QStringLiteral("INSERT INTO t VALUES (1)"));
    QVERIFY(c.db().commit());

    QVERIFY(c.db().transaction());
    c.run(QStringLiteral("INSERT INTO t VALUES (2)"));
    QCOMPARE(c.scalar(QStringLiteral("SELECT count(*) FROM t")).toInt(), 2);
    QVERIFY(c.db().rollback());
    QCOMPARE(c.scalar(QStringLiteral("SELECT group_concat(x) FROM t")).toString(),
             QStringLiteral("1"));

    QVERIFY(c.db().transaction());
    QVERIFY(!c.db().transaction());
    QCOMPARE(c.error().type(), QSqlError::TransactionError);
    QVERIFY(c.db().rollback());
    QVERIFY(!c.db().commit());
    QCOMPARE(c.error().type(), QSqlError::TransactionError);
    QVERIFY(!c.error().databaseText().isEmpty());
}

void TestSqlCipherDriver::lastInsertIdAndRowsAffected()
{
    Connection c(path(QStringLiteral("ids.db")));
    QVERIFY(c.opened());
    QVERIFY(c.db().driver()->hasFeature(QSqlDriver::LastInsertId));

    QSqlQuery query(c.db());
    QVERIFY(query.exec(QStringLiteral("CREATE TABLE t(id INTEGER PRIMARY KEY, x INTEGER)")));
    QCOMPARE(query.numRowsAffected(), 0);
    QVERIFY(!query.lastInsertId().isValid());

    QVERIFY(query.exec(QStringLiteral("INSERT INTO t(id, x) VALUES (41, 1)")));
    QCOMPARE(query.lastInsertId(), QVariant(qlonglong(41)));
    QVERIFY(query.prepare(QStringLiteral("INSERT INTO t(x) VALUES (?)")));
    for (int i = 2; i <= 5; ++i) {
        query.addBindValue(i);
        QVERIFY(query.exec());
        QCOMPARE(query.lastInsertId().toLongLong(), qlonglong(40 + i));
        QCOMPARE(query.numRowsAffected(), 1);
    }

    QVERIFY(query.exec(QStringLiteral("UPDATE t SET x = x * 10 WHERE x >= 3")));
    QCOMPARE(query.numRowsAffected(), 3);
    QVERIFY(!query.lastInsertId().isValid());

    QVERIFY(query.exec(QStringLiteral("UPDATE t SET x = 0 WHERE x < 0")));
    QCOMPARE(query.numRowsAffected(), 0);

    QVERIFY(query.exec(QStringLiteral("DELETE FROM t WHERE x > 20")));
    QCOMPARE(query.numRowsAffected(), 3);

    QVERIFY(query.exec(QStringLiteral("CREATE INDEX t_x ON t(x)")));
    QCOMPARE(query.numRowsAffected(), 0);

    QVERIFY(query.exec(QStringLiteral("SELECT * FROM t")));
    QCOMPARE(query.numRowsAffected(), -1);
    QCOMPARE(query.size(), -1);
}

void TestSqlCipherDriver::recordMetadata()
{
    Connection c(path(QStringLiteral("record.db")));
    QVERIFY(c.opened());
    c.run(QStringLiteral("CREATE TABLE patient(id INTEGER PRIMARY KEY, name TEXT NOT NULL, "
                         "photo BLOB, weight REAL, born DATE, active BOOLEAN, note)"));
    c.run(QStringLiteral("INSERT INTO patient VALUES (1, 'Ada', X'00', 61.5, '1815-12-10', 1, "
                         "'hi')"));

    QSqlQuery query(c.db());
    QVERIFY(query.exec(QStringLiteral("SELECT p.id, p.name AS full_name, p.photo, p.weight, "
                                      "p.born, p.active, p.note, p.id * 2 AS doubled, "
                                      "upper(p.name) AS shout FROM patient p")));
    const QSqlRecord record = query.record();
    const QStringList names = {
        QStringLiteral("id"),     QStringLiteral("full_name"), QStringLiteral("photo"),
        QStringLiteral("weight"), QStringLiteral("born"),      QStringLiteral("active"),
        QStringLiteral("note"),   QStringLiteral("doubled"),   QStringLiteral("shout")};
    const QList<QMetaType> types = {
        QMetaType::fromType<qlonglong>(),  QMetaType::fromType<QString>(),
        QMetaType::fromType<QByteArray>(), QMetaType::fromType<double>(),
        QMetaType::fromType<QString>(),    QMetaType::fromType<qlonglong>(),
        QMetaType::fromType<QString>(),    QMetaType::fromType<qlonglong>(),
        QMetaType::fromType<QString>()};
    QCOMPARE(record.count(), int(names.size()));
    for (int i = 0; i < record.count(); ++i) {
        QCOMPARE(record.fieldName(i), names.at(i));
        QCOMPARE(record.field(i).metaType(), types.at(i));
    }
    QCOMPARE(record.field(0).tableName(), QStringLiteral("patient"));
    QCOMPARE(record.field(1).tableName(), QStringLiteral("patient"));
    QCOMPARE(record.field(7).tableName(), QString());
    QCOMPARE(record.field(1).requiredStatus(), QSqlField::Required);
    QCOMPARE(record.field(2).requiredStatus(), QSqlField::Optional);
    QCOMPARE(record.field(7).requiredStatus(), QSqlField::Unknown);

    QVERIFY(query.next());
    const QSqlRecord row = query.record();
    QCOMPARE(row.value(QStringLiteral("full_name")).toString(), QStringLiteral("Ada"));
    QCOMPARE(row.value(QStringLiteral("doubled")).toLongLong(), qlonglong(2));
    QCOMPARE(row.value(QStringLiteral("shout")).toString(), QStringLiteral("ADA"));
}

void TestSqlCipherDriver::forwardOnlyTenThousandRows()
{
    constexpr int kRows = 10000;
    Connection c(path(QStringLiteral("tenthousand.db")));
    QVERIFY(c.opened());
    c.run(QStringLiteral("CREATE TABLE big(n INTEGER, label TEXT)"));
    QVERIFY(c.db().transaction());
    {
        QSqlQuery insert(c.db());
        QVERIFY(insert.prepare(QStringLiteral("INSERT INTO big VALUES (?, ?)")));
        for (int i = 0; i < kRows; ++i) {
            insert.addBindValue(i);
            insert.addBindValue(QStringLiteral("label %1").arg(i));
            QVERIFY(insert.exec());
        }
    }
    QVERIFY(c.db().commit());

    QSqlQuery query(c.db());
    query.setForwardOnly(true);
    QVERIFY(query.exec(QStringLiteral("SELECT n, label FROM big ORDER BY n")));
    int count = 0;
    qlonglong sum = 0;
    while (query.next()) {
        QCOMPARE(query.at(), count);
        sum += query.value(0).toLongLong();
        if (count % 1000 == 0)
            QCOMPARE(query.value(1).toString(), QStringLiteral("label %1").arg(count));
        ++count;
    }
    QVERIFY(!query.lastError().isValid());
    QCOMPARE(count, kRows);
    QCOMPARE(sum, qlonglong(kRows) * (kRows - 1) / 2);
    QCOMPARE(query.at(), int(QSql::AfterLastRow));

    // Forward-only cannot go back, but last() works.
    QVERIFY(query.exec(QStringLiteral("SELECT n FROM big ORDER BY n")));
    QVERIFY(query.next());
    QVERIFY(query.next());
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("forward only")));
    QVERIFY(!query.previous());
    QVERIFY(query.last());
    QCOMPARE(query.at(), kRows - 1);
    QCOMPARE(query.value(0).toInt(), kRows - 1);
    QVERIFY(!query.next());
}

void TestSqlCipherDriver::scrollableNavigation()
{
    Connection c(path(QStringLiteral("scroll.db")));
    QVERIFY(c.opened());
    c.run(QStringLiteral("CREATE TABLE s(n INTEGER)"));
    c.run(QStringLiteral("WITH RECURSIVE k(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM k WHERE "
                         "n < 99) INSERT INTO s SELECT n FROM k"));

    QSqlQuery query(c.db());
    QVERIFY(!query.isForwardOnly());
    QVERIFY(query.exec(QStringLiteral("SELECT n, n * n FROM s ORDER BY n")));
    QVERIFY(query.seek(50));
    QCOMPARE(query.value(0).toInt(), 50);
    QVERIFY(query.previous());
    QCOMPARE(query.value(0).toInt(), 49);
    QVERIFY(query.last());
    QCOMPARE(query.at(), 99);
    QCOMPARE(query.value(1).toInt(), 99 * 99);
    QVERIFY(query.first());
    QCOMPARE(query.value(0).toInt(), 0);
    QVERIFY(query.seek(10, true));
    QCOMPARE(query.value(0).toInt(), 10);
    QVERIFY(!query.seek(100));
    QVERIFY(query.seek(99));
    QVERIFY(!query.next());
    QVERIFY(query.previous());
    QCOMPARE(query.value(0).toInt(), 99);

    QVERIFY(query.exec(QStringLiteral("SELECT n FROM s WHERE n < 0")));
    QVERIFY(!query.first());
    QVERIFY(!query.last());
    QVERIFY(!query.next());
}

void TestSqlCipherDriver::finishReleasesReadLock()
{
    const QString file = path(QStringLiteral("finish.db"));
    Connection reader(file);
    QVERIFY(reader.opened());
    reader.run(QStringLiteral("CREATE TABLE f(n)"));
    reader.run(QStringLiteral("INSERT INTO f VALUES (1), (2), (3)"));
    Connection writer(file, kKey, QStringLiteral("QSQLCIPHER_BUSY_TIMEOUT=100"));
    QVERIFY(writer.opened());

    QSqlQuery read(reader.db());
    read.setForwardOnly(true);
    QVERIFY(read.exec(QStringLiteral("SELECT n FROM f")));
    QVERIFY(read.next());

    // An unfinished read holds a shared lock, so the writer cannot commit.
    QSqlQuery write(writer.db());
    QVERIFY(!write.exec(QStringLiteral("INSERT INTO f VALUES (4)")));
    QCOMPARE(write.lastError().nativeErrorCode(), QStringLiteral("5"));

    read.finish();
    QVERIFY(!read.isActive());
    QVERIFY2(write.exec(QStringLiteral("INSERT INTO f VALUES (4)")),
             qPrintable(write.lastError().text()));
    QVERIFY(read.exec());
    QVERIFY(read.next());
}

void TestSqlCipherDriver::errors()
{
    Connection c(path(QStringLiteral("errors.db")));
    QVERIFY(c.opened());
    c.run(QStringLiteral("CREATE TABLE e(id INTEGER PRIMARY KEY, code TEXT UNIQUE, name TEXT NOT "
                         "NULL, age INTEGER CHECK (age >= 0))"));
    c.run(QStringLiteral("INSERT INTO e(code, name, age) VALUES ('A', 'first', 1)"));

    QSqlQuery syntax(c.db());
    QVERIFY(!syntax.prepare(QStringLiteral("SELEC * FROM e")));
    QCOMPARE(syntax.lastError().type(), QSqlError::StatementError);
    QCOMPARE(syntax.lastError().nativeErrorCode(), QStringLiteral("1"));
    QVERIFY2(syntax.lastError().text().contains(QStringLiteral("syntax error")),
             qPrintable(syntax.lastError().text()));
    QVERIFY(!syntax.exec());

    QSqlQuery missing(c.db());
    QVERIFY(!missing.exec(QStringLiteral("SELECT * FROM nowhere")));
    QVERIFY(missing.lastError().databaseText().contains(QStringLiteral("no such table")));

    struct Violation
    {
        QString sql;
        QString nativeCode;
        QString text;
    };
    const Violation violations[] = {
        {QStringLiteral("INSERT INTO e(code, name, age) VALUES ('A', 'again', 2)"),
         QStringLiteral("2067"), QStringLiteral("UNIQUE constraint failed: e.code")},
        {QStringLiteral("INSERT INTO e(code, name, age) VALUES ('B', NULL, 2)"),
         QStringLiteral("1299"), QStringLiteral("NOT NULL constraint failed: e.name")},
        {QStringLiteral("INSERT INTO e(code, name, age) VALUES ('C', 'c', -1)"),
         QStringLiteral("275"), QStringLiteral("CHECK constraint failed")},
        {QStringLiteral("INSERT INTO e(id, code, name, age) VALUES (1, 'D', 'd', 2)"),
         QStringLiteral("1555"), QStringLiteral("UNIQUE constraint failed: e.id")},
    };
    for (const Violation &violation : violations) {
        QSqlQuery insert(c.db());
        QVERIFY(insert.prepare(violation.sql));
        QVERIFY(!insert.exec());
        const QSqlError error = insert.lastError();
        QCOMPARE(error.type(), QSqlError::StatementError);
        QCOMPARE(error.nativeErrorCode(), violation.nativeCode);
        QVERIFY2(error.text().contains(violation.text), qPrintable(error.text()));
        QVERIFY(!insert.isActive());
    }
    QCOMPARE(c.scalar(QStringLiteral("SELECT count(*) FROM e")).toInt(), 1);
}

void TestSqlCipherDriver::trailingSemicolonAndMultipleStatements()
{
    Connection c(path(QStringLiteral("semicolon.db")));
    QVERIFY(c.opened());
    QSqlQuery query(c.db());
    QVERIFY2(query.exec(QStringLiteral("CREATE TABLE t(x);  \n\t")),
             qPrintable(query.lastError().text()));
    QVERIFY(query.exec(QStringLiteral("INSERT INTO t VALUES (1);;  -- done\n")));
    QVERIFY(query.exec(QStringLiteral("SELECT x FROM t; /* trailing comment */ ")));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toInt(), 1);

    QVERIFY(!query.exec(QStringLiteral("INSERT INTO t VALUES (2); INSERT INTO t VALUES (3)")));
    QCOMPARE(query.lastError().type(), QSqlError::StatementError);
    QVERIFY2(query.lastError().text().contains(QStringLiteral("more than one statement")),
             qPrintable(query.lastError().text()));
    QCOMPARE(c.scalar(QStringLiteral("SELECT count(*) FROM t")).toInt(), 1);

    QVERIFY(!query.exec(QStringLiteral("-- only a comment")));
}

void TestSqlCipherDriver::tablesRecordAndPrimaryIndex()
{
    Connection c(path(QStringLiteral("schema.db")));
    QVERIFY(c.opened());
    c.run(QStringLiteral("CREATE TABLE patient(id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT "
                         "NOT NULL, photo BLOB, weight REAL, born DATE, flags)"));
    c.run(QStringLiteral("CREATE TABLE visit(patient_id INTEGER NOT NULL, seq INTEGER NOT NULL, "
                         "reason TEXT DEFAULT 'check-up', PRIMARY KEY (seq, patient_id))"));
    c.run(QStringLiteral("CREATE TABLE \"odd \"\"name\"(x INTEGER)"));
    c.run(QStringLiteral("CREATE VIEW upcoming AS SELECT patient_id FROM visit"));
    c.run(QStringLiteral("CREATE TEMP TABLE scratch(x)"));
    c.run(QStringLiteral("INSERT INTO patient(name) VALUES ('Ada')"));

    const QSqlDatabase db = c.db();
    const QStringList tables = db.tables(QSql::Tables);
    QVERIFY(tables.contains(QStringLiteral("patient")));
    QVERIFY(tables.contains(QStringLiteral("visit")));
    QVERIFY(tables.contains(QStringLiteral("odd \"name")));
    QVERIFY(tables.contains(QStringLiteral("scratch")));
    QVERIFY(!tables.contains(QStringLiteral("upcoming")));
    QVERIFY(!tables.contains(QStringLiteral("sqlite_sequence")));
    QCOMPARE(db.tables(QSql::Views), QStringList{QStringLiteral("upcoming")});
    const QStringList system = db.tables(QSql::SystemTables);
    QVERIFY(system.contains(QStringLiteral("sqlite_master")));
    QVERIFY(system.contains(QStringLiteral("sqlite_sequence")));
    QVERIFY(!system.contains(QStringLiteral("patient")));
    QCOMPARE(db.tables(QSql::AllTables).size(), tables.size() + system.size() + 1);

    const QSqlRecord patient = db.record(QStringLiteral("patient"));
    QCOMPARE(patient.count(), 6);
    QCOMPARE(patient.field(0).name(), QStringLiteral("id"));
    QCOMPARE(patient.field(0).metaType(), QMetaType::fromType<qlonglong>());
    QVERIFY(patient.field(0).isAutoValue());
    QCOMPARE(patient.field(0).tableName(), QStringLiteral("patient"));
    QCOMPARE(patient.field(1).metaType(), QMetaType::fromType<QString>());
    QCOMPARE(patient.field(1).requiredStatus(), QSqlField::Required);
    QVERIFY(!patient.field(1).isAutoValue());
    QCOMPARE(patient.field(2).metaType(), QMetaType::fromType<QByteArray>());
    QCOMPARE(patient.field(2).requiredStatus(), QSqlField::Optional);
    QCOMPARE(patient.field(3).metaType(), QMetaType::fromType<double>());
    QCOMPARE(patient.field(4).metaType(), QMetaType::fromType<QString>());
    QCOMPARE(patient.field(5).metaType(), QMetaType());

    const QSqlRecord visit = db.record(QStringLiteral("visit"));
    QCOMPARE(visit.count(), 3);
    QCOMPARE(visit.field(2).name(), QStringLiteral("reason"));
    QCOMPARE(visit.field(2).defaultValue(), QVariant(QStringLiteral("check-up")));
    QVERIFY(!visit.field(0).isAutoValue());
    QCOMPARE(db.record(QStringLiteral("\"visit\"")), visit);
    QCOMPARE(db.record(QStringLiteral("main.visit")), visit);
    QCOMPARE(db.record(QStringLiteral("\"odd \"\"name\"")).fieldName(0), QStringLiteral("x"));
    QCOMPARE(db.record(QStringLiteral("upcoming")).fieldName(0), QStringLiteral("patient_id"));
    QVERIFY(db.record(QStringLiteral("nowhere")).isEmpty());
    QVERIFY(db.record(QStringLiteral("x'); DROP TABLE visit; --")).isEmpty());
    QVERIFY(db.tables().contains(QStringLiteral("visit")));

    const QSqlIndex visitKey = db.primaryIndex(QStringLiteral("visit"));
    QCOMPARE(visitKey.count(), 2);
    QCOMPARE(visitKey.fieldName(0), QStringLiteral("seq"));
    QCOMPARE(visitKey.fieldName(1), QStringLiteral("patient_id"));
    const QSqlIndex patientKey = db.primaryIndex(QStringLiteral("patient"));
    QCOMPARE(patientKey.count(), 1);
    QCOMPARE(patientKey.fieldName(0), QStringLiteral("id"));
    QVERIFY(db.primaryIndex(QStringLiteral("scratch")).isEmpty());
}

void TestSqlCipherDriver::escapeAndFormat()
{
    Connection c(path(QStringLiteral("format.db")));
    QVERIFY(c.opened());
    const QSqlDriver *driver = c.db().driver();

    QCOMPARE(driver->escapeIdentifier(QStringLiteral("name"), QSqlDriver::FieldName),
             QStringLiteral("\"name\""));
    QCOMPARE(driver->escapeIdentifier(QStringLiteral("we\"ird"), QSqlDriver::FieldName),
             QStringLiteral("\"we\"\"ird\""));
    QCOMPARE(driver->escapeIdentifier(QStringLiteral("main.visit"), QSqlDriver::TableName),
             QStringLiteral("\"main\".\"visit\""));
    QCOMPARE(driver->escapeIdentifier(QStringLiteral("\"done\""), QSqlDriver::TableName),
             QStringLiteral("\"done\""));

    const auto literal = [driver](const QVariant &value) {
        QSqlField field(QStringLiteral("f"), value.metaType());
        field.setValue(value);
        return driver->formatValue(field);
    };
    QCOMPARE(literal(QByteArray("\x01\xff\0", 3)), QStringLiteral("X'01ff00'"));
    QCOMPARE(literal(QStringLiteral("O'Brien")), QStringLiteral("'O''Brien'"));
    QCOMPARE(literal(true), QStringLiteral("1"));
    QCOMPARE(literal(QDateTime(QDate(2024, 3, 1), QTime(8, 30, 15, 123), Qt::UTC)),
             QStringLiteral("'2024-03-01T08:30:15.123Z'"));
    QSqlField nullField(QStringLiteral("f"), QMetaType::fromType<int>());
    QCOMPARE(driver->formatValue(nullField), QStringLiteral("NULL"));

    // The literals mean to SQLite what the bound values would.
    QSqlQuery query(c.db());
    QVERIFY(query.exec(
        QStringLiteral("SELECT %1, typeof(%1), %2")
            .arg(literal(QByteArray("\x01\xff\0", 3)), literal(QStringLiteral("O'Brien")))));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toByteArray(), QByteArray("\x01\xff\0", 3));
    QCOMPARE(query.value(1).toString(), QStringLiteral("blob"));
    QCOMPARE(query.value(2).toString(), QStringLiteral("O'Brien"));
}

void TestSqlCipherDriver::handles()
{
    Connection c(path(QStringLiteral("handles.db")));
    QVERIFY(c.opened());
    const QVariant handle = c.db().driver()->handle();
    QCOMPARE(handle.typeName(), "sqlite3*");
    QVERIFY(handle.value<sqlite3 *>());
    c.db().close();
    QVERIFY(!c.db().driver()->handle().value<sqlite3 *>());
}

void TestSqlCipherDriver::closeWithLiveQueries()
{
    Connection c(path(QStringLiteral("close.db")));
    QVERIFY(c.opened());
    c.run(QStringLiteral("CREATE TABLE t(x)"));
    c.run(QStringLiteral("INSERT INTO t VALUES (1), (2)"));

    QSqlQuery prepared(c.db());
    QVERIFY(prepared.prepare(QStringLiteral("INSERT INTO t VALUES (?)")));
    QSqlQuery reading(c.db());
    QVERIFY(reading.exec(QStringLiteral("SELECT x FROM t")));
    QVERIFY(reading.next());

    QSqlDatabase db = c.db();
    db.close();
    QVERIFY(!db.isOpen());
    QVERIFY(!reading.isActive());
    prepared.addBindValue(3);
    QVERIFY(!prepared.exec());
    QVERIFY(!statementHandle(prepared).value<sqlite3_stmt *>());

    QVERIFY2(db.open(), qPrintable(db.lastError().text()));
    QVERIFY(prepared.prepare(QStringLiteral("INSERT INTO t VALUES (?)")));
    prepared.addBindValue(3);
    QVERIFY2(prepared.exec(), qPrintable(prepared.lastError().text()));
    QCOMPARE(c.scalar(QStringLiteral("SELECT count(*) FROM t")).toInt(), 3);
}

void TestSqlCipherDriver::oneConnectionPerThread()
{
    const QString file = path(QStringLiteral("threads.db"));
    {
        Connection c(file);
        QVERIFY(c.opened());
        c.run(QStringLiteral("CREATE TABLE t(thread INTEGER, n INTEGER)"));
    }
    std::atomic<int> failures = 0;
    std::vector<std::thread> threads;
    for (int t = 0; t < 3; ++t) {
        threads.emplace_back([&, t] {
            Connection c(file, kKey, QStringLiteral("QSQLCIPHER_BUSY_TIMEOUT=20000"));
            if (!c.opened()) {
                ++failures;
                return;
            }
            QSqlQuery insert(c.db());
            if (!insert.prepare(QStringLiteral("INSERT INTO t VALUES (?, ?)")))
                ++failures;
            for (int batch = 0; batch < 10; ++batch) {
                if (!c.db().transaction()) {
                    ++failures;
                    continue;
                }
                for (int i = 0; i < 20; ++i) {
                    insert.addBindValue(t);
                    insert.addBindValue(batch * 20 + i);
                    if (!insert.exec())
                        ++failures;
                }
                if (!c.db().commit())
                    ++failures;
            }
        });
    }
    for (std::thread &thread : threads)
        thread.join();
    QCOMPARE(failures.load(), 0);
    Connection c(file);
    QCOMPARE(c.scalar(QStringLiteral("SELECT count(*) FROM t")).toInt(), 600);
    QCOMPARE(c.scalar(QStringLiteral("SELECT count(DISTINCT thread) FROM t")).toInt(), 3);
}

void TestSqlCipherDriver::noPlaintextOnDisk()
{
    const QByteArray marker(kMarker);
    const QString markerText = QString::fromLatin1(kMarker);
    const QByteArray sqliteHeader("SQLite format 3\0", 16);

    const auto writeMarkers = [&](const Connection &c) {
        QSqlQuery insert(c.db());
        QVERIFY(insert.prepare(QStringLiteral("INSERT INTO secret(text, data) VALUES (?, ?)")));
        for (int i = 0; i < 50; ++i) {
            insert.addBindValue(QStringLiteral("%1 #%2").arg(markerText).arg(i));
            insert.addBindValue(marker);
            QVERIFY(insert.exec());
        }
    };
    const auto checkFile = [&](const QString &file) {
        const QByteArray bytes = contentsOf(file);
        QVERIFY2(!bytes.contains(marker), qPrintable(file));
        QVERIFY2(!bytes.contains(QByteArray("CREATE TABLE secret")), qPrintable(file));
    };

    // Rollback journal: the journal holds the old pages while a transaction is open.
    const QString journaled = path(QStringLiteral("plaintext-journal.db"));
    {
        Connection c(journaled);
        QVERIFY(c.opened());
        QCOMPARE(c.scalar(QStringLiteral("PRAGMA journal_mode")).toString(),
                 QStringLiteral("delete"));
        c.run(QStringLiteral("CREATE TABLE secret(text TEXT, data BLOB)"));
        writeMarkers(c);
        QVERIFY(c.db().transaction());
        c.run(QStringLiteral("UPDATE secret SET text = 'changed'"));
        const QString journal = journaled + QStringLiteral("-journal");
        QVERIFY(QFileInfo(journal).size() > 0);
        checkFile(journal);
        checkFile(journaled);
        QVERIFY(c.db().rollback());
    }
    checkFile(journaled);
    QVERIFY(!contentsOf(journaled).startsWith(sqliteHeader));

    // Write-ahead log: new pages live in the -wal file until a checkpoint.
    const QString logged = path(QStringLiteral("plaintext-wal.db"));
    {
        Connection c(logged);
        QVERIFY(c.opened());
        QCOMPARE(c.scalar(QStringLiteral("PRAGMA journal_mode = WAL")).toString(),
                 QStringLiteral("wal"));
        c.run(QStringLiteral("CREATE TABLE secret(text TEXT, data BLOB)"));
        writeMarkers(c);
        const QString wal = logged + QStringLiteral("-wal");
        QVERIFY(QFileInfo(wal).size() > 0);
        checkFile(wal);
        checkFile(logged);
        checkFile(logged + QStringLiteral("-shm"));
    }
    checkFile(logged);
    const QByteArray head = contentsOf(logged).left(16);
    QCOMPARE(head.size(), qsizetype(16));
    QVERIFY(head != sqliteHeader);

    Connection reopened(logged);
    QCOMPARE(reopened.scalar(QStringLiteral("SELECT count(*) FROM secret")).toInt(), 50);
}

void TestSqlCipherDriver::processHasNoPlainSqlite()
{
    Connection c(path(QStringLiteral("maps.db")));
    QVERIFY(c.opened());
    QCOMPARE(c.scalar(QStringLiteral("PRAGMA cipher_version")).toString(), sqlCipherVersion());

    QFile maps(QStringLiteral("/proc/self/maps"));
    QVERIFY(maps.open(QIODevice::ReadOnly));
    const QByteArray mapped = maps.readAll();
    QVERIFY(!mapped.isEmpty());
    QVERIFY2(!mapped.contains("libsqlite3.so"), "plain SQLite is loaded in the process");
    QVERIFY2(!mapped.contains("libqsqlite.so"), "Qt's QSQLITE plugin is loaded in the process");
#ifdef FRONTDESK_SHARED_LIBS
    // The sanitizer build's shared libraries link SQLCipher's shared library.
    QVERIFY2(mapped.contains("libsqlcipher.so"), "the shared SQLCipher library is not loaded");
#else
    // SQLCipher is linked statically with hidden symbols, not as a shared library.
    QVERIFY2(!mapped.contains("libsqlcipher.so"), "the shared SQLCipher library is loaded");
#endif
}

QTEST_GUILESS_MAIN(TestSqlCipherDriver)
#include "tst_sqlcipherdriver.moc"
