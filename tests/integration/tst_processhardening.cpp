#include "ProcessHardening.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

// A core dump would put the database key and decrypted records on disk in clear.
class TestProcessHardening : public QObject
{
    Q_OBJECT

    // The soft and hard core-size limits of a running process, as the kernel reports them.
    static QString coreLimits(qint64 pid)
    {
        QFile limits(QStringLiteral("/proc/%1/limits").arg(pid));
        if (!limits.open(QIODevice::ReadOnly))
            return {};
        for (const QByteArray &line : limits.readAll().split('\n')) {
            if (line.startsWith("Max core file size"))
                return QString::fromLatin1(line.mid(26)).simplified();
        }
        return {};
    }

private slots:
    void theProcessBecomesNonDumpableWithoutCoreLimit()
    {
        // In a child, so the test runner itself stays as it was.
        const pid_t child = ::fork();
        QVERIFY(child >= 0);
        if (child == 0) {
            int code = 0;
            if (::prctl(PR_GET_DUMPABLE) != 1)
                code |= 1; // it was dumpable before, or the check proves nothing
            if (!frontdesk::ProcessHardening::forbidCoreDumps().isEmpty())
                code |= 2;
            rlimit core{};
            if (::getrlimit(RLIMIT_CORE, &core) != 0 || core.rlim_cur != 0 || core.rlim_max != 0)
                code |= 4;
#if !defined(__SANITIZE_ADDRESS__)
            if (::prctl(PR_GET_DUMPABLE) != 0)
                code |= 8;
#endif
            ::_exit(code);
        }
        int status = 0;
        QCOMPARE(::waitpid(child, &status, 0), child);
        QVERIFY(WIFEXITED(status));
        QCOMPARE(WEXITSTATUS(status), 0);
    }

    void frontdeskctlRunsWithoutCoreDumps()
    {
        QTemporaryDir tmp;
        const QStringList common{QStringLiteral("--data-dir"), tmp.filePath(QStringLiteral("data")),
                                 QStringLiteral("--key-file"),
                                 tmp.filePath(QStringLiteral("frontdesk.key"))};
        QCOMPARE(QProcess::execute(QStringLiteral(FRONTDESK_CTL_PATH),
                                   common + QStringList{QStringLiteral("init")}),
                 0);
        // Waits for the password on its standard input, so it can be looked at while it runs.
        QProcess ctl;
        ctl.start(QStringLiteral(FRONTDESK_CTL_PATH),
                  common + QStringList{QStringLiteral("user"), QStringLiteral("add"),
                                       QStringLiteral("first"), QStringLiteral("--role"),
                                       QStringLiteral("admin")});
        QVERIFY(ctl.waitForStarted());
        QString limits;
        QTRY_VERIFY_WITH_TIMEOUT(!(limits = coreLimits(ctl.processId())).isEmpty() &&
                                     limits.startsWith(QLatin1String("0 0")),
                                 10000);
        ctl.write("tidal marble orchard 7\n");
        ctl.closeWriteChannel();
        QVERIFY(ctl.waitForFinished(60000));
        QCOMPARE(ctl.exitCode(), 0);
    }
};

QTEST_GUILESS_MAIN(TestProcessHardening)
#include "tst_processhardening.moc"
