#include "CtlProcess.h"
#include "CtlSignIn.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace frontdesk::testing;

// frontdeskctl runs as a staff member: without a valid sign-in only init, check, stats, wipe and
// the first account run; everything else exits 3 and says why. Failed tries count toward the
// app's lock-out, and the trail names the person and the operating-system user.
class TestCtlSignIn : public QObject
{
    Q_OBJECT

    QTemporaryDir m_tmp;
    QString dataDir() const { return m_tmp.filePath(QStringLiteral("data")); }
    QString keyFile() const { return m_tmp.filePath(QStringLiteral("frontdesk.key")); }
    QString passwordFile() const { return m_tmp.filePath(QStringLiteral("demo.pw")); }

    using Run = CtlRun;
    Run ctl(const QStringList &args)
    {
        return runCtl(QStringLiteral(FRONTDESK_CTL_PATH), dataDir(), keyFile(), args);
    }
    Run as(const QString &user, const QStringList &args)
    {
        return ctl(signedInAs(user, passwordFile()) + args);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        QCOMPARE(ctl({QStringLiteral("init")}).exitCode, 0);
        // The first account needs no sign-in while there is none.
        const Run demo = ctl({QStringLiteral("user"), QStringLiteral("demo-accounts")});
        QVERIFY2(demo.exitCode == 0, qPrintable(demo.err));
        QVERIFY(writePasswordFile(passwordFile()));
    }

    void openCommandsRunWithoutSignIn()
    {
        QCOMPARE(ctl({QStringLiteral("check")}).exitCode, 0);
        QCOMPARE(ctl({QStringLiteral("stats")}).exitCode, 0);
        QCOMPARE(ctl({QStringLiteral("--version")}).exitCode, 0);
        QCOMPARE(ctl({QStringLiteral("search"), QStringLiteral("--help")}).exitCode, 0);
    }

    void guardedCommandsRefuseWithoutSignIn_data()
    {
        QTest::addColumn<QStringList>("command");
        QTest::newRow("user role")
            << QStringList{QStringLiteral("user"), QStringLiteral("role"), QStringLiteral("nurse"),
                           QStringLiteral("--role"), QStringLiteral("admin")};
        QTest::newRow("user list") << QStringList{QStringLiteral("user"), QStringLiteral("list")};
        QTest::newRow("user add (accounts exist)")
            << QStringList{QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("mallory"),
                           QStringLiteral("--role"), QStringLiteral("admin")};
        QTest::newRow("audit list") << QStringList{QStringLiteral("audit"), QStringLiteral("list")};
        QTest::newRow("export-fhir")
            << QStringList{QStringLiteral("export-fhir"), QStringLiteral("--output"),
                           m_tmp.filePath(QStringLiteral("x.json"))};
        QTest::newRow("search") << QStringList{QStringLiteral("search"), QStringLiteral("Anna")};
        QTest::newRow("day") << QStringList{QStringLiteral("day")};
    }

