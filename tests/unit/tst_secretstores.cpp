#include "database/KeyFileSecretStore.h"
#include "database/MemorySecretStore.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace frontdesk;

namespace {

mode_t modeOf(const QString &path)
{
    struct stat info = {};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return 0;
    return info.st_mode & 07777;
}

bool writeRaw(const QString &path, const QByteArray &content, mode_t mode)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    const bool written = file.write(content) == content.size();
    file.close();
    return written && ::chmod(QFile::encodeName(path).constData(), mode) == 0;
}

QByteArray binarySecret()
{
    QByteArray secret;
    for (int i = 0; i < 256; ++i)
        secret.append(static_cast<char>(i));
    return secret;
}

} // namespace

class TestSecretStores : public QObject
{
    Q_OBJECT

private slots:
    void memoryRoundTrip();
    void memoryUnavailable();
    void memoryReadOnly();

    void keyFileMissingFileHasNoEntries();
    void keyFileRoundTrip();
    void keyFileCreatedPrivateDespiteUmask();
    void keyFileRefusesReadableByOthers();
    void keyFileMalformedIsReportedAndKept_data();
    void keyFileMalformedIsReportedAndKept();
    void keyFileEmptyFileHasNoEntries();
    void keyFileRemove();
    void keyFileRemovedKeysAreOverwritten();
    void keyFileDescriptionNamesFile();
};

void TestSecretStores::memoryRoundTrip()
{
    MemorySecretStore store;
    auto missing = store.read(QStringLiteral("a"));
    QVERIFY(missing.ok());
    QVERIFY(!missing->has_value());

    QVERIFY(store.write(QStringLiteral("a"), binarySecret()).ok());
    auto found = store.read(QStringLiteral("a"));
    QVERIFY(found.ok());
    QCOMPARE(found->value(), binarySecret());

    QVERIFY(store.write(QStringLiteral("a"), QByteArrayLiteral("other")).ok());
    QCOMPARE(store.read(QStringLiteral("a"))->value(), QByteArrayLiteral("other"));

    QVERIFY(store.remove(QStringLiteral("a")).ok());
    QVERIFY(!store.read(QStringLiteral("a"))->has_value());
    QVERIFY(store.remove(QStringLiteral("a")).ok());
}

void TestSecretStores::memoryUnavailable()
{
    MemorySecretStore store;
    QVERIFY(store.write(QStringLiteral("a"), QByteArrayLiteral("x")).ok());
    store.setUnavailable(QStringLiteral("no keychain"));

    const auto read = store.read(QStringLiteral("a"));
    QVERIFY(!read.ok());
    QCOMPARE(read.error(), QStringLiteral("no keychain"));
    QCOMPARE(store.write(QStringLiteral("b"), QByteArrayLiteral("y")).error(),
             QStringLiteral("no keychain"));
    QVERIFY(!store.remove(QStringLiteral("a")).ok());

    store.setUnavailable({});
    QCOMPARE(store.read(QStringLiteral("a"))->value(), QByteArrayLiteral("x"));
    QVERIFY(!store.entries().contains(QStringLiteral("b")));
}

void TestSecretStores::memoryReadOnly()
{
    MemorySecretStore store;
    QVERIFY(store.write(QStringLiteral("a"), QByteArrayLiteral("x")).ok());
    store.setReadOnly(QStringLiteral("locked"));

    QCOMPARE(store.read(QStringLiteral("a"))->value(), QByteArrayLiteral("x"));
    QCOMPARE(store.write(QStringLiteral("a"), QByteArrayLiteral("y")).error(),
             QStringLiteral("locked"));
    QCOMPARE(store.remove(QStringLiteral("a")).error(), QStringLiteral("locked"));
    QCOMPARE(store.entries().value(QStringLiteral("a")), QByteArrayLiteral("x"));
}

void TestSecretStores::keyFileMissingFileHasNoEntries()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    KeyFileSecretStore store(dir.filePath(QStringLiteral("keys.json")));

    const auto read = store.read(QStringLiteral("a"));
    QVERIFY2(read.ok(), qPrintable(read.error()));
    QVERIFY(!read->has_value());
    QVERIFY(store.remove(QStringLiteral("a")).ok());
    QVERIFY(!QFile::exists(store.filePath()));
}

