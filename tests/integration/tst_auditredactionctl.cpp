#include "CtlProcess.h"
#include "CtlSignIn.h"
#include "KeyFileDatabase.h"

#include "access/AuditLog.h"
#include "access/AuditRedaction.h"
#include "database/Database.h"
#include "database/Migration.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace frontdesk;

// frontdeskctl end to end: imported visit notes and clinical texts reach the records but not the
// audit trail (searched in the raw table, opened with the key as an attacker with a copied key
// file would); entries written before migration 012 keep their text and keep verifying; listing
// the trail is itself in the trail.
class TestAuditRedactionCtl : public QObject
{
    Q_OBJECT

    QTemporaryDir m_tmp;
    QStringList m_signIn;
    QString dataDir() const { return m_tmp.filePath(QStringLiteral("data")); }
    QString keyFile() const { return m_tmp.filePath(QStringLiteral("frontdesk.key")); }

    using Run = testing::CtlRun;
    Run ctl(const QStringList &args)
    {
        return testing::runCtl(QStringLiteral(FRONTDESK_CTL_PATH), dataDir(), keyFile(),
                               m_signIn + args);
    }
    std::unique_ptr<Database> openWithKey()
    {
        return testing::openWithKeyFile(dataDir(), keyFile());
    }
    static qint64 entriesHolding(Database &db, const QString &text)
    {
        auto n = db.scalar(
            QStringLiteral("SELECT count(*) FROM audit_log WHERE instr(id || recorded_at || actor "
                           "|| actor_kind || action || entity_type || entity_id || patient_id || "
                           "outcome || detail || prev_hash || hash, ?) > 0"),
            {text});
        return n ? n->toLongLong() : -1;
    }
    // An entry as frontdeskctl wrote it before this change: the values themselves, chained.
    static bool appendAsBefore(Database &db, AuditEntry entry)
    {
        auto last =
            db.scalar(QStringLiteral("SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1"));
        if (!last)
            return false;
        entry.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        entry.recordedAt = QDateTime::currentMSecsSinceEpoch();
        entry.actor = QStringLiteral("nurse");
        entry.actorKind = QStringLiteral("staff");
        entry.prevHash = last->toString();
        entry.hash = entry.computeHash();
        return db
            .query(QStringLiteral("INSERT INTO audit_log (id, recorded_at, actor, actor_kind, "
                                  "action, entity_type, entity_id, patient_id, outcome, detail, "
                                  "prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                   {entry.id, entry.recordedAt, entry.actor, entry.actorKind, entry.action,
                    entry.entityType, entry.entityId, entry.patientId, entry.outcome,
                    QString::fromUtf8(QJsonDocument(entry.detail).toJson(QJsonDocument::Compact)),
                    entry.prevHash, entry.hash})
            .ok();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        const Run init = ctl({QStringLiteral("init")});
        QVERIFY2(init.exitCode == 0, qPrintable(init.err));
        const Run accounts = ctl({QStringLiteral("user"), QStringLiteral("demo-accounts")});
        QVERIFY2(accounts.exitCode == 0, qPrintable(accounts.err));
        const QString passwordFile = m_tmp.filePath(QStringLiteral("demo.pw"));
        QVERIFY(testing::writePasswordFile(passwordFile));
        m_signIn = testing::signedInAs(QStringLiteral("admin"), passwordFile);
    }

