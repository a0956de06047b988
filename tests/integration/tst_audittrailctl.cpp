#include "CtlProcess.h"
#include "CtlSignIn.h"
#include "KeyFileDatabase.h"
#include "access/AuditAnchor.h"
#include "database/Database.h"
#include "database/KeyFileSecretStore.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace frontdesk;

// The attack the anchor is for, end to end: someone who has the database key (a copied key file)
// removes the newest audit entries through SQL and rewrites the checkpoint to match; then
// frontdeskctl audit verify must say so, name the anchor it used and exit 2.
class TestAuditTrailCtl : public QObject
{
    Q_OBJECT

    QTemporaryDir m_tmp;
    QString dataDir() const { return m_tmp.filePath(QStringLiteral("data")); }
    QString keyFile() const { return m_tmp.filePath(QStringLiteral("frontdesk.key")); }
    QString passwordFile() const { return m_tmp.filePath(QStringLiteral("password")); }
    QStringList m_signIn;
    QString anchorFile() const
    {
        return QDir(dataDir()).filePath(QStringLiteral("audit-anchor.json"));
    }

    using Run = testing::CtlRun;
    Run ctl(const QStringList &args)
    {
        return testing::runCtl(QStringLiteral(FRONTDESK_CTL_PATH), dataDir(), keyFile(),
                               m_signIn + args);
    }
    // The database opened the way the attacker would: with the key from the key file.
    std::unique_ptr<Database> openWithStolenKey()
    {
        return testing::openWithKeyFile(dataDir(), keyFile());
    }
    static bool raw(Database &db, const QString &sql)
    {
        QSqlQuery q(db.connection());
        return q.exec(sql);
    }
    qint64 newestSeq()
    {
        auto db = openWithStolenKey();
        return db ? db->scalar(QStringLiteral("SELECT max(seq) FROM audit_log"))->toLongLong() : -1;
    }

private slots:
    void initTestCase() { QVERIFY(testing::writePasswordFile(passwordFile())); }

    void init()
    {
        m_signIn.clear();
        if (QFile::exists(QDir(dataDir()).filePath(Database::fileName())))
            QCOMPARE(ctl({QStringLiteral("wipe"), QStringLiteral("--yes")}).exitCode, 0);
        const Run init = ctl({QStringLiteral("init")});
        QVERIFY2(init.exitCode == 0, qPrintable(init.err));
        const Run accounts = ctl({QStringLiteral("user"), QStringLiteral("demo-accounts")});
        QVERIFY2(accounts.exitCode == 0, qPrintable(accounts.err));
        m_signIn = testing::signedInAs(QStringLiteral("admin"), passwordFile());
    }

    void everyCommandAnchorsTheTrailPrivately()
    {
        QVERIFY(QFile::exists(anchorFile()));
        const auto privateFile = QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                 QFileDevice::ReadUser | QFileDevice::WriteUser;
        QCOMPARE(QFile::permissions(anchorFile()), privateFile);
        // The anchor's key is not in the key file that opens the database.
        QVERIFY(QFile::exists(keyFile() + QStringLiteral(".anchor")));
        QCOMPARE(QFile::permissions(keyFile() + QStringLiteral(".anchor")), privateFile);
        QFile keys(keyFile());
        QVERIFY(keys.open(QIODevice::ReadOnly));
        QVERIFY(!keys.readAll().contains("audit-anchor"));

        const qint64 newest = newestSeq();
        QVERIFY(newest > 2);
        QFile anchor(anchorFile());
        QVERIFY(anchor.open(QIODevice::ReadOnly));
        QCOMPARE(
            QJsonDocument::fromJson(anchor.readAll()).object()[QStringLiteral("seq")].toInteger(),
            newest);

        const Run verify = ctl({QStringLiteral("audit"), QStringLiteral("verify")});
        QVERIFY2(verify.exitCode == 0, qPrintable(verify.err));
        QVERIFY2(verify.out.contains(
                     QStringLiteral("Checked against: the anchor at entry %1").arg(newest)),
                 qPrintable(verify.out));
        QVERIFY(verify.out.contains(anchorFile()));
    }

    // The attacker's edit: the newest two entries removed, the checkpoint rewritten to match;
    // with resetSequence also the counter that would have left a gap in the numbers.
    void cutTrailShort(qint64 newest, bool resetSequence)
    {
        auto db = openWithStolenKey();
        QVERIFY(db);
        QVERIFY(raw(*db, QStringLiteral("DROP TRIGGER audit_log_no_delete")));
        QVERIFY(raw(*db, QStringLiteral("DROP TRIGGER audit_checkpoint_follows_log")));
        QVERIFY(raw(*db, QStringLiteral("DELETE FROM audit_log WHERE seq > %1").arg(newest - 2)));
        QVERIFY(raw(*db, QStringLiteral("UPDATE audit_checkpoint SET last_seq = (SELECT "
                                        "max(seq) FROM audit_log), last_hash = (SELECT hash "
                                        "FROM audit_log ORDER BY seq DESC LIMIT 1), entries "
                                        "= (SELECT count(*) FROM audit_log)")));
        if (resetSequence)
            QVERIFY(raw(*db, QStringLiteral("UPDATE sqlite_sequence SET seq = (SELECT max(seq) "
                                            "FROM audit_log) WHERE name = 'audit_log'")));
    }

