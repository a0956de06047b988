// A full disk and a read-only data directory: frontdeskctl and the writer must fail with a
// message that says what happened and what to do, exit non-zero, and leave a database that
// opens, passes Database::check() and holds every earlier write.
//
// The disk is a small tmpfs in a private mount namespace, made before Qt starts a thread:
// unshare(CLONE_NEWNS) as root (CI), else a user namespace. Where neither is allowed, a full
// disk is simulated with RLIMIT_FSIZE in the child, and the read-only case needs a non-root
// user (chmod does not stop root) or is skipped.

#include "CtlSignIn.h"
#include "PrivateMounts.h"
#include "SystemConnection.h"
#include "database/KeyFileSecretStore.h"
#include "storage/DataDirectory.h"
#include "storage/PatientRepository.h"

#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <fcntl.h>
#include <sched.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <unistd.h>

using namespace frontdesk;

namespace {

const QString kCtl = QStringLiteral(FRONTDESK_CTL_PATH);
const QString kWriter = QStringLiteral(FRONTDESK_CRASHWRITER_PATH);

// Set in main() before QCoreApplication: whether mount(2) is ours to use.
bool g_privateMounts = false;
QString g_namespaceNote;

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

} // namespace

class TestFullDisk : public QObject
{
    Q_OBJECT

private:
    bool mountTmpfs(const QString &path, const QByteArray &size, bool readOnly = false);
    Run run(const QString &program, const QStringList &args, qint64 fileSizeLimit = 0);
    QStringList ctl(const QString &dir, const QStringList &command) const
    {
        // Signed in as the demo administrator (init and stats need no sign-in and ignore it).
        return QStringList{QStringLiteral("--data-dir"), dir, QStringLiteral("--key-file"),
                           m_tmp.filePath(QStringLiteral("key"))} +
               frontdesk::testing::signedInAs(QStringLiteral("admin"), passwordFile()) + command;
    }
    QStringList write(const QString &dir, const QString &prefix, int count) const
    {
        return {QStringLiteral("write"), dir, m_tmp.filePath(QStringLiteral("key")), prefix,
                QString::number(count)};
    }
    void verify(const QString &dir, const QStringList &mrns);
    QString passwordFile() const { return m_tmp.filePath(QStringLiteral("demo.pw")); }

    QTemporaryDir m_tmp;

private slots:
    void initTestCase();
    void fullDisk();
    void readOnlyDataDirectory();
    void cleanupTestCase();
};

void TestFullDisk::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    QVERIFY(frontdesk::testing::writePasswordFile(passwordFile()));
    qInfo("isolation: %s; tmpfs %s", qPrintable(g_namespaceNote),
          g_privateMounts ? "available" : "not available");
}

void TestFullDisk::cleanupTestCase()
{
    for (const char *name : {"full", "readonly"})
        umount2(QFile::encodeName(m_tmp.filePath(QLatin1String(name))).constData(), MNT_DETACH);
}

bool TestFullDisk::mountTmpfs(const QString &path, const QByteArray &size, bool readOnly)
{
    if (!g_privateMounts)
        return false;
    QDir().mkpath(path);
    const QByteArray options = "size=" + size + ",mode=0700";
    const unsigned long flags = readOnly ? (MS_REMOUNT | MS_RDONLY) : 0;
    return mount("tmpfs", QFile::encodeName(path).constData(), "tmpfs", flags,
                 options.constData()) == 0;
}

