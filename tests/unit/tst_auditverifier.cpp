#include "TestClock.h"
#include "TestDatabase.h"

#include "access/AuditAnchor.h"
#include "access/AuditQuery.h"
#include "access/AuditVerifier.h"
#include "database/MemorySecretStore.h"
#include "storage/PatientRepository.h"

#include <QBuffer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
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
    AuditVerifier::Report verifyWith(AuditAnchor &anchor)
    {
        auto reading = anchor.read();
        if (!reading) {
            qWarning("%s", qPrintable(reading.error()));
            return {};
        }
        auto r = AuditVerifier(*t->db).verify(*reading, anchor.description());
        if (!r)
            qWarning("%s", qPrintable(r.error()));
        return r ? *r : AuditVerifier::Report{};
    }
    // What the statement did, or the database's refusal.
    QString attempt(const QString &sql)
    {
        QSqlQuery q(t->db->connection());
        return q.exec(sql) ? QString() : q.lastError().text();
    }
    // The attack the anchor is there for: with the key, the triggers dropped, the newest
    // entries removed and the checkpoint rewritten to name the new end.
    void cutShortAndRewriteCheckpoint(int keep)
    {
        raw(QStringLiteral("DROP TRIGGER audit_log_no_delete"));
        raw(QStringLiteral("DROP TRIGGER audit_checkpoint_follows_log"));
        raw(QStringLiteral("DELETE FROM audit_log WHERE seq > %1").arg(keep));
        raw(QStringLiteral("UPDATE audit_checkpoint SET last_seq = %1, last_hash = (SELECT hash "
                           "FROM audit_log WHERE seq = %1), entries = %1")
                .arg(keep));
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

    void replaceCannotRemoveEntries()
    {
        // Both settings of recursive_triggers: whoever holds the key chooses their own pragmas.
        for (const char *recursive : {"OFF", "ON"}) {
            raw(QStringLiteral("PRAGMA recursive_triggers = %1").arg(QLatin1String(recursive)));
            QVERIFY(attempt(QStringLiteral(
                                "INSERT OR REPLACE INTO audit_log (seq, id, recorded_at, actor, "
                                "actor_kind, action, prev_hash, hash) SELECT seq, 'other-id', "
                                "recorded_at, actor, actor_kind, 'forged', prev_hash, hash FROM "
                                "audit_log WHERE seq = 5"))
                        .contains(QStringLiteral("append-only")));
            QVERIFY(attempt(QStringLiteral(
                                "REPLACE INTO audit_log (id, recorded_at, actor, actor_kind, "
                                "action, prev_hash, hash) SELECT id, recorded_at, actor, "
                                "actor_kind, 'forged', prev_hash, hash FROM audit_log WHERE seq = "
                                "3"))
                        .contains(QStringLiteral("append-only")));
        }
        QCOMPARE(t->db->scalar(QStringLiteral("SELECT count(*) FROM audit_log"))->toInt(), 5);
        QCOMPARE(t->db
                     ->scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = "
                                             "'forged'"))
                     ->toInt(),
                 0);
        QVERIFY(verify().intact);
    }

    void checkpointCannotBeReplacedOrMovedBack()
    {
        for (const char *recursive : {"OFF", "ON"}) {
            raw(QStringLiteral("PRAGMA recursive_triggers = %1").arg(QLatin1String(recursive)));
            QVERIFY(!attempt(QStringLiteral("INSERT OR REPLACE INTO audit_checkpoint (id, "
                                            "last_seq, last_hash, entries) SELECT 1, seq, hash, "
                                            "3 FROM audit_log WHERE seq = 3"))
                         .isEmpty());
            QVERIFY(!attempt(QStringLiteral("UPDATE audit_checkpoint SET last_seq = 3, last_hash "
                                            "= (SELECT hash FROM audit_log WHERE seq = 3), "
                                            "entries = 3"))
                         .isEmpty());
            QVERIFY(!attempt(QStringLiteral("UPDATE OR REPLACE audit_checkpoint SET entries = 4"))
                         .isEmpty());
            QVERIFY(!attempt(QStringLiteral("DELETE FROM audit_checkpoint")).isEmpty());
        }
        QCOMPARE(t->db->scalar(QStringLiteral("SELECT last_seq FROM audit_checkpoint"))->toInt(),
                 5);
        // Appends still move it, through audit_log_checkpoint.
        appendsAfterCheckStillVerify();
        QCOMPARE(t->db->scalar(QStringLiteral("SELECT last_seq FROM audit_checkpoint"))->toInt(),
                 6);
    }

    void cutShortTrailIsFoundAgainstItsAnchor()
    {
        MemorySecretStore store;
        AuditAnchor anchor(store, t->dir.path());
        QCOMPARE(anchor.read()->state, AuditAnchor::State::None);
        QVERIFY(anchor.update(*t->db).ok());
        QCOMPARE(QFile::permissions(anchor.filePath()),
                 QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadUser |
                     QFileDevice::WriteUser);
        QCOMPARE(anchor.read()->state, AuditAnchor::State::Valid);
        QCOMPARE(anchor.read()->head.seq, 5);
        QVERIFY(verifyWith(anchor).intact);

        cutShortAndRewriteCheckpoint(3);
        // The checkpoint inside the database no longer notices: that was the hole.
        QVERIFY(verify().intact);
        const auto r = verifyWith(anchor);
        QVERIFY(!r.intact);
        QCOMPARE(r.brokenSeq, 4);
        QVERIFY2(r.problem.contains(QStringLiteral("shorter than its anchor")),
                 qPrintable(r.problem));
        QVERIFY(r.anchor.contains(anchor.filePath()));
        // Nor can the next sign-out or command move the anchor back to the cut end.
        const Status moved = anchor.update(*t->db);
        QVERIFY(!moved);
        QVERIFY(moved.error().contains(QStringLiteral("removed")));
        QCOMPARE(anchor.read()->head.seq, 5);
    }

    void anchorMovesOnWithTheTrail()
    {
        MemorySecretStore store;
        AuditAnchor anchor(store, t->dir.path());
        QVERIFY(anchor.update(*t->db).ok());
        appendsAfterCheckStillVerify();
        QVERIFY(verifyWith(anchor).intact);
        QVERIFY(anchor.update(*t->db).ok());
        QCOMPARE(anchor.read()->head.seq, 6);
        QCOMPARE(anchor.read()->head.entries, 6);
        QVERIFY(verifyWith(anchor).intact);
        QVERIFY(verifyWith(anchor).anchor.contains(QStringLiteral("entry 6")));
    }

    void rewrittenTrailUnderTheAnchorIsFound()
    {
        MemorySecretStore store;
        AuditAnchor anchor(store, t->dir.path());
        QVERIFY(anchor.update(*t->db).ok());
        dropTriggers();
        raw(QStringLiteral("UPDATE audit_log SET hash = '%1' WHERE seq = 5")
                .arg(QString(64, QLatin1Char('b'))));
        QVERIFY(!verifyWith(anchor).intact);
        QVERIFY(!anchor.update(*t->db));
    }

    void forgedAnchorIsReported()
    {
        MemorySecretStore store;
        AuditAnchor anchor(store, t->dir.path());
        QVERIFY(anchor.update(*t->db).ok());
        cutShortAndRewriteCheckpoint(3);
        // The attacker rewrites the anchor to the cut end, without its key.
        QFile file(anchor.filePath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QJsonObject o = QJsonDocument::fromJson(file.readAll()).object();
        file.close();
        o.insert(QStringLiteral("seq"), 3);
        o.insert(QStringLiteral("entries"), 3);
        o.insert(
            QStringLiteral("hash"),
            t->db->scalar(QStringLiteral("SELECT hash FROM audit_log WHERE seq = 3"))->toString());
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(QJsonDocument(o).toJson());
        file.close();

        QCOMPARE(anchor.read()->state, AuditAnchor::State::Forged);
        const auto r = verifyWith(anchor);
        QVERIFY(!r.intact);
        QVERIFY2(r.problem.contains(QStringLiteral("forged")), qPrintable(r.problem));
        QVERIFY(r.anchor.contains(QStringLiteral("forged")));
        QVERIFY(!anchor.update(*t->db));

        // Signed with a key of the attacker's own making, it fails the same way.
        MemorySecretStore other;
        AuditAnchor theirs(other, t->dir.path());
        QVERIFY(theirs.reset(*t->db).ok());
        QCOMPARE(anchor.read()->state, AuditAnchor::State::Forged);
    }

    void removedAnchorIsReported()
    {
        MemorySecretStore store;
        AuditAnchor anchor(store, t->dir.path());
        QVERIFY(anchor.update(*t->db).ok());
        QVERIFY(QFile::remove(anchor.filePath()));
        QCOMPARE(anchor.read()->state, AuditAnchor::State::Missing);
        const auto r = verifyWith(anchor);
        QVERIFY(!r.intact);
        QVERIFY(r.problem.contains(QStringLiteral("removed")));
        QVERIFY(!anchor.update(*t->db));
        // Someone who looked into it anchors the trail again; then it verifies.
        QVERIFY(anchor.reset(*t->db).ok());
        QVERIFY(verifyWith(anchor).intact);
        QVERIFY(anchor.remove().ok());
        QCOMPARE(anchor.read()->state, AuditAnchor::State::None);
        QVERIFY(!QFile::exists(anchor.filePath()));
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
        QVERIFY(query.exportCsv(all, *entries, buffer).ok());
        const QStringList lines =
            QString::fromUtf8(buffer.data()).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 6);
        QVERIFY(lines.first().startsWith(QStringLiteral("seq,recorded_at_utc,actor")));
        QVERIFY(lines.first().contains(QStringLiteral(",patient_id,patient_mrn,detail,")));
        QVERIFY(lines.at(1).contains(QStringLiteral("\"{\"\"after\"\"")));
        // The export itself is in the trail, and the chain still holds.
        QCOMPARE(query.list(all)->first().action, QStringLiteral("audit-export"));
        QVERIFY(verify().intact);
    }
};

QTEST_GUILESS_MAIN(TestAuditVerifier)
#include "tst_auditverifier.moc"
