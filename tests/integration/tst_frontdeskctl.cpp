#include "CtlSignIn.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

// Drives the real frontdeskctl binary the way an admin would, with a key file (the keychain
// path is covered by tst_keychain and by ./scripts/run).
class TestFrontdeskCtl : public QObject
{
    Q_OBJECT

    QTemporaryDir m_tmp;
    QString dataDir() const { return m_tmp.filePath(QStringLiteral("data")); }
    QString keyFile() const { return m_tmp.filePath(QStringLiteral("frontdesk.key")); }
    // After init: the demo administrator signs every command in, as staff do.
    QStringList m_signIn;

    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };
    Run ctl(QStringList args, const QString &keyFilePath = {})
    {
        QProcess p;
        const QStringList globals{QStringLiteral("--data-dir"), dataDir(),
                                  QStringLiteral("--key-file"),
                                  keyFilePath.isEmpty() ? keyFile() : keyFilePath};
        p.start(QStringLiteral(FRONTDESK_CTL_PATH), globals + m_signIn + args);
        if (!p.waitForFinished(300000))
            return {};
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
                QString::fromUtf8(p.readAllStandardOutput()),
                QString::fromUtf8(p.readAllStandardError())};
    }

private slots:
    void usageErrorsExitOne()
    {
        QCOMPARE(ctl({}).exitCode, 1);
        const Run unknown = ctl({QStringLiteral("frobnicate")});
        QCOMPARE(unknown.exitCode, 1);
        QVERIFY(unknown.err.contains(QStringLiteral("unknown command")));
        QCOMPARE(ctl({QStringLiteral("seed"), QStringLiteral("--patients"), QStringLiteral("many"),
                      QStringLiteral("--appointments"), QStringLiteral("1")})
                     .exitCode,
                 1);
        QCOMPARE(ctl({QStringLiteral("init"), QStringLiteral("--time-zone"),
                      QStringLiteral("Nowhere/Atlantis")})
                     .exitCode,
                 1);
        QVERIFY(!QFile::exists(QDir(dataDir()).filePath(QStringLiteral("frontdesk.db"))));
        const Run version = ctl({QStringLiteral("--version")});
        QCOMPARE(version.exitCode, 0);
        QVERIFY(version.out.startsWith(QStringLiteral("frontdeskctl ")));
    }

    void initSeedStats()
    {
        const Run init = ctl({QStringLiteral("init")});
        QVERIFY2(init.exitCode == 0, qPrintable(init.err));
        QVERIFY(QFile::exists(keyFile()));
        QCOMPARE(QFile::permissions(keyFile()) & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
                 QFileDevice::Permissions());
        const Run accounts = ctl({QStringLiteral("user"), QStringLiteral("demo-accounts")});
        QVERIFY2(accounts.exitCode == 0, qPrintable(accounts.err));
        const QString passwordFile = m_tmp.filePath(QStringLiteral("demo.pw"));
        QVERIFY(frontdesk::testing::writePasswordFile(passwordFile));
        m_signIn = frontdesk::testing::signedInAs(QStringLiteral("admin"), passwordFile);
        const Run seed =
            ctl({QStringLiteral("seed"), QStringLiteral("--patients"), QStringLiteral("1000"),
                 QStringLiteral("--appointments"), QStringLiteral("10000"),
                 QStringLiteral("--seed"), QStringLiteral("3")});
        QVERIFY2(seed.exitCode == 0, qPrintable(seed.err));
        const Run stats = ctl({QStringLiteral("stats"), QStringLiteral("--json")});
        QVERIFY2(stats.exitCode == 0, qPrintable(stats.err));
        const QJsonObject json = QJsonDocument::fromJson(stats.out.toUtf8()).object();
        QCOMPARE(json.value(QStringLiteral("patients")).toInteger(), 1000);
        QCOMPARE(json.value(QStringLiteral("appointments")).toInteger(), 10000);
        QVERIFY(json.value(QStringLiteral("practitioners")).toInteger() >= 4);
        QVERIFY(json.value(QStringLiteral("audit_log")).toInteger() >= 1);
        const Run check = ctl({QStringLiteral("check")});
        QVERIFY2(check.exitCode == 0, qPrintable(check.err));
        QVERIFY(check.out.contains(QStringLiteral("integrity ok")));
    }

    void noSurnameCanBeFoundInTheDataDirectory()
    {
        // The seeded names, read back through the tool's own JSON is not offered, so use the
        // fixed list the seeder draws from: any of them present in plaintext is a leak.
        const QStringList surnames{QStringLiteral("Müller"),    QStringLiteral("Schneider"),
                                   QStringLiteral("Hoffmann"),  QStringLiteral("Zimmermann"),
                                   QStringLiteral("Fernández"), QStringLiteral("Kowalski"),
                                   QStringLiteral("Williams"),  QStringLiteral("Johnson")};
        QDirIterator it(dataDir(), QDir::Files);
        int files = 0;
        while (it.hasNext()) {
            QFile f(it.next());
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QByteArray bytes = f.readAll();
            ++files;
            for (const QString &name : surnames)
                QVERIFY2(!bytes.contains(name.toUtf8()),
                         qPrintable(name + QStringLiteral(" in ") + f.fileName()));
        }
        QVERIFY(files >= 1);
    }

    void plainSqliteCannotReadTheDatabase()
    {
        const QString sqlite = QStandardPaths::findExecutable(QStringLiteral("sqlite3"));
        if (sqlite.isEmpty())
            QSKIP("the sqlite3 shell is not installed (scripts/test installs it)");
        QProcess p;
        p.start(sqlite, {QDir(dataDir()).filePath(QStringLiteral("frontdesk.db")),
                         QStringLiteral("SELECT count(*) FROM patients;")});
        QVERIFY(p.waitForFinished(30000));
        QVERIFY(p.exitCode() != 0);
        QVERIFY2(
            QString::fromUtf8(p.readAllStandardError()).contains(QStringLiteral("not a database")),
            "sqlite3 should see an encrypted file");
    }

    void wrongKeyIsAnErrorAndChangesNothing()
    {
        const QString other = m_tmp.filePath(QStringLiteral("other.key"));
        QFile f(other);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        QFile::setPermissions(other, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        // An empty key file has no entry: the existing database must not get a new key.
        const Run r = ctl({QStringLiteral("stats")}, other);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("will not create a new key"), Qt::CaseInsensitive) ||
                     r.err.contains(QStringLiteral("missing"), Qt::CaseInsensitive),
                 qPrintable(r.err));
        QCOMPARE(QFileInfo(other).size(), 0);
        // A key file readable by others is refused.
        QFile::setPermissions(keyFile(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                             QFileDevice::ReadOther);
        const Run loose = ctl({QStringLiteral("stats")});
        QCOMPARE(loose.exitCode, 2);
        QVERIFY2(loose.err.contains(QStringLiteral("chmod 600")), qPrintable(loose.err));
        QFile::setPermissions(keyFile(), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }

    void rekeyKeepsTheData()
    {
        const QByteArray before = [&] {
            QFile k(keyFile());
            return k.open(QIODevice::ReadOnly) ? k.readAll() : QByteArray();
        }();
        const Run rekey = ctl({QStringLiteral("rekey")});
        QVERIFY2(rekey.exitCode == 0, qPrintable(rekey.err));
        QFile k(keyFile());
        QVERIFY(k.open(QIODevice::ReadOnly));
        QVERIFY(k.readAll() != before);
        const Run stats = ctl({QStringLiteral("stats"), QStringLiteral("--json")});
        QCOMPARE(QJsonDocument::fromJson(stats.out.toUtf8())
                     .object()
                     .value(QStringLiteral("patients"))
                     .toInteger(),
                 1000);
    }

    void wipeNeedsConfirmationThenRemovesEverything()
    {
        const Run refused = ctl({QStringLiteral("wipe")});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY(QFile::exists(QDir(dataDir()).filePath(QStringLiteral("frontdesk.db"))));
        const Run wiped = ctl({QStringLiteral("wipe"), QStringLiteral("--yes")});
        QVERIFY2(wiped.exitCode == 0, qPrintable(wiped.err));
        for (const char *suffix : {"", "-wal", "-shm", "-journal"})
            QVERIFY(!QFile::exists(
                QDir(dataDir()).filePath(QStringLiteral("frontdesk.db") + QLatin1String(suffix))));
        const Run none = ctl({QStringLiteral("stats"), QStringLiteral("--json")});
        QCOMPARE(none.exitCode, 2);
        QVERIFY2(none.err.contains(QStringLiteral("init")), qPrintable(none.err));
        QVERIFY(!QFile::exists(QDir(dataDir()).filePath(QStringLiteral("frontdesk.db"))));
        // It starts as new.
        QCOMPARE(ctl({QStringLiteral("init")}).exitCode, 0);
        const Run stats = ctl({QStringLiteral("stats"), QStringLiteral("--json")});
        QCOMPARE(stats.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(stats.out.toUtf8())
                     .object()
                     .value(QStringLiteral("patients"))
                     .toInteger(),
                 0);
    }
};

QTEST_GUILESS_MAIN(TestFrontdeskCtl)
#include "tst_frontdeskctl.moc"
