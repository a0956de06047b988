#include "TestDatabase.h"

#include "AuditTrailModel.h"
#include "access/Session.h"
#include "access/StaffAccountRepository.h"
#include "core/Translations.h"
#include "domain/AuditLabels.h"
#include "storage/PatientRepository.h"

#include <QAbstractItemModelTester>
#include <QTest>
#include <QUuid>

using namespace frontdesk;

class TestAuditTrailModel : public QObject
{
    Q_OBJECT

    test::TestDatabase t;
    const QString kPassword = QStringLiteral("tidal marble orchard 7");

private slots:
    void initTestCase()
    {
        QVERIFY(t.open());
        PatientRepository patients(*t.db);
        for (const char *who : {"anna", "ben", "anna"}) {
            t.db->setActor(Actor::staff(QString::fromLatin1(who)));
            Patient p;
            p.mrn = QStringLiteral("M-%1").arg(
                QUuid::createUuid().toString(QUuid::WithoutBraces).left(8));
            p.familyName = QStringLiteral("Hopper");
            QVERIFY(patients.save(p).ok());
        }
    }

    void showsTheTrailForAFilter()
    {
        AuditTrailModel model(*t.db);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.columnCount(), int(AuditTrailModel::ColumnCount));
        QVERIFY(model.setFilter({}).ok());
        QCOMPARE(model.rowCount(), 3);
        for (int c = 0; c < model.columnCount(); ++c)
            QVERIFY(!model.headerData(c, Qt::Horizontal).toString().isEmpty());
        QCOMPARE(model.index(0, AuditTrailModel::Action).data().toString().isEmpty(), false);

        AuditQuery::Filter onlyAnna;
        onlyAnna.actor = QStringLiteral("ANNA"); // case-insensitive
        QVERIFY(model.setFilter(onlyAnna).ok());
        // Her two records and, newest, her reading of the trail just before.
        QCOMPARE(model.rowCount(), 3);
        // Named for people, the code kept beside it.
        QCOMPARE(model.index(0, AuditTrailModel::Action).data().toString(),
                 QStringLiteral("Audit trail read"));
        QCOMPARE(model.index(0, AuditTrailModel::Action).data(AuditTrailModel::CodeRole).toString(),
                 QStringLiteral("audit-read"));
        QCOMPARE(model.index(0, AuditTrailModel::Outcome).data().toString(),
                 QStringLiteral("Success"));
        for (int r = 0; r < model.rowCount(); ++r)
            QCOMPARE(model.index(r, AuditTrailModel::User)
                         .data()
                         .toString()
                         .contains(QStringLiteral("anna")),
                     true);

        AuditQuery::Filter nothing;
        nothing.action = QStringLiteral("no-such-action");
        QVERIFY(model.setFilter(nothing).ok());
        QCOMPARE(model.rowCount(), 0);
    }

    // The viewer names actions, outcomes and record types in the person's language; a code it
    // has no name for reads as stored.
    void namesFollowTheLanguage()
    {
        Translations::install(QLocale(QLocale::German, QLocale::Germany));
        const auto english = qScopeGuard([] { Translations::install(QLocale::c()); });
        QCOMPARE(AuditLabels::action(QStringLiteral("clinical-read")),
                 QStringLiteral("Klinische Akte gelesen"));
        QCOMPARE(AuditLabels::action(QStringLiteral("audit-read")),
                 QStringLiteral("Prüfprotokoll gelesen"));
        QCOMPARE(AuditLabels::outcome(QStringLiteral("failure")), QStringLiteral("Fehlgeschlagen"));
        QCOMPARE(AuditLabels::entityType(QStringLiteral("ClinicalRecord")),
                 QStringLiteral("Klinische Akte"));
        QCOMPARE(AuditLabels::action(QStringLiteral("server-only")), QStringLiteral("server-only"));

        AuditTrailModel model(*t.db);
        QVERIFY(model.setFilter({}).ok());
        QVERIFY(model.rowCount() > 0);
        for (int r = 0; r < model.rowCount(); ++r) {
            const QModelIndex record = model.index(r, AuditTrailModel::Record);
            if (record.data(AuditTrailModel::CodeRole).toString() == QLatin1String("Patient"))
                QVERIFY2(record.data().toString().startsWith(QLatin1String("Patient ")),
                         qPrintable(record.data().toString()));
            QCOMPARE(model.index(r, AuditTrailModel::Outcome).data().toString(),
                     QStringLiteral("Erfolgreich"));
        }
    }

    void refusedWithoutThePermission()
    {
        QVERIFY(StaffAccountRepository(*t.db)
                    .create(QStringLiteral("admin1"), Role::Admin, kPassword)
                    .ok());
        QVERIFY(StaffAccountRepository(*t.db)
                    .create(QStringLiteral("desk1"), Role::Receptionist, kPassword)
                    .ok());
        Session session(*t.db);
        QVERIFY(session.signIn(QStringLiteral("desk1"), kPassword).ok());
        AuditTrailModel model(*t.db);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const Status s = model.setFilter({});
        QVERIFY(!s.ok());
        QVERIFY(!s.error().isEmpty());
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestAuditTrailModel)
#include "tst_audittrailmodel.moc"