    // The database as a build before migration 012 left it, with entries holding a note. The
    // migration does not rewrite them (that would break the chain): they verify as before.
    // Migrations apply above the newest recorded version, so the later ones are undone too
    // (013: sync bookkeeping, 014: data only); a migration added later is undone here as well.
    void oldEntriesKeepVerifyingAfterTheMigration()
    {
        {
            auto db = openWithKey();
            QVERIFY(db);
            QSqlQuery q(db->connection());
            QVERIFY(q.exec(QStringLiteral("DROP TABLE audit_field_key")));
            QVERIFY(q.exec(QStringLiteral("DROP TABLE sync_records")));
            QVERIFY(q.exec(QStringLiteral("DROP INDEX outbox_push")));
            // SQLite 3.15 cannot drop a column: the outbox is made again as 001 made it.
            QVERIFY(q.exec(QStringLiteral(
                "CREATE TABLE outbox_v11 (seq INTEGER PRIMARY KEY AUTOINCREMENT, request_id TEXT "
                "NOT NULL UNIQUE, resource_type TEXT NOT NULL, resource_id TEXT NOT NULL, "
                "operation TEXT NOT NULL CHECK (operation IN ('create', 'update', 'delete')), "
                "base_version TEXT, local_version INTEGER NOT NULL, created_at INTEGER NOT NULL, "
                "attempts INTEGER NOT NULL DEFAULT 0, next_attempt_at INTEGER NOT NULL DEFAULT 0, "
                "last_error TEXT)")));
            QVERIFY(q.exec(QStringLiteral(
                "INSERT INTO outbox_v11 SELECT seq, request_id, resource_type, resource_id, "
                "operation, base_version, local_version, created_at, attempts, next_attempt_at, "
                "last_error FROM outbox")));
            QVERIFY(q.exec(QStringLiteral("DROP TABLE outbox")));
            QVERIFY(q.exec(QStringLiteral("ALTER TABLE outbox_v11 RENAME TO outbox")));
            QVERIFY(q.exec(QStringLiteral(
                "CREATE INDEX outbox_resource ON outbox(resource_type, resource_id)")));
            QVERIFY(q.exec(QStringLiteral("DELETE FROM schema_version WHERE version >= 12")));
            QVERIFY(q.exec(QStringLiteral("SELECT max(version) FROM schema_version")) && q.next());
            QCOMPARE(q.value(0).toInt(), 11);
            AuditEntry created;
            created.action = QStringLiteral("create");
            created.entityType = QStringLiteral("Encounter");
            created.entityId = QStringLiteral("enc-old-1");
            created.detail = {{QStringLiteral("after"),
                               QJsonObject{{QStringLiteral("notes"),
                                            QStringLiteral("Old note: suspected appendicitis")}}}};
            QVERIFY(appendAsBefore(*db, created));
            AuditEntry changed = created;
            changed.action = QStringLiteral("update");
            changed.detail = {
                {QStringLiteral("changes"),
                 QJsonObject{{QStringLiteral("notes"),
                              QJsonObject{{QStringLiteral("before"),
                                           QStringLiteral("Old note: suspected appendicitis")},
                                          {QStringLiteral("after"),
                                           QStringLiteral("Old note: appendicitis ruled out")}}}}}};
            QVERIFY(appendAsBefore(*db, changed));
        }
        const Run verify = ctl({QStringLiteral("audit"), QStringLiteral("verify")});
        QVERIFY2(verify.exitCode == 0, qPrintable(verify.err + verify.out));

        auto db = openWithKey();
        QVERIFY(db);
        QCOMPARE(db->scalar(QStringLiteral("SELECT max(version) FROM schema_version"))->toInt(),
                 Migration::builtin().last().version);
        QVERIFY(db->scalar(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = "
                                          "'audit_field_key'"))
                    ->toInt() == 1);
        QCOMPARE(entriesHolding(*db, QStringLiteral("appendicitis")), 2);
    }

    void importedNotesStayOutOfTheTrail()
    {
        const Run imported = ctl(
            {QStringLiteral("import-fhir"), qEnvironmentVariable("FRONTDESK_TEST_DATA") +
                                                QStringLiteral("/fhir/synthea-anna-mueller.json")});
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));

        auto db = openWithKey();
        QVERIFY(db);
        auto note = db->query(
            QStringLiteral("SELECT id, notes FROM encounters WHERE notes LIKE '%hay fever%'"));
        QVERIFY(note.ok());
        QVERIFY2(note->next(), "the visit note was not imported");
        const QString encounterId = note->value(0).toString();
        const QString noteText = note->value(1).toString();
        for (const QString &text :
             {QStringLiteral("hay fever"), QStringLiteral("cetirizine"),
              QStringLiteral("Viral sinusitis"), QStringLiteral("Eruption of skin"),
              QStringLiteral("Penicillin G"), QStringLiteral("lisinopril")})
            QVERIFY2(entriesHolding(*db, text) == 0, qPrintable(text));

        // The encounter's entries hold the keyed hash of the note as stored.
        auto expected = AuditRedaction(*db).hash(noteText);
        QVERIFY(expected.ok());
        auto entries = db->query(QStringLiteral("SELECT %1 FROM audit_log WHERE entity_id = ? "
                                                "ORDER BY seq")
                                     .arg(AuditLog::columns()),
                                 {encounterId});
        QVERIFY(entries.ok());
        QStringList noteHashes;
        while (entries->next()) {
            const AuditEntry e = AuditLog::entryFrom(*entries);
            for (const QString &shape : {QStringLiteral("after"), QStringLiteral("changes")}) {
                const QJsonObject notes =
                    e.detail[shape].toObject()[QStringLiteral("notes")].toObject();
                if (notes.isEmpty())
                    continue;
                QCOMPARE(notes[QStringLiteral("field")].toString(), QStringLiteral("notes"));
                QCOMPARE(notes.size(), 4);
                noteHashes << notes[QStringLiteral("new_sha256")].toString();
            }
        }
        QVERIFY2(noteHashes.contains(*expected), qPrintable(noteHashes.join(QLatin1Char(' '))));

        const Run verify = ctl({QStringLiteral("audit"), QStringLiteral("verify")});
        QVERIFY2(verify.exitCode == 0, qPrintable(verify.err));
    }

    void listingTheTrailIsAudited()
    {
        const Run listed = ctl({QStringLiteral("audit"), QStringLiteral("list"),
                                QStringLiteral("--action"), QStringLiteral("create")});
        QVERIFY2(listed.exitCode == 0, qPrintable(listed.err));
        const int lines = int(listed.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts).size());
        QVERIFY(lines > 5);

        const Run reads =
            ctl({QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--json"),
                 QStringLiteral("--action"), QStringLiteral("audit-read"),
                 QStringLiteral("--limit"), QStringLiteral("1")});
        QVERIFY2(reads.exitCode == 0, qPrintable(reads.err));
        const QJsonArray found = QJsonDocument::fromJson(reads.out.toUtf8()).array();
        QCOMPARE(found.size(), 1);
        const QJsonObject read = found.first().toObject();
        QCOMPARE(read[QStringLiteral("actor")].toString(), QStringLiteral("admin"));
        QCOMPARE(read[QStringLiteral("entity_type")].toString(), QStringLiteral("AuditLog"));
        const QJsonObject detail = read[QStringLiteral("detail")].toObject();
        QCOMPARE(detail[QStringLiteral("filter")].toObject(),
                 (QJsonObject{{QStringLiteral("action"), QStringLiteral("create")}}));
        QCOMPARE(detail[QStringLiteral("entries")].toInt(), lines);
    }
};

QTEST_GUILESS_MAIN(TestAuditRedactionCtl)
#include "tst_auditredactionctl.moc"
