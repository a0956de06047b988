// Crash consistency: frontdeskctl and a purpose-built writer are killed with SIGKILL at random
// (seeded, so a failure can be replayed) moments during writes, seeding, migration and rekey.
// After every kill the data directory must open (finishing or rolling back whatever was cut
// short), pass Database::check(), and still hold every write that was reported committed.
// Replay a failure with FRONTDESK_CRASH_SEED=<the seed printed>.

#include "CtlSignIn.h"
#include "SystemConnection.h"
#include "database/KeyFileSecretStore.h"
#include "storage/DataDirectory.h"
#include "storage/PatientRepository.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace frontdesk;

namespace {

const QString kCtl = QStringLiteral(FRONTDESK_CTL_PATH);
const QString kWriter = QStringLiteral(FRONTDESK_CRASHWRITER_PATH);

struct Killed
{
    QByteArray out;
    QByteArray err;
    bool finishedOnItsOwn = false;
    int exitCode = -1;
};

} // namespace

class TestCrashConsistency : public QObject
{
    Q_OBJECT

private:
    // Starts program and SIGKILLs it after delayMs unless it ended by itself first. With
    // afterFirstLine the delay counts from the program's first line of output, so that a slow
    // start (opening the database on a loaded machine) does not eat the time meant for writing.
    Killed runAndKill(const QString &program, const QStringList &args, int delayMs,
                      bool afterFirstLine = false);
    // Runs program to its end; fails the test unless it exits with 0.
    QByteArray runToEnd(const QString &program, const QStringList &args);
    QStringList ctlArgs(const QString &dir, const QStringList &command) const;
    // Opens the data directory as the app would and checks it; every MRN must be there.
    void verify(const QString &dir, const QStringList &mrns, qint64 *patientCount = nullptr,
                QStringList *notes = nullptr);
    int randomDelay(int from, int to) { return int(m_random.bounded(from, to + 1)); }
    QString keyFile(const QString &dir) const { return dir + QStringLiteral(".key"); }

    QTemporaryDir m_tmp;
    QRandomGenerator m_random;
    int m_kills = 0;

private slots:
    void initTestCase();
    void killDuringWrites();
    void killDuringSeeding();
    void killDuringMigration();
    void killDuringRekey();
    void cleanupTestCase();
};

void TestCrashConsistency::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    QVERIFY2(QFile::exists(kCtl), qPrintable(kCtl));
    QVERIFY2(QFile::exists(kWriter), qPrintable(kWriter));
    bool fromEnv = false;
    quint32 seed = qEnvironmentVariable("FRONTDESK_CRASH_SEED").toUInt(&fromEnv);
    if (!fromEnv)
        seed = 20261125;
    m_random.seed(seed);
    QVERIFY(frontdesk::testing::writePasswordFile(m_tmp.filePath(QStringLiteral("demo.pw"))));
    qInfo("crash seed: %u (replay with FRONTDESK_CRASH_SEED=%u)", seed, seed);
}

void TestCrashConsistency::cleanupTestCase()
{
    qInfo("%d processes killed", m_kills);
}

QStringList TestCrashConsistency::ctlArgs(const QString &dir, const QStringList &command) const
{
    // Signed in as the demo administrator (init and stats need no sign-in and ignore it).
    return QStringList{QStringLiteral("--data-dir"), dir, QStringLiteral("--key-file"),
                       keyFile(dir)} +
           frontdesk::testing::signedInAs(QStringLiteral("admin"),
                                          m_tmp.filePath(QStringLiteral("demo.pw"))) +
           command;
}

Killed TestCrashConsistency::runAndKill(const QString &program, const QStringList &args,
                                        int delayMs, bool afterFirstLine)
{
    QProcess p;
    p.start(program, args);
    Killed k;
    if (!p.waitForStarted()) {
        qWarning("could not start %s", qPrintable(program));
        return k;
    }
    QElapsedTimer t;
    t.start();
    if (afterFirstLine) {
        while (!k.out.contains('\n') && p.state() == QProcess::Running && t.elapsed() < 60000) {
            p.waitForReadyRead(50);
            k.out += p.readAllStandardOutput();
        }
        t.restart();
    }
    while (t.elapsed() < delayMs && p.state() == QProcess::Running)
        p.waitForFinished(int(std::max<qint64>(1, std::min<qint64>(5, delayMs - t.elapsed()))));
    if (p.state() == QProcess::Running) {
        p.kill(); // SIGKILL: no handler, no clean-up, as in a crash or a power switch
        p.waitForFinished();
        ++m_kills;
    } else {
        k.finishedOnItsOwn = true;
        k.exitCode = p.exitCode();
    }
    k.out += p.readAllStandardOutput();
    k.err = p.readAllStandardError();
    return k;
}

