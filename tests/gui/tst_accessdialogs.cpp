#include "TestClock.h"
#include "TestDatabase.h"

#include "AuditTrailModel.h"
#include "access/Session.h"
#include "access/StaffAccountRepository.h"
#include "admin/AuditViewer.h"
#include "common/SignInDialog.h"

#include <QFile>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QTemporaryDir>
#include <QTest>

using namespace frontdesk;

namespace {
const QString kPassword = QStringLiteral("tidal marble orchard 7");
}

// The first-run dialog and the managers' audit viewer.
class TestAccessDialogs : public QObject
{
    Q_OBJECT

    test::TestDatabase t;
    TestClock clock{QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC)};

private slots:
    void initTestCase()
    {
        QVERIFY(t.open());
        t.db->setClock(clock);
    }

    void firstRunCreatesTheFirstAdministrator()
    {
        Session session(*t.db);
        SignInDialog dialog(session, SignInDialog::Mode::FirstAdministrator,
                            QStringLiteral("Clinic"));
        dialog.show();
        dialog.usernameEdit()->setText(QStringLiteral("alex"));
        dialog.passwordEdit()->setText(QStringLiteral("password1234"));
        dialog.repeatEdit()->setText(QStringLiteral("password1234"));
        dialog.accept();
        QVERIFY(dialog.isVisible());
        QVERIFY2(dialog.errorLabel()->text().contains(QStringLiteral("common passwords")),
                 qPrintable(dialog.errorLabel()->text()));
        QCOMPARE(*StaffAccountRepository(*t.db).count(), 0);

        dialog.passwordEdit()->setText(kPassword);
        dialog.repeatEdit()->setText(QStringLiteral("something else entirely"));
        dialog.accept();
        QVERIFY(dialog.errorLabel()->text().contains(QStringLiteral("differ")));

        dialog.passwordEdit()->setText(kPassword);
        dialog.repeatEdit()->setText(kPassword);
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY(session.isSignedIn());
        QCOMPARE(session.account()->role, Role::Admin);
        QVERIFY(StaffAccountRepository(*t.db)
                    .create(QStringLiteral("max"), Role::Manager, kPassword)
                    .ok());
        QVERIFY(StaffAccountRepository(*t.db)
                    .create(QStringLiteral("rita"), Role::Receptionist, kPassword)
                    .ok());
        QVERIFY(session.signOut().ok());
    }

    void managerFiltersAndExports()
    {
        Session session(*t.db);
        QVERIFY(session.signIn(QStringLiteral("max"), kPassword).ok());
        AuditViewer viewer(*t.db);
        viewer.show();
        const int all = viewer.model()->rowCount();
        QVERIFY(all >= 5);

        AuditQuery::Filter byAlex;
        byAlex.actor = QStringLiteral("alex");
        QVERIFY(viewer.model()->setFilter(byAlex).ok());
        QVERIFY(viewer.model()->rowCount() >= 3);
        QVERIFY(viewer.model()->rowCount() < all);
        for (int r = 0; r < viewer.model()->rowCount(); ++r)
            QCOMPARE(viewer.model()->index(r, AuditTrailModel::User).data().toString(),
                     QStringLiteral("alex"));

        QTemporaryDir tmp;
        const QString path = tmp.filePath(QStringLiteral("audit.csv"));
        QString message;
        QVERIFY2(viewer.exportTo(path, &message), qPrintable(message));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().split('\n');
        QCOMPARE(lines.size() - 1, viewer.model()->rowCount() + 1);
        const int exported = viewer.model()->rowCount();

        viewer.verifyChain();
        QVERIFY(viewer.statusLabel()->text().contains(QStringLiteral("intact")));
        AuditQuery::Filter exports;
        exports.action = QStringLiteral("audit-export");
        QVERIFY(viewer.model()->setFilter(exports).ok());
        QCOMPARE(viewer.model()->rowCount(), 1);
        QCOMPARE(viewer.model()->index(0, AuditTrailModel::User).data().toString(),
                 QStringLiteral("max"));
        // The export names the filter it was made with and how many entries it held.
        const AuditEntry exportEntry = viewer.model()->entries().first();
        QCOMPARE(exportEntry.detail[QStringLiteral("filter")].toObject(),
                 (QJsonObject{{QStringLiteral("actor"), QStringLiteral("alex")},
                              {QStringLiteral("limit"), byAlex.limit}}));
        QCOMPARE(exportEntry.detail[QStringLiteral("entries")].toInt(), exported);

        // Each list the viewer showed is in the trail as well, newest first: this one last.
        AuditQuery::Filter reads;
        reads.action = QStringLiteral("audit-read");
        QVERIFY(viewer.model()->setFilter(reads).ok());
        QVERIFY(viewer.model()->rowCount() >= 3);
        const AuditEntry lastRead = viewer.model()->entries().first();
        QCOMPARE(lastRead.actor, QStringLiteral("max"));
        QCOMPARE(lastRead.detail[QStringLiteral("filter")]
                     .toObject()[QStringLiteral("action")]
                     .toString(),
                 QStringLiteral("audit-export"));
        QCOMPARE(lastRead.detail[QStringLiteral("entries")].toInt(), 1);
    }

    void receptionistSeesNoAuditTrail()
    {
        Session session(*t.db);
        QVERIFY(session.signIn(QStringLiteral("rita"), kPassword).ok());
        AuditViewer viewer(*t.db);
        QCOMPARE(viewer.model()->rowCount(), 0);
        QVERIFY2(viewer.statusLabel()->text().contains(QStringLiteral("audit trail")),
                 qPrintable(viewer.statusLabel()->text()));
    }
};

QTEST_MAIN(TestAccessDialogs)
#include "tst_accessdialogs.moc"
