#include "TestClock.h"
#include "TestDatabase.h"

#include "access/AuditLog.h"
#include "access/AuditQuery.h"
#include "access/AuditRedaction.h"
#include "access/AuditVerifier.h"
#include "domain/ClinicalText.h"
#include "storage/EncounterRepository.h"
#include "storage/MessageRepository.h"
#include "storage/PatientAlertRepository.h"
#include "storage/PatientRepository.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTest>

using namespace frontdesk;

// Clinical free text and message bodies never reach the audit trail: each listed field is kept
// as whether it changed and keyed hashes. Every check searches the raw table, every column.
class TestAuditRedaction : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TestDatabase> t;
    TestClock clock{QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC)};
    QString m_patientId;

    // How many audit entries hold text anywhere in any column.
    qint64 entriesHolding(const QString &text)
    {
        auto n = t->db->scalar(
            QStringLiteral("SELECT count(*) FROM audit_log WHERE instr(id || recorded_at || actor "
                           "|| actor_kind || action || entity_type || entity_id || patient_id || "
                           "outcome || detail || prev_hash || hash, ?) > 0"),
            {text});
        return n ? n->toLongLong() : -1;
    }
    AuditEntry newest()
    {
        auto q = t->db->query(QStringLiteral("SELECT %1 FROM audit_log ORDER BY seq DESC LIMIT 1")
                                  .arg(AuditLog::columns()));
        if (!q || !q->next())
            return {};
        return AuditLog::entryFrom(*q);
    }
    QString hashOf(const QString &value)
    {
        auto h = AuditRedaction(*t->db).hash(value);
        return h ? *h : QString();
    }
    static QJsonObject redacted(const QString &field, const QJsonValue &oldHash,
                                const QJsonValue &newHash)
    {
        return {{QStringLiteral("field"), field},
                {QStringLiteral("changed"), oldHash != newHash},
                {QStringLiteral("old_sha256"), oldHash},
                {QStringLiteral("new_sha256"), newHash}};
    }

