// The real failure mode of an SQLCipher application: the process reaches plain SQLite (a second
// libsqlite3 loaded first, a wrong link order, Qt's QSQLITE plugin), "PRAGMA key" is silently
// ignored and patient data is written in clear. This test links the product's driver source
// against Debian's plain libsqlite3 and proves that the driver refuses to open anything.

#include "database/SqlCipherDriver.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QTemporaryDir>
#include <QTest>

using namespace frontdesk;

namespace {

const QString kKey =
    QStringLiteral("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");

QByteArray sha256Of(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    return hash.result();
}

} // namespace

class TestPlainSqliteGuard : public QObject
{
    Q_OBJECT

private:
    // Opens path through the driver and returns the error; the connection is removed again.
    QSqlError openThroughDriver(const QString &path, bool *opened);
    QTemporaryDir m_dir;

private slots:
    void initTestCase();
    void theProcessReallyUsesPlainSqlite();
    void refusesToCreateADatabase();
    void refusesToTouchAnExistingFile();
};

QSqlError TestPlainSqliteGuard::openThroughDriver(const QString &path, bool *opened)
{
    const QString name = QStringLiteral("guard");
    QSqlError error;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QLatin1String(kSqlCipherDriverName), name);
        db.setDatabaseName(path);
        db.setPassword(kKey);
        *opened = db.open();
        error = db.lastError();
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return error;
}

void TestPlainSqliteGuard::initTestCase()
{
    QVERIFY(m_dir.isValid());
    registerSqlCipherDriver();
}

void TestPlainSqliteGuard::theProcessReallyUsesPlainSqlite()
{
    // Otherwise the tests below would prove nothing.
    QCOMPARE(sqlCipherVersion(), QString());
    QFile maps(QStringLiteral("/proc/self/maps"));
    QVERIFY(maps.open(QIODevice::ReadOnly));
    QVERIFY(maps.readAll().contains("libsqlite3.so"));
}

void TestPlainSqliteGuard::refusesToCreateADatabase()
{
    const QString path = m_dir.filePath(QStringLiteral("patients.db"));
    QTest::ignoreMessage(QtCriticalMsg, QRegularExpression(QStringLiteral(
                                            "^SQLCipher is not active in this process")));
    bool opened = true;
    const QSqlError error = openThroughDriver(path, &opened);

    QVERIFY(!opened);
    QCOMPARE(error.type(), QSqlError::ConnectionError);
    QVERIFY2(error.text().contains(QStringLiteral(
                 "SQLCipher is not active in this process (PRAGMA cipher_version gave no "
                 "answer): the process reached plain SQLite, which would store patient data "
                 "unencrypted. Refusing to open")),
             qPrintable(error.text()));
    QVERIFY(error.text().contains(QDir::toNativeSeparators(path)));
    // sqlite3_open_v2 creates an empty file; the refusal must take it away again.
    QVERIFY(!QFile::exists(path));
    QCOMPARE(QDir(m_dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList());
}

void TestPlainSqliteGuard::refusesToTouchAnExistingFile()
{
    const QString path = m_dir.filePath(QStringLiteral("existing.db"));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(4096, '\x5a'));
    }
    const QByteArray before = sha256Of(path);
    QTest::ignoreMessage(QtCriticalMsg,
                         QRegularExpression(QStringLiteral("SQLCipher is not active")));
    bool opened = true;
    const QSqlError error = openThroughDriver(path, &opened);

    QVERIFY(!opened);
    QVERIFY2(error.text().contains(QStringLiteral("SQLCipher is not active")),
             qPrintable(error.text()));
    QCOMPARE(sha256Of(path), before);
    QCOMPARE(QDir(m_dir.path()).entryList(QDir::Files | QDir::Hidden),
             QStringList{QStringLiteral("existing.db")});
}

QTEST_GUILESS_MAIN(TestPlainSqliteGuard)
#include "tst_plainsqliteguard.moc"