Run TestFullDisk::run(const QString &program, const QStringList &args, qint64 fileSizeLimit)
{
    QProcess p;
    if (fileSizeLimit > 0) {
        p.setChildProcessModifier([fileSizeLimit] {
            const rlimit limit{rlim_t(fileSizeLimit), rlim_t(fileSizeLimit)};
            setrlimit(RLIMIT_FSIZE, &limit);
            signal(SIGXFSZ, SIG_IGN); // write() then fails with EFBIG instead of killing
        });
    }
    p.start(program, args);
    p.waitForFinished(120000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

void TestFullDisk::verify(const QString &dir, const QStringList &mrns)
{
    KeyFileSecretStore store(m_tmp.filePath(QStringLiteral("key")));
    DataDirectory directory(dir, store);
    auto opened = directory.open();
    QVERIFY2(opened, qPrintable(opened ? QString() : opened.error()));
    auto problems = opened->database->check();
    QVERIFY2(problems, qPrintable(problems ? QString() : problems.error()));
    QVERIFY2(problems->isEmpty(), qPrintable(problems->join(QLatin1Char('\n'))));
    test::actAsTestSetUp(*opened->database);
    PatientRepository patients(*opened->database);
    for (const QString &mrn : mrns) {
        auto found = patients.findByMrn(mrn);
        QVERIFY2(found && found->has_value(), qPrintable(QStringLiteral("%1 was lost").arg(mrn)));
    }
    auto count = patients.count();
    QVERIFY(count);
    QCOMPARE(*count, qint64(mrns.size()));
}

static QStringList lines(const QString &out)
{
    return out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

void TestFullDisk::fullDisk()
{
    const QString mountPoint = m_tmp.filePath(QStringLiteral("full"));
    const bool tmpfs = mountTmpfs(mountPoint, "2m");
    const QString dir = mountPoint + QStringLiteral("/data");
    QCOMPARE(run(kCtl, ctl(dir, {QStringLiteral("init")})).exitCode, 0);
    QCOMPARE(
        run(kCtl, ctl(dir, {QStringLiteral("user"), QStringLiteral("demo-accounts")})).exitCode, 0);
    const Run first = run(kWriter, write(dir, QStringLiteral("A"), 10));
    QCOMPARE(first.exitCode, 0);
    QStringList committed = lines(first.out);
    QCOMPARE(committed.size(), 10);
    // Without a tmpfs: a file-size limit a little above what is there now.
    const qint64 limit =
        tmpfs ? 0 : QFileInfo(dir + QStringLiteral("/frontdesk.db")).size() + 512 * 1024;
    qInfo("full disk by %s", tmpfs ? "a 2 MiB tmpfs" : "RLIMIT_FSIZE");

    // Seeding more than fits: one transaction, so nothing of it stays.
    const Run seed =
        run(kCtl,
            ctl(dir, {QStringLiteral("seed"), QStringLiteral("--patients"), QStringLiteral("20000"),
                      QStringLiteral("--appointments"), QStringLiteral("100000")}),
            limit);
    qInfo("seed on a full disk: exit %d: %s", seed.exitCode, qPrintable(seed.err.trimmed()));
    QCOMPARE(seed.exitCode, 2);
    QVERIFY2(seed.err.contains(QLatin1String("nothing was added")), qPrintable(seed.err));
    if (tmpfs)
        QVERIFY2(seed.err.contains(QLatin1String("disk that holds the database is full")),
                 qPrintable(seed.err));
    else
        QVERIFY2(seed.err.contains(QLatin1String("disk")), qPrintable(seed.err));
    verify(dir, committed);
    if (QTest::currentTestFailed())
        return;

    // Single writes until the disk is full: the one that does not fit fails, clearly.
    const Run writes = run(kWriter, write(dir, QStringLiteral("B"), 1000000), limit);
    qInfo("writes until full: %lld committed, exit %d: %s", qlonglong(lines(writes.out).size()),
          writes.exitCode, qPrintable(writes.err.trimmed()));
    QCOMPARE(writes.exitCode, 2);
    // A file-size limit is EFBIG, which SQLite reports as an I/O error rather than a full disk.
    QVERIFY2(
        writes.err.contains(tmpfs ? QLatin1String("Free some space") : QLatin1String("free space")),
        qPrintable(writes.err));
    committed += lines(writes.out);
    QVERIFY(committed.size() > 10);
    verify(dir, committed);
}

void TestFullDisk::readOnlyDataDirectory()
{
    const QString mountPoint = m_tmp.filePath(QStringLiteral("readonly"));
    const bool tmpfs = mountTmpfs(mountPoint, "16m");
    if (!tmpfs && geteuid() == 0)
        QSKIP("no private mount namespace, and chmod does not stop root");
    const QString dir = mountPoint + QStringLiteral("/data");
    QCOMPARE(run(kCtl, ctl(dir, {QStringLiteral("init")})).exitCode, 0);
    const Run first = run(kWriter, write(dir, QStringLiteral("R"), 10));
    QCOMPARE(first.exitCode, 0);
    const QStringList committed = lines(first.out);

    if (tmpfs)
        QVERIFY(mountTmpfs(mountPoint, "16m", true));
    else
        QVERIFY(QFile::setPermissions(dir, QFileDevice::ReadOwner | QFileDevice::ExeOwner));
    for (const auto &[program, args] : {std::pair{kCtl, ctl(dir, {QStringLiteral("stats")})},
                                        std::pair{kWriter, write(dir, QStringLiteral("X"), 1)}}) {
        const Run r = run(program, args);
        qInfo("%s on a read-only data directory: exit %d: %s",
              qPrintable(QFileInfo(program).fileName()), r.exitCode, qPrintable(r.err.trimmed()));
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("cannot write in its data directory")),
                 qPrintable(r.err));
    }
    if (tmpfs) {
        QVERIFY(mount("tmpfs", QFile::encodeName(mountPoint).constData(), "tmpfs", MS_REMOUNT,
                      "size=16m") == 0);
    } else {
        QVERIFY(QFile::setPermissions(dir, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                               QFileDevice::ExeOwner));
    }
    verify(dir, committed);
}

int main(int argc, char *argv[])
{
    // FRONTDESK_FULLDISK_FALLBACK=1 runs the RLIMIT_FSIZE / chmod fallback where tmpfs works.
    if (qEnvironmentVariableIntValue("FRONTDESK_FULLDISK_FALLBACK") == 0) {
        const auto mounts = frontdesk::test::PrivateMounts::enter();
        g_privateMounts = mounts.available;
        g_namespaceNote = mounts.note;
    } else {
        g_namespaceNote = QStringLiteral("fallback requested");
    }
    QCoreApplication app(argc, argv);
    TestFullDisk test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_fulldisk.moc"