    void cutShortTrailWithRewrittenCheckpointIsFound()
    {
        const qint64 newest = newestSeq();
        cutTrailShort(newest, false);
        // The verifying person's own sign-in is appended first and takes the next numbers, so
        // the removed ones show as a gap.
        const Run verify = ctl({QStringLiteral("audit"), QStringLiteral("verify")});
        QCOMPARE(verify.exitCode, 2);
        QVERIFY2(verify.err.contains(
                     QStringLiteral("Entries %1 to %2 are missing").arg(newest - 1).arg(newest)),
                 qPrintable(verify.err));
        QVERIFY(verify.err.contains(
            QStringLiteral("Checked against: the anchor at entry %1").arg(newest)));

        // Nor can it be anchored again to hide it: the chain inside the database is broken.
        const Run reanchor = ctl({QStringLiteral("audit"), QStringLiteral("reanchor")});
        QCOMPARE(reanchor.exitCode, 2);
        QVERIFY2(reanchor.err.contains(QStringLiteral("not anchored again")),
                 qPrintable(reanchor.err));
        const Run later = ctl({QStringLiteral("audit"), QStringLiteral("verify")});
        QCOMPARE(later.exitCode, 2);
        QVERIFY2(later.err.contains(QStringLiteral("missing")), qPrintable(later.err));
    }

    void cutShortTrailWithItsNumbersResetIsFoundByTheAnchor()
    {
        const qint64 newest = newestSeq();
        cutTrailShort(newest, true);
        // Now the sign-in's entries take the removed numbers and chain on without a gap: only
        // the anchor outside the database knows that entry `newest` was another one.
        const Run verify = ctl({QStringLiteral("audit"), QStringLiteral("verify")});
        QCOMPARE(verify.exitCode, 2);
        QVERIFY2(verify.err.contains(QStringLiteral("Entry %1 is not the one the anchor outside "
                                                    "the database recorded")
                                         .arg(newest)) ||
                     verify.err.contains(QStringLiteral("shorter than its anchor")),
                 qPrintable(verify.err));
        QVERIFY(verify.err.contains(
            QStringLiteral("Checked against: the anchor at entry %1").arg(newest)));
        // The run itself did not move the anchor to the forged trail: it warned instead.
        QVERIFY(verify.err.contains(QStringLiteral("anchor was not updated")));
        const Run again =
            ctl({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--json")});
        QCOMPARE(again.exitCode, 2);
        const QJsonObject report = QJsonDocument::fromJson(again.out.toUtf8()).object();
        QCOMPARE(report[QStringLiteral("intact")].toBool(), false);
        QVERIFY(report[QStringLiteral("anchor")].toString().contains(anchorFile()));
    }

    void forgedAnchorIsReported()
    {
        QFile anchor(anchorFile());
        QVERIFY(anchor.open(QIODevice::ReadOnly));
        QJsonObject o = QJsonDocument::fromJson(anchor.readAll()).object();
        anchor.close();
        o.insert(QStringLiteral("seq"), o[QStringLiteral("seq")].toInteger() - 1);
        QVERIFY(anchor.open(QIODevice::WriteOnly | QIODevice::Truncate));
        anchor.write(QJsonDocument(o).toJson());
        anchor.close();
        const Run verify = ctl({QStringLiteral("audit"), QStringLiteral("verify")});
        QCOMPARE(verify.exitCode, 2);
        QVERIFY2(verify.err.contains(QStringLiteral("fails its authentication check")),
                 qPrintable(verify.err));
    }

    void removedAnchorIsReported()
    {
        QVERIFY(QFile::remove(anchorFile()));
        const Run verify = ctl({QStringLiteral("audit"), QStringLiteral("verify")});
        QCOMPARE(verify.exitCode, 2);
        QVERIFY2(verify.err.contains(QStringLiteral("missing")), qPrintable(verify.err));
        QVERIFY(!QFile::exists(anchorFile()));

        // Someone who has looked into it anchors the trail again, and that is in the trail.
        const Run reanchor = ctl({QStringLiteral("audit"), QStringLiteral("reanchor")});
        QVERIFY2(reanchor.exitCode == 0, qPrintable(reanchor.err));
        const Run after = ctl({QStringLiteral("audit"), QStringLiteral("verify")});
        QVERIFY2(after.exitCode == 0, qPrintable(after.err));
        QVERIFY(ctl({QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--action"),
                     QStringLiteral("audit-reanchor")})
                    .out.contains(QStringLiteral("audit-reanchor")));
    }

    void wipeRemovesTheAnchorAndItsKey()
    {
        QCOMPARE(ctl({QStringLiteral("wipe"), QStringLiteral("--yes")}).exitCode, 0);
        QVERIFY(!QFile::exists(anchorFile()));
        KeyFileSecretStore anchorKeys(keyFile() + QStringLiteral(".anchor"));
        AuditAnchor anchor(anchorKeys, dataDir());
        QCOMPARE(anchor.read()->state, AuditAnchor::State::None);
        // A database removed by hand leaves its anchor behind; a new one starts its own.
        QCOMPARE(ctl({QStringLiteral("init")}).exitCode, 0);
        QVERIFY(QDir(dataDir()).removeRecursively());
        const Run init = ctl({QStringLiteral("init")});
        QVERIFY2(init.exitCode == 0 && !init.err.contains(QStringLiteral("Warning")),
                 qPrintable(init.err));
        const Run accounts = ctl({QStringLiteral("user"), QStringLiteral("demo-accounts")});
        QVERIFY2(accounts.exitCode == 0 && !accounts.err.contains(QStringLiteral("Warning")),
                 qPrintable(accounts.err));
        QCOMPARE(ctl({QStringLiteral("audit"), QStringLiteral("verify")}).exitCode, 0);
    }
};

QTEST_GUILESS_MAIN(TestAuditTrailCtl)
#include "tst_audittrailctl.moc"
