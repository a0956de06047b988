#include "CtlProcess.h"
#include "CtlSignIn.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace frontdesk::testing;

// frontdeskctl's user and audit commands, end to end, the way an admin runs them: the first
// administrator without signing in (there is nobody to sign in as), then signed in as her.
class TestCtlAccess : public QObject
{
    Q_OBJECT

    QTemporaryDir m_tmp;
    QStringList m_signIn; // empty until the first account exists
    QString dataDir() const { return m_tmp.filePath(QStringLiteral("data")); }
    QString keyFile() const { return m_tmp.filePath(QStringLiteral("frontdesk.key")); }

    using Run = frontdesk::testing::CtlRun;
    Run ctl(const QStringList &args, const QByteArray &stdinData = {})
    {
        return frontdesk::testing::runCtl(QStringLiteral(FRONTDESK_CTL_PATH), dataDir(), keyFile(),
                                          m_signIn + args, stdinData);
    }
    QJsonArray json(const Run &run) { return QJsonDocument::fromJson(run.out.toUtf8()).array(); }

private slots:
    void initTestCase()
    {
        const Run init = ctl({QStringLiteral("init")});
        QVERIFY2(init.exitCode == 0, qPrintable(init.err));
    }

    void addRefusesWeakPasswordsWithTheReason()
    {
        const Run shortOne =
            ctl({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("alice"),
                 QStringLiteral("--role"), QStringLiteral("admin")},
                "short\n");
        QCOMPARE(shortOne.exitCode, 3);
        QVERIFY2(shortOne.err.contains(QStringLiteral("too short")), qPrintable(shortOne.err));
        const Run common =
            ctl({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("alice"),
                 QStringLiteral("--role"), QStringLiteral("admin")},
                "Password2026!\n");
        QCOMPARE(common.exitCode, 3);
        QVERIFY(common.err.contains(QStringLiteral("common passwords")));
        const Run badRole =
            ctl({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("alice"),
                 QStringLiteral("--role"), QStringLiteral("doctor")},
                "tidal marble orchard 7\n");
        QCOMPARE(badRole.exitCode, 1);
        // No account was made: listing needs a signed-in administrator, and there is none.
        const Run list =
            ctl({QStringLiteral("user"), QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(list.exitCode, 3);
        QVERIFY2(list.err.contains(QStringLiteral("--user NAME")), qPrintable(list.err));
    }

    void addListDisable()
    {
        const Run add = ctl({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("alice"),
                             QStringLiteral("--role"), QStringLiteral("admin")},
                            "tidal marble orchard 7\n");
        QVERIFY2(add.exitCode == 0, qPrintable(add.err));
        const QString alicePassword = m_tmp.filePath(QStringLiteral("alice.pw"));
        QVERIFY(writePasswordFile(alicePassword, QStringLiteral("tidal marble orchard 7")));
        // From now on alice signs in, and a second account is hers to add.
        const Run anonymous =
            ctl({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("bob"),
                 QStringLiteral("--role"), QStringLiteral("nurse")},
                "quiet violet harbour 42\n");
        QCOMPARE(anonymous.exitCode, 3);
        m_signIn = signedInAs(QStringLiteral("alice"), alicePassword);
        QCOMPARE(ctl({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("bob"),
                      QStringLiteral("--role"), QStringLiteral("nurse")},
                     "quiet violet harbour 42\n")
                     .exitCode,
                 0);
        QCOMPARE(ctl({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("bob"),
                      QStringLiteral("--role"), QStringLiteral("nurse")},
                     "quiet violet harbour 42\n")
                     .exitCode,
                 3);
        QCOMPARE(ctl({QStringLiteral("user"), QStringLiteral("disable"), QStringLiteral("bob")})
                     .exitCode,
                 0);
        // The last administrator stays.
        QCOMPARE(ctl({QStringLiteral("user"), QStringLiteral("disable"), QStringLiteral("alice")})
                     .exitCode,
                 3);
        const QJsonArray users =
            json(ctl({QStringLiteral("user"), QStringLiteral("list"), QStringLiteral("--json")}));
        QCOMPARE(users.size(), 2);
        QCOMPARE(users.at(0)[QStringLiteral("username")].toString(), QStringLiteral("alice"));
        QCOMPARE(users.at(0)[QStringLiteral("role")].toString(), QStringLiteral("admin"));
        QCOMPARE(users.at(1)[QStringLiteral("active")].toBool(), false);
        QVERIFY(!users.at(0).toObject().contains(QStringLiteral("password_hash")));
        QCOMPARE(ctl({QStringLiteral("user"), QStringLiteral("passwd"), QStringLiteral("bob")},
                     "another fine passphrase\n")
                     .exitCode,
                 0);
        QCOMPARE(ctl({QStringLiteral("user"), QStringLiteral("passwd"), QStringLiteral("nobody")},
                     "another fine passphrase\n")
                     .exitCode,
                 2);
    }

    void auditListNamesThePersonAndTheOperatingSystemUser()
    {
        const Run list =
            ctl({QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--json")});
        QVERIFY2(list.exitCode == 0, qPrintable(list.err));
        const QJsonArray entries = json(list);
        QVERIFY(entries.size() >= 4);
        QStringList actions;
        for (const auto &e : entries) {
            const QString action = e[QStringLiteral("action")].toString();
            actions << action;
            // The first administrator was made before anyone could sign in: by the system, for
            // the command the OS user ran; everything after by alice.
            if (action == QLatin1String("user-create") &&
                e[QStringLiteral("detail")][QStringLiteral("username")].toString() ==
                    QLatin1String("alice")) {
                QCOMPARE(e[QStringLiteral("actor_kind")].toString(), QStringLiteral("system"));
                const QString actor = e[QStringLiteral("actor")].toString();
                QVERIFY2(actor.startsWith(QStringLiteral("frontdeskctl user add (os user ")),
                         qPrintable(actor));
            }
            if (action == QLatin1String("user-update") ||
                action == QLatin1String("password-change") ||
                action == QLatin1String("ctl-command")) {
                QCOMPARE(e[QStringLiteral("actor_kind")].toString(), QStringLiteral("staff"));
                QCOMPARE(e[QStringLiteral("actor")].toString(), QStringLiteral("alice"));
            }
        }
        QVERIFY(actions.contains(QStringLiteral("user-create")));
        QVERIFY(actions.contains(QStringLiteral("user-update")));
        QVERIFY(actions.contains(QStringLiteral("password-change")));
        QVERIFY(actions.contains(QStringLiteral("ctl-command")));
        const QJsonArray byAlice =
            json(ctl({QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--actor"),
                      QStringLiteral("alice"), QStringLiteral("--json")}));
        QVERIFY(!byAlice.isEmpty());
        for (const auto &e : byAlice)
            QCOMPARE(e[QStringLiteral("actor")].toString(), QStringLiteral("alice"));
        QCOMPARE(
            json(ctl({QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--actor"),
                      QStringLiteral("someone-else"), QStringLiteral("--json")}))
                .size(),
            0);
    }

    void verifyReportsIntact()
    {
        const Run verify = ctl({QStringLiteral("audit"), QStringLiteral("verify")});
        QVERIFY2(verify.exitCode == 0, qPrintable(verify.err));
        QVERIFY(verify.out.contains(QStringLiteral("intact")));
        const QJsonObject report =
            QJsonDocument::fromJson(
                ctl({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--json")})
                    .out.toUtf8())
                .object();
        QCOMPARE(report[QStringLiteral("intact")].toBool(), true);
    }

    void rekeyIsAudited()
    {
        const Run rekey = ctl({QStringLiteral("rekey")});
        QVERIFY2(rekey.exitCode == 0, qPrintable(rekey.err));
        const QJsonArray rotations =
            json(ctl({QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--action"),
                      QStringLiteral("key-rotation"), QStringLiteral("--json")}));
        QCOMPARE(rotations.size(), 1);
        QCOMPARE(ctl({QStringLiteral("audit"), QStringLiteral("verify")}).exitCode, 0);
    }

    void clinicSettingsAreShownAndChanged()
    {
        const Run set = ctl({QStringLiteral("settings"), QStringLiteral("set"),
                             QStringLiteral("clinic_time_zone"), QStringLiteral("Europe/Vienna")});
        QVERIFY2(set.exitCode == 0, qPrintable(set.err));
        QVERIFY2(set.out.contains(QStringLiteral("clinic_time_zone = Europe/Vienna")),
                 qPrintable(set.out));
        QVERIFY2(set.out.contains(QStringLiteral("next sync")), qPrintable(set.out));
        const Run shown = ctl({QStringLiteral("settings"), QStringLiteral("--json")});
        QCOMPARE(shown.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(shown.out.toUtf8()).object();
        QCOMPARE(o[QStringLiteral("settings")][QStringLiteral("clinic_time_zone")].toString(),
                 QStringLiteral("Europe/Vienna"));
        QVERIFY(o[QStringLiteral("settings")][QStringLiteral("clinic_quiet_hours")].isNull());
        QCOMPARE(o[QStringLiteral("sync_state")].toString(), QStringLiteral("pending"));
        // A value its owner refuses, and a key that is not the clinic's, say why.
        const Run badZone =
            ctl({QStringLiteral("settings"), QStringLiteral("set"),
                 QStringLiteral("clinic_time_zone"), QStringLiteral("Mars/Olympus")});
        QVERIFY(badZone.exitCode != 0);
        QVERIFY2(badZone.err.contains(QStringLiteral("Mars/Olympus")), qPrintable(badZone.err));
        const Run notClinic = ctl({QStringLiteral("settings"), QStringLiteral("set"),
                                   QStringLiteral("sync_server_url"), QStringLiteral("x")});
        QCOMPARE(notClinic.exitCode, 1);
        QVERIFY2(notClinic.err.contains(QStringLiteral("clinic_quiet_hours")),
                 qPrintable(notClinic.err));
        const QJsonArray changes =
            json(ctl({QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--action"),
                      QStringLiteral("settings-change"), QStringLiteral("--json")}));
        QCOMPARE(changes.size(), 1);
    }

    void demoAccountsOnlyOnAnEmptyDatabase()
    {
        QCOMPARE(ctl({QStringLiteral("user"), QStringLiteral("demo-accounts")}).exitCode, 3);
        QCOMPARE(ctl({QStringLiteral("wipe"), QStringLiteral("--yes")}).exitCode, 0);
        QCOMPARE(ctl({QStringLiteral("init")}).exitCode, 0);
        const Run demo = ctl({QStringLiteral("user"), QStringLiteral("demo-accounts")});
        QVERIFY2(demo.exitCode == 0, qPrintable(demo.err));
        const QString demoPasswordFile = m_tmp.filePath(QStringLiteral("demo.pw"));
        QVERIFY(writePasswordFile(demoPasswordFile));
        m_signIn = signedInAs(QStringLiteral("admin"), demoPasswordFile);
        const QJsonArray users =
            json(ctl({QStringLiteral("user"), QStringLiteral("list"), QStringLiteral("--json")}));
        QStringList roles;
        for (const auto &u : users)
            roles << u[QStringLiteral("role")].toString();
        roles.sort();
        QCOMPARE(roles, (QStringList{QStringLiteral("admin"), QStringLiteral("manager"),
                                     QStringLiteral("nurse"), QStringLiteral("receptionist")}));
    }
};

QTEST_GUILESS_MAIN(TestCtlAccess)
#include "tst_ctlaccess.moc"