private slots:
    void init()
    {
        t = std::make_unique<test::TestDatabase>();
        QVERIFY(t->open());
        t->db->setClock(clock);
        t->db->setActor(Actor::staff(QStringLiteral("nurse1")));
        Patient p;
        p.mrn = QStringLiteral("MRN-R1");
        p.givenName = QStringLiteral("Ada");
        p.familyName = QStringLiteral("Lovelace");
        p.birthDate = QDate(1990, 12, 10);
        p.sex = QStringLiteral("female");
        QVERIFY(PatientRepository(*t->db).save(p).ok());
        m_patientId = p.meta.id;
    }

    void messageBodyAndSubjectAreHashedOnCreateAndUpdate()
    {
        MessageRepository messages(*t->db);
        Message m;
        m.patientId = m_patientId;
        m.purpose = QStringLiteral("clinical");
        m.channel = QStringLiteral("email");
        m.subject = QStringLiteral("Your biopsy result");
        m.body = QStringLiteral("The biopsy shows a benign naevus; no further treatment.");
        QVERIFY(messages.save(m).ok());
        AuditEntry created = newest();
        QCOMPARE(created.action, QStringLiteral("create"));
        const QJsonObject after = created.detail[QStringLiteral("after")].toObject();
        QCOMPARE(after[QStringLiteral("body")].toObject(),
                 redacted(QStringLiteral("body"), QJsonValue::Null, hashOf(m.body)));
        QCOMPARE(after[QStringLiteral("subject")].toObject(),
                 redacted(QStringLiteral("subject"), QJsonValue::Null, hashOf(m.subject)));
        // What is not free text stays readable.
        QCOMPARE(after[QStringLiteral("channel")].toString(), QStringLiteral("email"));

        const QString oldBody = m.body;
        m.body = QStringLiteral("Correction: the biopsy needs a second opinion.");
        QVERIFY(messages.save(m).ok());
        AuditEntry updated = newest();
        QCOMPARE(updated.action, QStringLiteral("update"));
        const QJsonObject changes = updated.detail[QStringLiteral("changes")].toObject();
        QCOMPARE(changes.keys(), QStringList{QStringLiteral("body")});
        QCOMPARE(changes[QStringLiteral("body")].toObject(),
                 redacted(QStringLiteral("body"), hashOf(oldBody), hashOf(m.body)));

        for (const QString &text :
             {QStringLiteral("biopsy"), QStringLiteral("naevus"), QStringLiteral("second opinion")})
            QCOMPARE(entriesHolding(text), 0);
        QVERIFY(AuditVerifier(*t->db).verify()->intact);
    }

    void encounterNotesAndAlertTextAreHashed()
    {
        EncounterRepository encounters(*t->db);
        Encounter e;
        e.patientId = m_patientId;
        e.classCode = QStringLiteral("AMB");
        e.reason = QStringLiteral("Recurrent panic attacks");
        e.notes = QStringLiteral("Started sertraline 50 mg; review in four weeks.");
        e.start = QDateTime(QDate(2026, 3, 1), QTime(10, 0), Qt::UTC);
        QVERIFY(encounters.save(e).ok());
        e.notes.clear();
        QVERIFY(encounters.save(e).ok());
        const QJsonObject cleared = newest()
                                        .detail[QStringLiteral("changes")]
                                        .toObject()[QStringLiteral("notes")]
                                        .toObject();
        QCOMPARE(cleared,
                 redacted(QStringLiteral("notes"),
                          hashOf(QStringLiteral("Started sertraline 50 mg; review in four weeks.")),
                          QJsonValue::Null));

        PatientAlert alert;
        alert.patientId = m_patientId;
        alert.severity = QStringLiteral("high");
        alert.text = QStringLiteral("Violent when intoxicated");
        QVERIFY(PatientAlertRepository(*t->db).save(alert).ok());

        for (const QString &text :
             {QStringLiteral("panic"), QStringLiteral("sertraline"), QStringLiteral("intoxicated")})
            QCOMPARE(entriesHolding(text), 0);
        QVERIFY(AuditVerifier(*t->db).verify()->intact);
    }

    // Every field of the table, by every shape the write path gives a record's values.
    void everyListedFieldIsHashedWhereverItSits()
    {
        QVERIFY(!ClinicalText::all().isEmpty());
        int n = 0;
        for (const ClinicalText::Field &f : ClinicalText::all()) {
            const QString before = QStringLiteral("old-secret-%1").arg(++n);
            const QString after = QStringLiteral("new-secret-%1").arg(n);
            AuditEntry entry;
            entry.action = QStringLiteral("update");
            entry.entityType = f.resourceType;
            entry.detail = {
                {QStringLiteral("after"), QJsonObject{{f.field, after}}},
                {QStringLiteral("before"), QJsonObject{{f.field, before}}},
                {QStringLiteral("changes"),
                 QJsonObject{{f.field, QJsonObject{{QStringLiteral("before"), before},
                                                   {QStringLiteral("after"), after}}}}}};
            auto stored = AuditLog(*t->db).append(entry);
            QVERIFY2(stored.ok(), qPrintable(f.resourceType + QLatin1Char('.') + f.field));
            for (const QString &text : {before, after})
                QVERIFY2(entriesHolding(text) == 0,
                         qPrintable(f.resourceType + QLatin1Char('.') + f.field));
            QCOMPARE(stored->detail[QStringLiteral("changes")].toObject()[f.field].toObject(),
                     redacted(f.field, hashOf(before), hashOf(after)));
            QCOMPARE(stored->detail[QStringLiteral("after")].toObject()[f.field].toObject(),
                     redacted(f.field, QJsonValue::Null, hashOf(after)));
            QCOMPARE(stored->detail[QStringLiteral("before")].toObject()[f.field].toObject(),
                     redacted(f.field, hashOf(before), QJsonValue::Null));
        }
        // An entry's own words at the top of its detail are not a record's values: the
        // server's refusal of an Appointment names its reason code there.
        AuditEntry refusal;
        refusal.action = QStringLiteral("read");
        refusal.entityType = QStringLiteral("Appointment");
        refusal.outcome = QStringLiteral("failure");
        refusal.detail = {{QStringLiteral("reason"), QStringLiteral("forbidden-code")}};
        QVERIFY(AuditLog(*t->db).append(refusal).ok());
        QCOMPARE(entriesHolding(QStringLiteral("\"reason\":\"forbidden-code\"")), 1);
        // The same field of a record type the table does not list stays as it was: the list
        // is the rule, not the field's name.
        AuditEntry staff;
        staff.action = QStringLiteral("update");
        staff.entityType = QStringLiteral("Practitioner");
        staff.detail = {{QStringLiteral("after"),
                         QJsonObject{{QStringLiteral("notes"), QStringLiteral("plain-words")}}}};
        QVERIFY(AuditLog(*t->db).append(staff).ok());
        QCOMPARE(entriesHolding(QStringLiteral("plain-words")), 1);
        QVERIFY(AuditVerifier(*t->db).verify()->intact);
    }

    // Keyed: the hash of a short value cannot be looked up without this database's key, and
    // the key stays as it is so the hashes already written keep matching.
    void theKeyIsPerDatabaseAndCannotBeChanged()
    {
        const QString first = hashOf(QStringLiteral("HIV"));
        QVERIFY(QRegularExpression(QStringLiteral("^[0-9a-f]{64}$")).match(first).hasMatch());
        QCOMPARE(hashOf(QStringLiteral("HIV")), first);
        QVERIFY(first != QString::fromLatin1(
                             QCryptographicHash::hash("HIV", QCryptographicHash::Sha256).toHex()));
        test::TestDatabase other;
        QVERIFY(other.open());
        auto elsewhere = AuditRedaction(*other.db).hash(QStringLiteral("HIV"));
        QVERIFY(elsewhere.ok());
        QVERIFY(*elsewhere != first);

        QSqlQuery q(t->db->connection());
        QVERIFY(!q.exec(QStringLiteral("UPDATE audit_field_key SET secret = zeroblob(32)")));
        QVERIFY(!q.exec(QStringLiteral("DELETE FROM audit_field_key")));
        QVERIFY(
            !q.exec(QStringLiteral("INSERT OR REPLACE INTO audit_field_key (id, secret) VALUES (1, "
                                   "zeroblob(32))")));
        QCOMPARE(hashOf(QStringLiteral("HIV")), first);
    }

    // No trigger writes audit entries: every entry comes through AuditLog::append, and so
    // through the redaction. A trigger copying a row into the trail would bypass it.
    void noTriggerWritesTheTrail()
    {
        auto q = t->db->query(
            QStringLiteral("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"));
        QVERIFY(q.ok());
        const QRegularExpression writesTrail(
            QStringLiteral("\\b(INSERT|REPLACE)\\b[^;]*\\bINTO\\s+audit_log\\b"),
            QRegularExpression::CaseInsensitiveOption);
        int triggers = 0;
        while (q->next()) {
            ++triggers;
            QVERIFY2(!writesTrail.match(q->value(1).toString()).hasMatch(),
                     qPrintable(q->value(0).toString()));
        }
        QVERIFY(triggers > 5);
    }

    void listingAndExportingAreAudited()
    {
        AuditQuery query(*t->db);
        AuditQuery::Filter filter;
        filter.patientId = m_patientId;
        filter.fromMs = clock.nowMs() - 1000;
        filter.limit = 50;
        auto listed = query.list(filter);
        QVERIFY(listed.ok());
        QCOMPARE(listed->size(), 1); // the patient's creation
        AuditEntry read = newest();
        QCOMPARE(read.action, QStringLiteral("audit-read"));
        QCOMPARE(read.entityType, QStringLiteral("AuditLog"));
        QCOMPARE(read.actor, QStringLiteral("nurse1"));
        QCOMPARE(read.patientId, m_patientId);
        QCOMPARE(read.detail[QStringLiteral("entries")].toInt(), 1);
        QCOMPARE(read.detail[QStringLiteral("filter")].toObject(),
                 (QJsonObject{{QStringLiteral("patient"), m_patientId},
                              {QStringLiteral("from"), QStringLiteral("2026-03-02T08:59:59.000Z")},
                              {QStringLiteral("limit"), 50}}));

        QBuffer csv;
        QVERIFY(csv.open(QIODevice::WriteOnly));
        QVERIFY(query.exportCsv(filter, *listed, csv).ok());
        // The patient's MRN stands beside their id.
        const QString mrn =
            t->db->scalar(QStringLiteral("SELECT mrn FROM patients WHERE id = ?"), {m_patientId})
                ->toString();
        QVERIFY(!mrn.isEmpty());
        QVERIFY2(
            QString::fromUtf8(csv.data()).contains(QStringLiteral(",%1,%2,").arg(m_patientId, mrn)),
            csv.data().constData());
        AuditEntry exported = newest();
        QCOMPARE(exported.action, QStringLiteral("audit-export"));
        QCOMPARE(exported.patientId, m_patientId);
        QCOMPARE(exported.detail[QStringLiteral("format")].toString(), QStringLiteral("csv"));
        QCOMPARE(exported.detail[QStringLiteral("entries")].toInt(), 1);
        QCOMPARE(exported.detail[QStringLiteral("filter")], read.detail[QStringLiteral("filter")]);
        QVERIFY(AuditVerifier(*t->db).verify()->intact);
    }
};

QTEST_GUILESS_MAIN(TestAuditRedaction)
#include "tst_auditredaction.moc"