QByteArray TestCrashConsistency::runToEnd(const QString &program, const QStringList &args)
{
    QProcess p;
    p.start(program, args);
    const bool finished = p.waitForFinished(120000);
    const QByteArray err = p.readAllStandardError();
    if (!finished || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        qWarning("%s %s failed: %s", qPrintable(program), qPrintable(args.join(QLatin1Char(' '))),
                 err.constData());
        return QByteArray("FAILED");
    }
    return p.readAllStandardOutput();
}

void TestCrashConsistency::verify(const QString &dir, const QStringList &mrns, qint64 *patientCount,
                                  QStringList *notes)
{
    KeyFileSecretStore store(keyFile(dir));
    DataDirectory directory(dir, store);
    auto opened = directory.open();
    QVERIFY2(opened, qPrintable(opened ? QString() : opened.error()));
    Database &db = *opened->database;
    if (notes)
        *notes = opened->notes;
    QCOMPARE(db.schemaVersion(), Database::latestSchemaVersion());
    auto problems = db.check();
    QVERIFY2(problems, qPrintable(problems ? QString() : problems.error()));
    QVERIFY2(problems->isEmpty(), qPrintable(problems->join(QLatin1Char('\n'))));
    test::actAsTestSetUp(db);
    PatientRepository patients(db);
    for (const QString &mrn : mrns) {
        auto found = patients.findByMrn(mrn);
        QVERIFY2(found, qPrintable(found ? QString() : found.error()));
        QVERIFY2(found->has_value(), qPrintable(QStringLiteral("committed %1 was lost").arg(mrn)));
    }
    if (patientCount) {
        auto n = patients.count();
        QVERIFY(n);
        *patientCount = *n;
    }
}

// Lines the writer finished are committed writes; a line cut short by the kill is not.
static QStringList committedMrns(const QByteArray &out)
{
    QStringList lines = QString::fromUtf8(out).split(QLatin1Char('\n'));
    lines.removeLast(); // after the last '\n': empty, or a line cut short
    return lines;
}

void TestCrashConsistency::killDuringWrites()
{
    const QString dir = m_tmp.filePath(QStringLiteral("writes"));
    QVERIFY(runToEnd(kCtl, ctlArgs(dir, {QStringLiteral("init")})) != "FAILED");
    QStringList committed;
    for (int round = 0; round < 8; ++round) {
        const int delay = randomDelay(30, 400);
        const Killed k = runAndKill(kWriter,
                                    {QStringLiteral("write"), dir, keyFile(dir),
                                     QStringLiteral("W%1").arg(round), QStringLiteral("100000")},
                                    delay, true);
        QVERIFY2(!k.finishedOnItsOwn || k.exitCode == 0, k.err.constData());
        committed += committedMrns(k.out);
        qInfo("writes round %d: killed %d ms after the first write, %lld writes committed so far",
              round, delay, qlonglong(committed.size()));
        verify(dir, committed);
        if (QTest::currentTestFailed())
            return;
    }
    // Every kill came after at least one write of its round, else the test proved nothing.
    QVERIFY2(committed.size() >= 8, qPrintable(QString::number(committed.size())));
}

// Seeding is one transaction: after a kill there is all of it or none of it.
void TestCrashConsistency::killDuringSeeding()
{
    for (int round = 0; round < 3; ++round) {
        const QString dir = m_tmp.filePath(QStringLiteral("seed-%1").arg(round));
        QVERIFY(runToEnd(kCtl, ctlArgs(dir, {QStringLiteral("init")})) != "FAILED");
        QVERIFY(runToEnd(kCtl, ctlArgs(dir, {QStringLiteral("user"),
                                             QStringLiteral("demo-accounts")})) != "FAILED");
        const QStringList before =
            committedMrns(runToEnd(kWriter, {QStringLiteral("write"), dir, keyFile(dir),
                                             QStringLiteral("S"), QStringLiteral("10")}));
        QCOMPARE(before.size(), 10);
        const Killed k =
            runAndKill(kCtl,
                       ctlArgs(dir, {QStringLiteral("seed"), QStringLiteral("--patients"),
                                     QStringLiteral("3000"), QStringLiteral("--appointments"),
                                     QStringLiteral("30000")}),
                       randomDelay(50, 900));
        QVERIFY2(!k.finishedOnItsOwn || k.exitCode == 0, k.err.constData());
        qint64 patients = 0;
        verify(dir, before, &patients);
        qInfo("seeding round %d: %s; %lld patients after", round,
              k.finishedOnItsOwn ? "finished" : "killed", qlonglong(patients));
        if (QTest::currentTestFailed())
            return;
        QVERIFY2(patients == 10 || patients == 3010, qPrintable(QString::number(patients)));
        if (k.finishedOnItsOwn)
            QCOMPARE(patients, qint64(3010));
    }
}

