#include "KeychainSecretStore.h"
#include "database/DatabaseKeys.h"

#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace frontdesk;
using namespace std::chrono_literals;

namespace {

// Long enough for a real keychain, short enough that a hung one fails the test, not ctest.
constexpr auto testTimeout = 20s;

// Unsets an environment variable for its lifetime, then puts it back exactly as it was.
class UnsetEnv
{
public:
    explicit UnsetEnv(const char *name)
        : m_name(name), m_wasSet(qEnvironmentVariableIsSet(name)), m_value(qgetenv(name))
    {
        qunsetenv(m_name);
    }
    ~UnsetEnv()
    {
        if (m_wasSet)
            qputenv(m_name, m_value);
    }
    UnsetEnv(const UnsetEnv &) = delete;
    UnsetEnv &operator=(const UnsetEnv &) = delete;

private:
    const char *m_name;
    bool m_wasSet;
    QByteArray m_value;
};

QByteArray allByteValues()
{
    QByteArray bytes;
    bytes.append('\0');
    for (int i = 0; i < 256; ++i)
        bytes.append(static_cast<char>(i));
    bytes.append('\0');
    return bytes;
}

} // namespace

class TestKeychain : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void roundTripWithBinaryData();
    void missingEntry();
    void databaseKeysFirstRun();
    void noSessionBusIsExplained();

private:
    QString uniqueAccount();
    std::unique_ptr<KeychainSecretStore> makeStore() const;

    QStringList m_accounts;
};

void TestKeychain::initTestCase()
{
    if (!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        return;
    const char *reason = "DBUS_SESSION_BUS_ADDRESS is not set, so there is no Secret Service to "
                         "test against. Run through scripts/test, or source scripts/lib/keyring.sh "
                         "and wrap the run in frontdesk_with_keyring.";
    if (qgetenv("FRONTDESK_REQUIRE_KEYCHAIN") == "1")
        QFAIL(reason);
    QSKIP(reason);
}

void TestKeychain::cleanupTestCase()
{
    // Nothing a test made may stay in a developer's real keychain, even after a failure.
    const auto store = makeStore();
    for (const QString &account : std::as_const(m_accounts)) {
        const Status removed = store->remove(account);
        if (!removed)
            qWarning("Could not clean up %s: %s", qPrintable(account), qPrintable(removed.error()));
    }
}

QString TestKeychain::uniqueAccount()
{
    const QString account =
        QStringLiteral("frontdesk-test:") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_accounts.append(account);
    return account;
}

std::unique_ptr<KeychainSecretStore> TestKeychain::makeStore() const
{
    auto store = std::make_unique<KeychainSecretStore>();
    store->setTimeout(testTimeout);
    return store;
}

void TestKeychain::roundTripWithBinaryData()
{
    const QString account = uniqueAccount();
    const auto store = makeStore();
    QVERIFY(store->description().contains(QStringLiteral("frontdesk")));

    const QByteArray secret = allByteValues();
    const Status written = store->write(account, secret);
    QVERIFY2(written.ok(), qPrintable(written.error()));

    // A second store object: the secret comes from the keychain, not from memory.
    const auto again = makeStore();
    auto read = again->read(account);
    QVERIFY2(read.ok(), qPrintable(read.error()));
    QVERIFY(read->has_value());
    QCOMPARE(read->value(), secret);

    const QByteArray replacement = DatabaseKeys::generateKey() + QByteArray(3, '\0');
    const Status overwritten = store->write(account, replacement);
    QVERIFY2(overwritten.ok(), qPrintable(overwritten.error()));
    read = again->read(account);
    QVERIFY2(read.ok(), qPrintable(read.error()));
    QCOMPARE(read->value(), replacement);

    const Status removed = store->remove(account);
    QVERIFY2(removed.ok(), qPrintable(removed.error()));
    read = again->read(account);
    QVERIFY2(read.ok(), qPrintable(read.error()));
    QVERIFY(!read->has_value());
}

void TestKeychain::missingEntry()
{
    const QString account = uniqueAccount();
    const auto store = makeStore();

    const auto read = store->read(account);
    QVERIFY2(read.ok(), qPrintable(read.error()));
    QVERIFY(!read->has_value());

    const Status removed = store->remove(account);
    QVERIFY2(removed.ok(), qPrintable(removed.error()));
}

void TestKeychain::databaseKeysFirstRun()
{
    QTemporaryDir dataDir;
    QVERIFY(dataDir.isValid());
    const auto store = makeStore();
    DatabaseKeys keys(*store, dataDir.path());
    m_accounts << keys.account() << keys.pendingAccount();

    const Result<QByteArray> key = keys.obtain(false);
    QVERIFY2(key.ok(), qPrintable(key.error()));
    QCOMPARE(key->size(), 32);

    const auto later = makeStore();
    const Result<QByteArray> again = DatabaseKeys(*later, dataDir.path()).obtain(true);
    QVERIFY2(again.ok(), qPrintable(again.error()));
    QCOMPARE(*again, *key);

    const Status removed = keys.removeAll();
    QVERIFY2(removed.ok(), qPrintable(removed.error()));
    const Result<QByteArray> afterWipe = keys.obtain(true);
    QVERIFY(!afterWipe.ok());
    QVERIFY2(afterWipe.error().contains(QStringLiteral("will not create a new key")),
             qPrintable(afterWipe.error()));
}

void TestKeychain::noSessionBusIsExplained()
{
    const QString account = uniqueAccount();
    const auto store = makeStore();
    {
        const UnsetEnv noBus("DBUS_SESSION_BUS_ADDRESS");
        // Also hide the systemd user bus, which would otherwise be found without the variable.
        const UnsetEnv noRuntimeDir("XDG_RUNTIME_DIR");

        const auto read = store->read(account);
        QVERIFY(!read.ok());
        const QString &message = read.error();
        QVERIFY2(message.contains(QStringLiteral("D-Bus session")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("DBUS_SESSION_BUS_ADDRESS")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("dbus-run-session")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("gnome-keyring-daemon")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("--key-file")), qPrintable(message));

        QVERIFY(!store->write(account, QByteArrayLiteral("never stored")).ok());
        QVERIFY(!store->remove(account).ok());

        QTemporaryDir dataDir;
        const Result<QByteArray> key = DatabaseKeys(*store, dataDir.path()).obtain(false);
        QVERIFY(!key.ok());
        QVERIFY2(key.error().contains(QStringLiteral("D-Bus session")), qPrintable(key.error()));
    }
    QVERIFY(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"));

    const auto read = store->read(account);
    QVERIFY2(read.ok(), qPrintable(read.error()));
    QVERIFY(!read->has_value());
}

QTEST_GUILESS_MAIN(TestKeychain)
#include "tst_keychain.moc"
