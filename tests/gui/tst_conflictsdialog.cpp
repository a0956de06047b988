// File → Sync Conflicts…: the dialog over the app's SyncConflicts, on a workstation database
// holding a patient the server had changed meanwhile (as the sync engine leaves one after a 412)
// and a booking the server refused.
#include "SyncConflicts.h"
#include "TestDatabase.h"

#include "MainWindow.h"
#include "SyncStatus.h"
#include "admin/ConflictsDialog.h"
#include "common/SyncStatusWidget.h"
#include "domain/RecordMeta.h"
#include "fhir/FhirMapping.h"
#include "storage/PatientRepository.h"

#include <QJsonDocument>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>

using namespace frontdesk;

class TestConflictsDialog : public QObject
{
    Q_OBJECT

    test::TestDatabase t;
    QString m_patientId;

    bool exec(const QString &sql, const QVariantList &binds)
    {
        auto q = t.db->query(sql, binds);
        if (!q)
            qWarning("%s", qPrintable(q.error()));
        return q.ok();
    }

    static QString json(const Patient &p)
    {
        QJsonObject o = FhirMapping::toFhir(p);
        o.insert(QStringLiteral("id"), p.meta.id);
        return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(t.open());
        Patient p;
        p.mrn = QStringLiteral("MRN-7");
        p.familyName = QStringLiteral("Quast");
        p.givenName = QStringLiteral("Ilse");
        p.birthDate = QDate(1961, 2, 3);
        p.phoneMobile = QStringLiteral("+49 170 1000000");
        QVERIFY(PatientRepository(*t.db).save(p).ok());
        m_patientId = p.meta.id;
        const QString base = json(p);
        Patient theirs = p;
        theirs.phoneMobile = QStringLiteral("+49 170 1111111");
        p.phoneMobile = QStringLiteral("+49 170 2222222");
        QVERIFY(PatientRepository(*t.db).save(p).ok());
        QVERIFY(exec(QStringLiteral("UPDATE patients SET sync_state = 'conflict', server_version = "
                                    "'1' WHERE id = ?"),
                     {m_patientId}));
        QVERIFY(exec(QStringLiteral("DELETE FROM outbox"), {}));
        QVERIFY(exec(QStringLiteral("INSERT INTO sync_records (resource_type, resource_id, "
                                    "server_version, resource, problem, updated_at, theirs, "
                                    "theirs_version, theirs_by, mine_by) VALUES ('Patient', ?, "
                                    "1, ?, 'HTTP 412: phone_mobile', 1, ?, 2, 'alice', 'rita')"),
                     {m_patientId, base, json(theirs)}));
    }

    void showsBothVersionsAndTakesTheServers()
    {
        SyncConflicts conflicts(*t.db);
        ConflictsDialog dialog(conflicts);
        dialog.show();
        QCOMPARE(dialog.list()->count(), 1);
        QVERIFY(dialog.list()->item(0)->text().contains(QStringLiteral("Quast")));
        QCOMPARE(dialog.fields()->rowCount(), 1);
        QVERIFY(dialog.fields()->item(0, 0)->text().contains(QStringLiteral("Mobile phone")));
        QCOMPARE(dialog.fields()->item(0, 1)->text(), QStringLiteral("+49 170 2222222"));
        QCOMPARE(dialog.fields()->item(0, 2)->text(), QStringLiteral("+49 170 1111111"));
        QVERIFY(dialog.fields()->item(0, 1)->font().bold()); // changed on both sides
        QVERIFY(dialog.takeTheirsButton()->isEnabled());
        // As README "screenshots": a look at the dialog as a person sees it.
        if (const QString dir = qEnvironmentVariable("FRONTDESK_SCREENSHOT_DIR"); !dir.isEmpty())
            QVERIFY(dialog.grab().save(dir + QStringLiteral("/dialog-conflicts.png")));

        QSignalSpy settled(&dialog, &ConflictsDialog::settled);
        QTest::mouseClick(dialog.takeTheirsButton(), Qt::LeftButton);
        QCOMPARE(settled.count(), 1);
        QCOMPARE(settled.first().at(1).toString(), m_patientId);
        auto now = PatientRepository(*t.db).get(m_patientId);
        QVERIFY2(now.ok(), qPrintable(now.error()));
        QCOMPARE(now->phoneMobile, QStringLiteral("+49 170 1111111"));
        QCOMPARE(now->meta.syncState, SyncState::synced());
        QCOMPARE(dialog.list()->count(), 0);
        QVERIFY(!dialog.keepMineButton()->isEnabled());
        QVERIFY2(dialog.messageLabel()->text().contains(QStringLiteral("Nothing waits")),
                 qPrintable(dialog.messageLabel()->text()));
    }

    // The status bar offers Settle… while records wait, and it opens this dialog.
    void theStatusBarOpensIt()
    {
        SyncConflicts conflicts(*t.db);
        MainWindow w(*t.db, QStringLiteral("Praxis am Markt"));
        w.setSyncIssues(&conflicts);
        w.show();
        QPushButton *settle = w.syncStatusWidget()->settleButton();
        QVERIFY(settle->isHidden());
        SyncReport waiting;
        waiting.rejected = 1;
        w.syncStatus()->apply(waiting);
        QVERIFY(settle->isVisible());
        QVERIFY(!settle->accessibleName().isEmpty());
        QTest::mouseClick(settle, Qt::LeftButton);
        auto *dialog = w.findChild<ConflictsDialog *>();
        QVERIFY(dialog && dialog->isVisible());
        dialog->close();
    }

    // Keeping this workstation's version queues it again on top of the server's; a record the
    // server never had offers nothing of the server's to take.
    void keepsMineAndRefusesTheirsForARecordTheServerNeverHad()
    {
        QVERIFY(exec(QStringLiteral("UPDATE patients SET sync_state = 'rejected', server_version "
                                    "= NULL WHERE id = ?"),
                     {m_patientId}));
        QVERIFY(exec(QStringLiteral("DELETE FROM sync_records"), {}));
        SyncConflicts conflicts(*t.db);
        ConflictsDialog dialog(conflicts);
        dialog.show();
        QCOMPARE(dialog.list()->count(), 1);
        QVERIFY(!dialog.takeTheirsButton()->isEnabled());
        QVERIFY(dialog.rebookButton()->isHidden()); // a patient is not rebooked
        QTest::mouseClick(dialog.keepMineButton(), Qt::LeftButton);
        QCOMPARE(dialog.list()->count(), 0);
        auto queued = t.db->scalar(
            QStringLiteral("SELECT count(*) FROM outbox WHERE resource_id = ?"), {m_patientId});
        QCOMPARE(queued->toInt(), 1);
        QCOMPARE(PatientRepository(*t.db).get(m_patientId)->meta.syncState, SyncState::pending());
    }
};

QTEST_MAIN(TestConflictsDialog)
#include "tst_conflictsdialog.moc"