// A database at schema version 1, opened by frontdeskctl (which migrates it) and killed at
// moments spread over the time an uninterrupted open takes.
void TestCrashConsistency::killDuringMigration()
{
    const QString reference = m_tmp.filePath(QStringLiteral("migrate-reference"));
    QVERIFY(runToEnd(kWriter, {QStringLiteral("make-v1"), reference, keyFile(reference)}) !=
            "FAILED");
    QElapsedTimer t;
    t.start();
    QVERIFY(runToEnd(kCtl, ctlArgs(reference, {QStringLiteral("stats")})) != "FAILED");
    const int whole = int(t.elapsed());
    const int rounds = 6;
    for (int round = 0; round < rounds; ++round) {
        const QString dir = m_tmp.filePath(QStringLiteral("migrate-%1").arg(round));
        QVERIFY(runToEnd(kWriter, {QStringLiteral("make-v1"), dir, keyFile(dir)}) != "FAILED");
        const int delay = whole * round / rounds + randomDelay(0, std::max(1, whole / rounds));
        const Killed k = runAndKill(kCtl, ctlArgs(dir, {QStringLiteral("stats")}), delay);
        QVERIFY2(!k.finishedOnItsOwn || k.exitCode == 0, k.err.constData());
        verify(dir, {});
        qInfo("migration round %d: %s after %d ms of ~%d", round,
              k.finishedOnItsOwn ? "finished" : "killed", delay, whole);
        if (QTest::currentTestFailed())
            return;
    }
}

// Rekey writes a re-encrypted copy, parks the new key, swaps the copy in and promotes the key;
// a kill anywhere leaves a database one of the two keys opens, with nothing lost.
void TestCrashConsistency::killDuringRekey()
{
    const QString dir = m_tmp.filePath(QStringLiteral("rekey"));
    QVERIFY(runToEnd(kCtl, ctlArgs(dir, {QStringLiteral("init")})) != "FAILED");
    QVERIFY(runToEnd(kCtl, ctlArgs(dir, {QStringLiteral("user"),
                                         QStringLiteral("demo-accounts")})) != "FAILED");
    QVERIFY(runToEnd(kCtl, ctlArgs(dir, {QStringLiteral("seed"), QStringLiteral("--patients"),
                                         QStringLiteral("2000"), QStringLiteral("--appointments"),
                                         QStringLiteral("20000")})) != "FAILED");
    const QStringList committed =
        committedMrns(runToEnd(kWriter, {QStringLiteral("write"), dir, keyFile(dir),
                                         QStringLiteral("R"), QStringLiteral("25")}));
    QCOMPARE(committed.size(), 25);
    QElapsedTimer t;
    t.start();
    QVERIFY(runToEnd(kCtl, ctlArgs(dir, {QStringLiteral("rekey")})) != "FAILED");
    const int whole = int(t.elapsed());
    const int rounds = 8;
    for (int round = 0; round < rounds; ++round) {
        const int delay = whole * round / rounds + randomDelay(0, std::max(1, whole / rounds));
        const Killed k = runAndKill(kCtl, ctlArgs(dir, {QStringLiteral("rekey")}), delay);
        QVERIFY2(!k.finishedOnItsOwn || k.exitCode == 0, k.err.constData());
        QStringList notes;
        verify(dir, committed, nullptr, &notes);
        qInfo("rekey round %d: %s after %d ms of ~%d; on open: %s", round,
              k.finishedOnItsOwn ? "finished" : "killed", delay, whole,
              notes.isEmpty() ? "nothing to recover" : qPrintable(notes.join(QLatin1Char(' '))));
        if (QTest::currentTestFailed())
            return;
    }
}

QTEST_GUILESS_MAIN(TestCrashConsistency)
#include "tst_crashconsistency.moc"