void TestSecretStores::keyFileRoundTrip()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("keys.json"));
    const QString account = QStringLiteral("database-key:/srv/frontdesk");

    {
        KeyFileSecretStore store(path);
        const Status written = store.write(account, binarySecret());
        QVERIFY2(written.ok(), qPrintable(written.error()));
        QVERIFY(store.write(QStringLiteral("second"), QByteArrayLiteral("two")).ok());
    }

    KeyFileSecretStore reopened(path);
    const auto read = reopened.read(account);
    QVERIFY2(read.ok(), qPrintable(read.error()));
    QVERIFY(read->has_value());
    QCOMPARE(read->value(), binarySecret());
    QCOMPARE(reopened.read(QStringLiteral("second"))->value(), QByteArrayLiteral("two"));

    QVERIFY(reopened.write(account, QByteArrayLiteral("replaced")).ok());
    QCOMPARE(reopened.read(account)->value(), QByteArrayLiteral("replaced"));
    QCOMPARE(reopened.read(QStringLiteral("second"))->value(), QByteArrayLiteral("two"));

    // The secret is stored encoded, never as its raw bytes.
    QFile raw(path);
    QVERIFY(raw.open(QIODevice::ReadOnly));
    const QByteArray content = raw.readAll();
    QVERIFY(!content.contains(binarySecret()));
    QVERIFY(content.contains(QByteArrayLiteral("dHdv"))); // base64 of "two"
}

void TestSecretStores::keyFileCreatedPrivateDespiteUmask()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("keys.json"));

    // The most permissive umask: whatever the file gets is what the store asked for.
    const mode_t previous = ::umask(0);
    KeyFileSecretStore store(path);
    const Status written = store.write(QStringLiteral("a"), QByteArrayLiteral("secret"));
    ::umask(previous);
    QVERIFY2(written.ok(), qPrintable(written.error()));
    QCOMPARE(modeOf(path), mode_t(0600));

    // Rewriting keeps it private.
    QVERIFY(store.write(QStringLiteral("b"), QByteArrayLiteral("more")).ok());
    QCOMPARE(modeOf(path), mode_t(0600));
}

void TestSecretStores::keyFileRefusesReadableByOthers()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("keys.json"));
    const QByteArray content = QByteArrayLiteral(R"({"a": "c2VjcmV0"})");
    QVERIFY(writeRaw(path, content, 0644));

    KeyFileSecretStore store(path);
    const auto read = store.read(QStringLiteral("a"));
    QVERIFY(!read.ok());
    QVERIFY2(read.error().contains(store.filePath()), qPrintable(read.error()));
    QVERIFY2(read.error().contains(QStringLiteral("0644")), qPrintable(read.error()));
    QVERIFY2(read.error().contains(QStringLiteral("chmod 600 ") + store.filePath()),
             qPrintable(read.error()));

    // Writing would have to read it first: refused too, and the file stays as it was.
    QVERIFY(!store.write(QStringLiteral("b"), QByteArrayLiteral("x")).ok());
    QVERIFY(!store.remove(QStringLiteral("a")).ok());
    QCOMPARE(modeOf(path), mode_t(0644));

    // Group access alone is refused as well; once fixed, the file is used.
    QVERIFY(::chmod(QFile::encodeName(path).constData(), 0640) == 0);
    QVERIFY(!store.read(QStringLiteral("a")).ok());
    QVERIFY(::chmod(QFile::encodeName(path).constData(), 0600) == 0);
    const auto fixed = store.read(QStringLiteral("a"));
    QVERIFY2(fixed.ok(), qPrintable(fixed.error()));
    QCOMPARE(fixed->value(), QByteArrayLiteral("secret"));
}

void TestSecretStores::keyFileMalformedIsReportedAndKept_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::newRow("not json") << QByteArrayLiteral("this is not json");
    QTest::newRow("truncated") << QByteArrayLiteral(R"({"a": "c2Vj)");
    QTest::newRow("array") << QByteArrayLiteral(R"(["c2VjcmV0"])");
    QTest::newRow("number value") << QByteArrayLiteral(R"({"a": 42})");
    QTest::newRow("not base64") << QByteArrayLiteral(R"({"a": "not base64!"})");
}

