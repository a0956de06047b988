// Workstation → Connect to server…: the dialog with the app's own enroller (BackgroundEnroller)
// against the real frontdesk-server, started here on loopback. The window keeps its event loop
// while the enrollment runs; refusals and the result show in the dialog. With
// FRONTDESK_SCREENSHOT_DIR set, the dialog is saved there after each step.
#include "BackgroundEnroller.h"
#include "ServerProcess.h"
#include "TestDatabase.h"
#include "WorkstationCredential.h"
#include "admin/ConnectServerDialog.h"
#include "database/MemorySecretStore.h"

#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace frontdesk;

namespace {
const QByteArray kPassword = "tidal marble orchard 7";
}

class TestConnectServerDialog : public QObject
{
    Q_OBJECT

    test::TestDatabase t;
    MemorySecretStore m_store;
    QTemporaryDir m_serverDir;
    QProcess m_server;
    QString m_base;

    void shoot(QWidget &w, const QString &name)
    {
        if (const QString dir = qEnvironmentVariable("FRONTDESK_SCREENSHOT_DIR"); !dir.isEmpty())
            QVERIFY(w.grab().save(QDir(dir).filePath(name + QStringLiteral(".png"))));
    }
    QStringList serverArgs() const
    {
        return {QStringLiteral("--config"), m_serverDir.filePath(QStringLiteral("none.conf")),
                QStringLiteral("--data-dir"), m_serverDir.filePath(QStringLiteral("data"))};
    }

private slots:
    void initTestCase()
    {
        QVERIFY(t.open());
        QVERIFY(m_serverDir.isValid());
        QFile none(m_serverDir.filePath(QStringLiteral("none.conf")));
        QVERIFY(none.open(QIODevice::WriteOnly));
        none.close();
        QProcess add;
        add.start(QStringLiteral(FRONTDESK_SERVER_PATH),
                  serverArgs() << QStringLiteral("user") << QStringLiteral("add")
                               << QStringLiteral("alice") << QStringLiteral("--role")
                               << QStringLiteral("admin"));
        QVERIFY(add.waitForStarted());
        add.write(kPassword + '\n');
        add.closeWriteChannel();
        QVERIFY(add.waitForFinished(60000));
        QCOMPARE(add.exitCode(), 0);
        QByteArray seen;
        m_base = testing::startServerProcess(m_server, QStringLiteral(FRONTDESK_SERVER_PATH),
                                             serverArgs() << QStringLiteral("--listen")
                                                          << QStringLiteral("127.0.0.1:0")
                                                          << QStringLiteral("--insecure-http"),
                                             &seen);
        QVERIFY2(!m_base.isEmpty(), seen.constData());
    }

    void cleanupTestCase()
    {
        m_server.terminate();
        m_server.waitForFinished(5000);
    }

    void plainHttpIsRefusedBeforeAnythingIsSent()
    {
        BackgroundEnroller enroller(*t.db, m_store, t.dir.path());
        ConnectServerDialog dialog(enroller);
        dialog.show();
        QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("currentEnrollment"))
                    ->text()
                    .contains(QStringLiteral("not enrolled")));
        dialog.serverEdit()->setText(m_base);
        dialog.userEdit()->setText(QStringLiteral("alice"));
        dialog.passwordEdit()->setText(QString::fromLatin1(kPassword));
        dialog.connectToServer();
        QVERIFY(!dialog.isBusy());
        QVERIFY2(dialog.messageLabel()->text().contains(QStringLiteral("plain HTTP")),
                 qPrintable(dialog.messageLabel()->text()));
        shoot(dialog, QStringLiteral("connect-server-refused"));
    }

    void anUnreachableServerIsReportedWhileTheWindowKeepsWorking()
    {
        BackgroundEnroller enroller(*t.db, m_store, t.dir.path());
        ConnectServerDialog dialog(enroller);
        dialog.show();
        // Nothing listens on port 1 of this machine.
        dialog.serverEdit()->setText(QStringLiteral("https://127.0.0.1:1"));
        dialog.userEdit()->setText(QStringLiteral("alice"));
        dialog.passwordEdit()->setText(QString::fromLatin1(kPassword));
        dialog.connectToServer();
        QVERIFY(dialog.isBusy());
        QVERIFY(!dialog.connectButton()->isEnabled());
        // The test's own event loop turns while the enrollment runs elsewhere.
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isBusy(), 20000);
        QVERIFY2(dialog.messageLabel()->text().contains(QStringLiteral("cannot be reached")),
                 qPrintable(dialog.messageLabel()->text()));
        QVERIFY(dialog.connectButton()->isEnabled());
    }

    void aWrongPasswordShowsTheServersAnswer()
    {
        BackgroundEnroller enroller(*t.db, m_store, t.dir.path());
        ConnectServerDialog dialog(enroller);
        dialog.show();
        dialog.serverEdit()->setText(m_base);
        dialog.insecureBox()->setChecked(true);
        dialog.userEdit()->setText(QStringLiteral("alice"));
        dialog.passwordEdit()->setText(QStringLiteral("not the password at all"));
        dialog.connectToServer();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isBusy(), 20000);
        QVERIFY2(dialog.messageLabel()->text().contains(QStringLiteral("401")),
                 qPrintable(dialog.messageLabel()->text()));
        QVERIFY(t.db->setting(QStringLiteral("sync_server_url")).isEmpty());
    }

    void enrollsAndKeepsTheCredential()
    {
        BackgroundEnroller enroller(*t.db, m_store, t.dir.path());
        ConnectServerDialog dialog(enroller);
        dialog.resize(dialog.sizeHint());
        dialog.show();
        QSignalSpy enrolled(&dialog, &ConnectServerDialog::enrolled);
        dialog.serverEdit()->setText(m_base);
        dialog.insecureBox()->setChecked(true);
        dialog.userEdit()->setText(QStringLiteral("alice"));
        dialog.passwordEdit()->setText(QString::fromLatin1(kPassword));
        dialog.nameEdit()->setText(QStringLiteral("Reception 2"));
        dialog.connectToServer();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isBusy(), 20000);
        QCOMPARE(enrolled.count(), 1);
        QVERIFY2(dialog.messageLabel()->text().contains(QStringLiteral("Reception 2")),
                 qPrintable(dialog.messageLabel()->text()));
        QVERIFY(dialog.passwordEdit()->text().isEmpty());
        QCOMPARE(t.db->setting(QStringLiteral("sync_server_url")), m_base);
        QCOMPARE(t.db->setting(QStringLiteral("sync_insecure")), QStringLiteral("1"));
        auto credential = WorkstationCredential::load(m_store, t.dir.path());
        QVERIFY(credential && credential->has_value());
        QCOMPARE((*credential)->name, QStringLiteral("Reception 2"));
        QVERIFY(enroller.current().contains(QStringLiteral("Reception 2")));
        shoot(dialog, QStringLiteral("connect-server-enrolled"));
    }
};

QTEST_MAIN(TestConnectServerDialog)
#include "tst_connectserverdialog.moc"
