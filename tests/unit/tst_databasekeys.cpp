#include "database/DatabaseKeys.h"
#include "database/MemorySecretStore.h"

#include <QDir>
#include <QTest>

using namespace frontdesk;

namespace {

const QString dataDir = QStringLiteral("/srv/frontdesk/clinic-a");

} // namespace

class TestDatabaseKeys : public QObject
{
    Q_OBJECT

private slots:
    void accountNamesTheAbsoluteDataDir();
    void generateKeyIsRandom();
    void firstRunGeneratesAndStoresKey();
    void secondObtainReturnsSameKey();
    void differentDataDirsGetDifferentKeys();
    void keyWithoutDatabaseIsUsed();
    void existingDatabaseWithoutKeyFails();
    void wrongLengthSecretFails_data();
    void wrongLengthSecretFails();
    void unavailableStoreFails();
    void storeFailurePropagates();
    void keyNotKeptFails();
    void storeRejectsWrongLength();
    void pendingRoundTrip();
    void removeAll();
    void removeAllReportsFailure();
};

void TestDatabaseKeys::accountNamesTheAbsoluteDataDir()
{
    MemorySecretStore store;
    DatabaseKeys keys(store, QStringLiteral("/srv/frontdesk/./clinic-a/"));
    QCOMPARE(keys.account(), QStringLiteral("database-key:/srv/frontdesk/clinic-a"));
    QCOMPARE(keys.pendingAccount(), QStringLiteral("database-key:/srv/frontdesk/clinic-a#pending"));

    DatabaseKeys relative(store, QStringLiteral("data"));
    QCOMPARE(relative.account(),
             QStringLiteral("database-key:") +
                 QDir::cleanPath(QDir::current().absoluteFilePath(QStringLiteral("data"))));
}

void TestDatabaseKeys::generateKeyIsRandom()
{
    const QByteArray a = DatabaseKeys::generateKey();
    const QByteArray b = DatabaseKeys::generateKey();
    QCOMPARE(a.size(), 32);
    QCOMPARE(b.size(), 32);
    QVERIFY(a != b);
    QVERIFY(a != QByteArray(32, '\0'));
}

void TestDatabaseKeys::firstRunGeneratesAndStoresKey()
{
    MemorySecretStore store;
    DatabaseKeys keys(store, dataDir);

    const Result<QByteArray> key = keys.obtain(false);
    QVERIFY2(key.ok(), qPrintable(key.error()));
    QCOMPARE(key->size(), 32);
    QCOMPARE(store.entries().size(), 1);
    QCOMPARE(store.entries().value(keys.account()), *key);
}

void TestDatabaseKeys::secondObtainReturnsSameKey()
{
    MemorySecretStore store;
    const QByteArray first = DatabaseKeys(store, dataDir).obtain(false).value();

    // A later start finds the database and the key it was made with.
    const Result<QByteArray> second = DatabaseKeys(store, dataDir).obtain(true);
    QVERIFY2(second.ok(), qPrintable(second.error()));
    QCOMPARE(*second, first);
    QCOMPARE(store.entries().size(), 1);
}

void TestDatabaseKeys::differentDataDirsGetDifferentKeys()
{
    MemorySecretStore store;
    DatabaseKeys a(store, QStringLiteral("/data/a"));
    DatabaseKeys b(store, QStringLiteral("/data/b"));
    const QByteArray keyA = a.obtain(false).value();
    const QByteArray keyB = b.obtain(false).value();
    QVERIFY(keyA != keyB);
    QCOMPARE(store.entries().size(), 2);
    QCOMPARE(store.entries().value(a.account()), keyA);
    QCOMPARE(store.entries().value(b.account()), keyB);
}

void TestDatabaseKeys::keyWithoutDatabaseIsUsed()
{
    // A first run that stored its key but stopped before creating the database.
    MemorySecretStore store;
    DatabaseKeys keys(store, dataDir);
    const QByteArray saved(32, '\x07');
    QVERIFY(store.write(keys.account(), saved).ok());

    const Result<QByteArray> key = keys.obtain(false);
    QVERIFY2(key.ok(), qPrintable(key.error()));
    QCOMPARE(*key, saved);
}

void TestDatabaseKeys::existingDatabaseWithoutKeyFails()
{
    MemorySecretStore store;
    DatabaseKeys keys(store, dataDir);

    const Result<QByteArray> key = keys.obtain(true);
    QVERIFY(!key.ok());
    const QString &message = key.error();
    QVERIFY2(message.contains(dataDir), qPrintable(message));
    QVERIFY2(message.contains(store.description()), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("will not create a new key")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("restore the keychain entry")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("--key-file")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("frontdeskctl wipe")), qPrintable(message));
    QVERIFY(store.entries().isEmpty());
}

void TestDatabaseKeys::wrongLengthSecretFails_data()
{
    QTest::addColumn<QByteArray>("secret");
    QTest::addColumn<bool>("databaseExists");
    QTest::newRow("16 bytes, database") << QByteArray(16, 'k') << true;
    QTest::newRow("33 bytes, first run") << QByteArray(33, 'k') << false;
    QTest::newRow("empty") << QByteArray() << true;
}

void TestDatabaseKeys::wrongLengthSecretFails()
{
    QFETCH(QByteArray, secret);
    QFETCH(bool, databaseExists);
    MemorySecretStore store;
    DatabaseKeys keys(store, dataDir);
    QVERIFY(store.write(keys.account(), secret).ok());

    const Result<QByteArray> key = keys.obtain(databaseExists);
    QVERIFY(!key.ok());
    QVERIFY2(key.error().contains(keys.account()), qPrintable(key.error()));
    QVERIFY2(key.error().contains(store.description()), qPrintable(key.error()));
    QVERIFY2(key.error().contains(QString::number(secret.size())), qPrintable(key.error()));
    // The odd entry is left alone for a person to look at.
    QCOMPARE(store.entries().value(keys.account()), secret);
}