    void guardedCommandsRefuseWithoutSignIn()
    {
        QFETCH(QStringList, command);
        const Run r = ctl(command);
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains(QStringLiteral("--user NAME")), qPrintable(r.err));
        QVERIFY(!QFile::exists(m_tmp.filePath(QStringLiteral("x.json"))));
    }

    void noTerminalMeansNoPasswordPrompt()
    {
        // QProcess gives no terminal: the password cannot be asked, so it is refused.
        const Run r = ctl({QStringLiteral("--user"), QStringLiteral("admin"),
                           QStringLiteral("audit"), QStringLiteral("verify")});
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains(QStringLiteral("--password-file")), qPrintable(r.err));
    }

    void aPasswordFileOthersMayReadIsRefused()
    {
        const QString open = m_tmp.filePath(QStringLiteral("open.pw"));
        QVERIFY(writePasswordFile(open));
        QVERIFY(QFile::setPermissions(open, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                QFileDevice::ReadGroup | QFileDevice::ReadOther));
        const Run r = ctl(signedInAs(QStringLiteral("admin"), open) +
                          QStringList{QStringLiteral("audit"), QStringLiteral("verify")});
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains(QStringLiteral("chmod 600")), qPrintable(r.err));
    }

    void theRoleDecides()
    {
        QCOMPARE(
            as(QStringLiteral("admin"), {QStringLiteral("user"), QStringLiteral("list")}).exitCode,
            0);
        for (const QStringList &command :
             {QStringList{QStringLiteral("user"), QStringLiteral("role"),
                          QStringLiteral("receptionist"), QStringLiteral("--role"),
                          QStringLiteral("admin")},
              QStringList{QStringLiteral("audit"), QStringLiteral("list")},
              QStringList{QStringLiteral("export-fhir"), QStringLiteral("--output"),
                          m_tmp.filePath(QStringLiteral("r.json"))}}) {
            const Run r = as(QStringLiteral("receptionist"), command);
            QCOMPARE(r.exitCode, 3);
            QVERIFY2(r.err.contains(QStringLiteral("receptionist")), qPrintable(r.err));
        }
        QVERIFY(!QFile::exists(m_tmp.filePath(QStringLiteral("r.json"))));
        // Nothing changed: the receptionist is still a receptionist.
        const QJsonArray users =
            QJsonDocument::fromJson(
                as(QStringLiteral("admin"),
                   {QStringLiteral("user"), QStringLiteral("list"), QStringLiteral("--json")})
                    .out.toUtf8())
                .array();
        bool found = false;
        for (const auto &u : users)
            if (u[QStringLiteral("username")].toString() == QLatin1String("receptionist")) {
                QCOMPARE(u[QStringLiteral("role")].toString(), QStringLiteral("receptionist"));
                found = true;
            }
        QVERIFY(found);
    }

    void theTrailNamesThePersonAndTheOsUser()
    {
        const Run kpi =
            as(QStringLiteral("manager"),
               {QStringLiteral("kpi"), QStringLiteral("--from"), QStringLiteral("2026-01-01"),
                QStringLiteral("--to"), QStringLiteral("2026-01-31")});
        QVERIFY2(kpi.exitCode == 0, qPrintable(kpi.err));
        const QJsonArray entries =
            QJsonDocument::fromJson(
                as(QStringLiteral("admin"),
                   {QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--actor"),
                    QStringLiteral("manager"), QStringLiteral("--json")})
                    .out.toUtf8())
                .array();
        bool commandSeen = false;
        for (const auto &e : entries) {
            QCOMPARE(e[QStringLiteral("actor_kind")].toString(), QStringLiteral("staff"));
            if (e[QStringLiteral("action")].toString() == QLatin1String("ctl-command")) {
                commandSeen = true;
                QCOMPARE(e[QStringLiteral("entity_id")].toString(), QStringLiteral("kpi"));
                QVERIFY2(
                    !e[QStringLiteral("detail")][QStringLiteral("os_user")].toString().isEmpty(),
                    QJsonDocument(e.toObject()).toJson().constData());
            }
        }
        QVERIFY(commandSeen);
    }

    void wrongPasswordsCountTowardTheLockOut()
    {
        const QString wrong = m_tmp.filePath(QStringLiteral("wrong.pw"));
        QVERIFY(writePasswordFile(wrong, QStringLiteral("not the password at all")));
        for (int i = 0; i < 5; ++i) {
            const Run r = ctl(signedInAs(QStringLiteral("nurse"), wrong) +
                              QStringList{QStringLiteral("day")});
            QCOMPARE(r.exitCode, 3);
        }
        // Locked now: the right password is refused too, as at the app's sign-in screen.
        const Run locked = as(QStringLiteral("nurse"), {QStringLiteral("day")});
        QCOMPARE(locked.exitCode, 3);
        const QJsonArray users =
            QJsonDocument::fromJson(
                as(QStringLiteral("admin"),
                   {QStringLiteral("user"), QStringLiteral("list"), QStringLiteral("--json")})
                    .out.toUtf8())
                .array();
        bool nurseLocked = false;
        for (const auto &u : users)
            if (u[QStringLiteral("username")].toString() == QLatin1String("nurse"))
                nurseLocked = u[QStringLiteral("locked")].toBool();
        QVERIFY(nurseLocked);
    }
};

QTEST_GUILESS_MAIN(TestCtlSignIn)
#include "tst_ctlsignin.moc"
