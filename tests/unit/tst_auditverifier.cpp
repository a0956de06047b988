#include "TestClock.h"
#include "TestDatabase.h"

#include "access/AuditQuery.h"
#include "access/AuditVerifier.h"
#include "storage/PatientRepository.h"

#include <QBuffer>
#include <QSqlQuery>
#include <QTest>

using namespace frontdesk;

// Tampering through a raw connection with the key: the append-only triggers are dropped first,
// as someone editing the file would.
class TestAuditVerifier : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TestDatabase> t;
    TestClock clock{QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC)};

    void raw(const QString &sql)
    {
        QSqlQuery q(t->db->connection());
        QVERIFY2(q.exec(sql), qPrintable(sql));
    }
    void dropTriggers()
    {
        raw(QStringLiteral("DROP TRIGGER audit_log_no_update"));
        raw(QStringLiteral("DROP TRIGGER audit_log_no_delete"));
    }
    QString idOf(int seq)
    {
        return t->db->scalar(QStringLiteral("SELECT id FROM audit_log WHERE seq = ?"), {seq})
            ->toString();
    }
    AuditVerifier::Report verify()
    {
        auto r = AuditVerifier(*t->db).verify();
        if (!r)
            qWarning("%s", qPrintable(r.error()));
        return r ? *r : AuditVerifier::Report{};
    }

private slots:
    void init()
    {
        t = std::make_unique<test::TestDatabase>();
        QVERIFY(t->open());
        t->db->setClock(clock);
        PatientRepository patients(*t->db);
        for (int i = 1; i <= 5; ++i) {
            Patient p;
            p.mrn = QStringLiteral("M%1").arg(i);
            p.familyName = QStringLiteral("Family%1").arg(i);
            QVERIFY(patients.save(p).ok());
            clock.advanceSecs(60);
        }
    }

    void intactChainVerifies()
    {
        const auto r = verify();
        QVERIFY2(r.intact, qPrintable(r.problem));
        QCOMPARE(r.entries, 5);
        QCOMPARE(r.lastSeq, 5);
    }

    void editedEntryIsNamed()
    {
        dropTriggers();
        raw(QStringLiteral("UPDATE audit_log SET actor = 'someone-else' WHERE seq = 3"));
        const auto r = verify();
        QVERIFY(!r.intact);
        QCOMPARE(r.brokenSeq, 3);
        QCOMPARE(r.brokenId, idOf(3));
        QVERIFY(r.problem.contains(QStringLiteral("edited")));
    }

    void editedDetailIsNamed()
    {
        dropTriggers();
        raw(QStringLiteral("UPDATE audit_log SET detail = '{}' WHERE seq = 2"));
        QCOMPARE(verify().brokenSeq, 2);
    }

    void rewrittenHashIsCaughtByTheNextLink()
    {
        dropTriggers();
        raw(QStringLiteral("UPDATE audit_log SET hash = '%1' WHERE seq = 2")
                .arg(QString(64, QLatin1Char('a'))));
        const auto r = verify();
        QVERIFY(!r.intact);
        QCOMPARE(r.brokenSeq, 2);
    }

    void deletedMiddleEntryIsNamed()
    {
        dropTriggers();
        raw(QStringLiteral("DELETE FROM audit_log WHERE seq = 3"));
        const auto r = verify();
        QVERIFY(!r.intact);
        QCOMPARE(r.brokenSeq, 3);
        QVERIFY(r.problem.contains(QStringLiteral("deleted")));
    }

    void deletedFirstEntriesAreNamed()
    {
        dropTriggers();
        raw(QStringLiteral("DELETE FROM audit_log WHERE seq <= 2"));
        const auto r = verify();
        QVERIFY(!r.intact);
        QCOMPARE(r.brokenSeq, 1);
    }

    void deletedNewestEntryIsNamed()
    {
        dropTriggers();
        raw(QStringLiteral("DELETE FROM audit_log WHERE seq = 5"));
        const auto r = verify();
        QVERIFY(!r.intact);
        QCOMPARE(r.brokenSeq, 5);
        QVERIFY(r.problem.contains(QStringLiteral("newest")));
    }

    void appendsAfterCheckStillVerify()
    {
        Patient p;
        p.mrn = QStringLiteral("M9");
        p.familyName = QStringLiteral("Late");
        QVERIFY(PatientRepository(*t->db).save(p).ok());
        QCOMPARE(verify().entries, 6);
        QVERIFY(verify().intact);
    }

    void triggersRefuseOrdinaryEdits()
    {
        QSqlQuery q(t->db->connection());
        QVERIFY(!q.exec(QStringLiteral("DELETE FROM audit_log WHERE seq = 1")));
        QVERIFY(!q.exec(QStringLiteral("DELETE FROM audit_checkpoint")));
        QVERIFY(verify().intact);
    }

    void listFiltersAndCsv()
    {
        AuditQuery query(*t->db);
        AuditQuery::Filter all;
        auto entries = query.list(all);
        QVERIFY(entries.ok());
        QCOMPARE(entries->size(), 5);
        QCOMPARE(entries->first().seq, 5);
        AuditQuery::Filter one;
        one.patientId = entries->at(1).patientId;
        QCOMPARE(query.list(one)->size(), 1);
        AuditQuery::Filter actor;
        actor.actor = QStringLiteral("nobody");
        QCOMPARE(query.list(actor)->size(), 0);
        AuditQuery::Filter window;
        window.fromMs = entries->at(2).recordedAt;
        window.toMs = entries->at(0).recordedAt;
        QCOMPARE(query.list(window)->size(), 2);

        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        QVERIFY(query.exportCsv(*entries, buffer).ok());
        const QStringList lines =
            QString::fromUtf8(buffer.data()).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 6);
        QVERIFY(lines.first().startsWith(QStringLiteral("seq,recorded_at_utc,actor")));
        QVERIFY(lines.at(1).contains(QStringLiteral("\"{\"\"after\"\"")));
        // The export itself is in the trail, and the chain still holds.
        QCOMPARE(query.list(all)->first().action, QStringLiteral("export"));
        QVERIFY(verify().intact);
    }
};

QTEST_GUILESS_MAIN(TestAuditVerifier)
#include "tst_auditverifier.moc"