void TestSecretStores::keyFileMalformedIsReportedAndKept()
{
    QFETCH(QByteArray, content);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("keys.json"));
    QVERIFY(writeRaw(path, content, 0600));

    KeyFileSecretStore store(path);
    const auto read = store.read(QStringLiteral("a"));
    QVERIFY(!read.ok());
    QVERIFY2(read.error().contains(store.filePath()), qPrintable(read.error()));

    const Status written = store.write(QStringLiteral("a"), QByteArrayLiteral("new"));
    QVERIFY(!written.ok());
    QVERIFY2(written.error().contains(store.filePath()), qPrintable(written.error()));
    QVERIFY(!store.remove(QStringLiteral("a")).ok());

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), content);
}

void TestSecretStores::keyFileEmptyFileHasNoEntries()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("keys.json"));
    QVERIFY(writeRaw(path, {}, 0600));

    KeyFileSecretStore store(path);
    const auto read = store.read(QStringLiteral("a"));
    QVERIFY2(read.ok(), qPrintable(read.error()));
    QVERIFY(!read->has_value());
    QVERIFY(store.write(QStringLiteral("a"), QByteArrayLiteral("x")).ok());
    QCOMPARE(store.read(QStringLiteral("a"))->value(), QByteArrayLiteral("x"));
}

void TestSecretStores::keyFileRemove()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    KeyFileSecretStore store(dir.filePath(QStringLiteral("keys.json")));
    QVERIFY(store.write(QStringLiteral("a"), QByteArrayLiteral("x")).ok());
    QVERIFY(store.write(QStringLiteral("b"), QByteArrayLiteral("y")).ok());

    QVERIFY(store.remove(QStringLiteral("a")).ok());
    QVERIFY(!store.read(QStringLiteral("a"))->has_value());
    QCOMPARE(store.read(QStringLiteral("b"))->value(), QByteArrayLiteral("y"));
    QVERIFY(store.remove(QStringLiteral("a")).ok());
    QCOMPARE(modeOf(store.filePath()), mode_t(0600));
}

// A hard link keeps the replaced file's blocks reachable, as an undelete tool would find them.
void TestSecretStores::keyFileRemovedKeysAreOverwritten()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("keys.json"));
    KeyFileSecretStore store(path);
    const QByteArray secretA(32, '\x41');
    const QByteArray secretB(32, '\x42');
    QVERIFY(store.write(QStringLiteral("a"), secretA).ok());
    QVERIFY(store.write(QStringLiteral("b"), secretB).ok());
    const auto holdsSecret = [](const QString &file, const QByteArray &secret) {
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly))
            return false;
        return f.readAll().contains(secret.toBase64());
    };
    const auto zeroed = [](const QString &file) {
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly))
            return false;
        const QByteArray all = f.readAll();
        return !all.isEmpty() && all.count('\0') == all.size();
    };

    const QString before = dir.filePath(QStringLiteral("before-remove"));
    QVERIFY(::link(QFile::encodeName(path).constData(), QFile::encodeName(before).constData()) ==
            0);
    QVERIFY(holdsSecret(before, secretA));
    QVERIFY(store.remove(QStringLiteral("a")).ok());
    QVERIFY(zeroed(before));
    QVERIFY(!holdsSecret(path, secretA));
    QVERIFY(holdsSecret(path, secretB));

    // The last entry: the file itself is overwritten, then unlinked.
    const QString last = dir.filePath(QStringLiteral("before-last"));
    QVERIFY(::link(QFile::encodeName(path).constData(), QFile::encodeName(last).constData()) == 0);
    QVERIFY(store.remove(QStringLiteral("b")).ok());
    QVERIFY(!QFile::exists(path));
    QVERIFY(zeroed(last));
    QVERIFY(!store.read(QStringLiteral("b"))->has_value());
}

void TestSecretStores::keyFileDescriptionNamesFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    KeyFileSecretStore store(dir.filePath(QStringLiteral("sub/../keys.json")));
    QCOMPARE(store.filePath(), dir.filePath(QStringLiteral("keys.json")));
    QVERIFY(store.description().contains(store.filePath()));
}

QTEST_GUILESS_MAIN(TestSecretStores)
#include "tst_secretstores.moc"