void TestDatabaseKeys::unavailableStoreFails()
{
    MemorySecretStore store;
    store.setUnavailable(QStringLiteral("no Secret Service"));
    DatabaseKeys keys(store, dataDir);

    const Result<QByteArray> key = keys.obtain(false);
    QVERIFY(!key.ok());
    QVERIFY2(key.error().contains(QStringLiteral("no Secret Service")), qPrintable(key.error()));
    QVERIFY2(key.error().contains(dataDir), qPrintable(key.error()));
}

void TestDatabaseKeys::storeFailurePropagates()
{
    MemorySecretStore store;
    store.setReadOnly(QStringLiteral("the keychain is locked"));
    DatabaseKeys keys(store, dataDir);

    const Result<QByteArray> key = keys.obtain(false);
    QVERIFY(!key.ok());
    QVERIFY2(key.error().contains(QStringLiteral("the keychain is locked")),
             qPrintable(key.error()));
    QVERIFY2(key.error().contains(store.description()), qPrintable(key.error()));
    QVERIFY(store.entries().isEmpty());

    const Status stored = keys.store(DatabaseKeys::generateKey());
    QVERIFY(!stored.ok());
    QVERIFY(stored.error().contains(QStringLiteral("the keychain is locked")));
    QVERIFY(!keys.storePending(DatabaseKeys::generateKey()).ok());
}

void TestDatabaseKeys::keyNotKeptFails()
{
    // Reads report no entry before the first write and something else after it.
    class LosingStore final : public SecretStore
    {
    public:
        Result<std::optional<QByteArray>> read(const QString &) override
        {
            if (!m_written)
                return std::optional<QByteArray>();
            return std::optional<QByteArray>(QByteArray(DatabaseKeys::keySize, 'x'));
        }
        Status write(const QString &, const QByteArray &) override
        {
            m_written = true;
            return {};
        }
        Status remove(const QString &) override
        {
            ++removals;
            return {};
        }
        QString description() const override { return QStringLiteral("the losing store"); }

        int removals = 0;

    private:
        bool m_written = false;
    };

    LosingStore store;
    DatabaseKeys keys(store, dataDir);
    const Result<QByteArray> key = keys.obtain(false);
    QVERIFY(!key.ok());
    QVERIFY2(key.error().contains(QStringLiteral("the losing store")), qPrintable(key.error()));
    QVERIFY2(key.error().contains(QStringLiteral("different key")), qPrintable(key.error()));
    QCOMPARE(store.removals, 1);
}

void TestDatabaseKeys::storeRejectsWrongLength()
{
    MemorySecretStore store;
    DatabaseKeys keys(store, dataDir);
    QVERIFY(!keys.store(QByteArray(31, 'k')).ok());
    QVERIFY(!keys.storePending(QByteArray()).ok());
    QVERIFY(store.entries().isEmpty());
}

void TestDatabaseKeys::pendingRoundTrip()
{
    MemorySecretStore store;
    DatabaseKeys keys(store, dataDir);
    const QByteArray current = keys.obtain(false).value();

    auto none = keys.pending();
    QVERIFY2(none.ok(), qPrintable(none.error()));
    QVERIFY(!none->has_value());

    const QByteArray next = DatabaseKeys::generateKey();
    QVERIFY(keys.storePending(next).ok());
    auto pending = keys.pending();
    QVERIFY(pending.ok());
    QCOMPARE(pending->value(), next);
    QCOMPARE(store.entries().value(keys.pendingAccount()), next);
    QCOMPARE(keys.obtain(true).value(), current);

    // Once the database is re-encrypted, the new key becomes the primary one.
    QVERIFY(keys.store(next).ok());
    QVERIFY(keys.clearPending().ok());
    QVERIFY(!keys.pending()->has_value());
    QVERIFY(keys.clearPending().ok());
    QCOMPARE(keys.obtain(true).value(), next);
}

void TestDatabaseKeys::removeAll()
{
    MemorySecretStore store;
    DatabaseKeys keys(store, dataDir);
    DatabaseKeys other(store, QStringLiteral("/srv/frontdesk/clinic-b"));
    QVERIFY(keys.obtain(false).ok());
    QVERIFY(keys.storePending(DatabaseKeys::generateKey()).ok());
    QVERIFY(other.obtain(false).ok());

    QVERIFY(keys.removeAll().ok());
    QCOMPARE(store.entries().keys(), QStringList{other.account()});
    QVERIFY(keys.removeAll().ok());

    // After a wipe the existing-database check holds again: no silent new key.
    QVERIFY(!keys.obtain(true).ok());
}

void TestDatabaseKeys::removeAllReportsFailure()
{
    MemorySecretStore store;
    DatabaseKeys keys(store, dataDir);
    QVERIFY(keys.obtain(false).ok());
    store.setReadOnly(QStringLiteral("the keychain is locked"));

    const Status removed = keys.removeAll();
    QVERIFY(!removed.ok());
    QVERIFY2(removed.error().contains(QStringLiteral("the keychain is locked")),
             qPrintable(removed.error()));
    QVERIFY2(removed.error().contains(dataDir), qPrintable(removed.error()));
}

QTEST_GUILESS_MAIN(TestDatabaseKeys)
#include "tst_databasekeys.moc"
