#include "TestClock.h"
// Duplicates and merge: the scoring rules, finding duplicates before saving and across the
// register, and a merge that loses nothing, moves everything and keeps the merged record as a
// link.

#include "TestDatabase.h"

#include "demo/DemoSeeder.h"
#include "domain/DuplicateScore.h"
#include "patients/DuplicateFinder.h"
#include "patients/PatientMerge.h"
#include "patients/PatientSearch.h"
#include "storage/AppointmentRepository.h"
#include "storage/ConsentRepository.h"
#include "storage/CoverageRepository.h"
#include "storage/EncounterRepository.h"
#include "storage/MessageRepository.h"
#include "storage/PatientAlertRepository.h"
#include "storage/PatientRepository.h"
#include "storage/RecallRepository.h"

#include <QTest>

using namespace frontdesk;

namespace {

Patient person(const QString &family, const QString &given, const QDate &birth,
               const QString &phone = {}, const QString &email = {})
{
    Patient p;
    p.familyName = family;
    p.givenName = given;
    p.birthDate = birth;
    p.phoneMobile = phone;
    p.email = email;
    return p;
}

const QString kCc = QStringLiteral("49");

} // namespace

class TestPatientMerge : public QObject
{
    Q_OBJECT

private:
    TestClock m_clock{QDateTime(QDate(2026, 3, 4), QTime(9, 0), Qt::UTC)};

    qint64 count(Database &db, const QString &sql, const QVariantList &values = {})
    {
        auto n = db.scalar(sql, values);
        return n ? n->toLongLong() : -1;
    }

private slots:
    void scoresDuplicates()
    {
        const Patient anna = person(QStringLiteral("Müller"), QStringLiteral("Anna"),
                                    QDate(1985, 3, 12), QStringLiteral("+49 170 1234567"));
        // Same name and birth date, written differently.
        const auto same = DuplicateScore::of(
            anna, person(QStringLiteral("MUELLER"), QStringLiteral("anna"), QDate(1985, 3, 12)),
            kCc);
        QVERIFY(same.score >= 90);
        QVERIFY(same.reasons.contains(QStringLiteral("same name and birth date")));
        // A typo in the name, same birth date.
        const auto typo = DuplicateScore::of(
            anna, person(QStringLiteral("Muler"), QStringLiteral("Anna"), QDate(1985, 3, 12)), kCc);
        QVERIFY2(typo.score >= DuplicateScore::Threshold, qPrintable(QString::number(typo.score)));
        QVERIFY(typo.reasons.contains(QStringLiteral("similar name")));
        // Same phone in another format, same name, no birth date on file.
        const auto phone =
            DuplicateScore::of(anna,
                               person(QStringLiteral("Müller"), QStringLiteral("Anna"), {},
                                      QStringLiteral("0170/1234567")),
                               kCc);
        QVERIFY(phone.reasons.contains(QStringLiteral("same phone number")));
        QVERIFY(phone.score >= DuplicateScore::Threshold);
        // Names swapped.
        const auto swapped = DuplicateScore::of(
            anna, person(QStringLiteral("Anna"), QStringLiteral("Müller"), QDate(1985, 3, 12)),
            kCc);
        QVERIFY(swapped.score >= DuplicateScore::Threshold);
        // A child sharing the family phone is not the same person.
        const auto child =
            DuplicateScore::of(anna,
                               person(QStringLiteral("Müller"), QStringLiteral("Jonas"),
                                      QDate(2015, 6, 1), QStringLiteral("+49 170 1234567")),
                               kCc);
        QVERIFY2(child.score < DuplicateScore::Threshold, qPrintable(QString::number(child.score)));
        const auto other = DuplicateScore::of(
            anna, person(QStringLiteral("Schmidt"), QStringLiteral("Peter"), QDate(1960, 1, 1)),
            kCc);
        QCOMPARE(other.score, 0);
    }

    void findsDuplicatesBeforeSavingAndInTheRegister()
    {
        test::TestDatabase t;
        QVERIFY(t.open());
        t.db->setClock(m_clock);
        PatientRepository repo(*t.db);
        Patient anna = person(QStringLiteral("Müller"), QStringLiteral("Anna"), QDate(1985, 3, 12),
                              QStringLiteral("+49 170 1234567"));
        anna.mrn = QStringLiteral("M-1");
        QVERIFY(repo.save(anna).ok());
        Patient other =
            person(QStringLiteral("Schmidt"), QStringLiteral("Peter"), QDate(1960, 1, 1));
        other.mrn = QStringLiteral("M-2");
        QVERIFY(repo.save(other).ok());

        DuplicateFinder finder(*t.db);
        const Patient draft =
            person(QStringLiteral("Mueller"), QStringLiteral("Anna"), QDate(1985, 3, 12));
        auto matches = finder.matchesFor(draft);
        QVERIFY2(matches.ok(), qPrintable(matches.error()));
        QCOMPARE(matches->size(), 1);
        QCOMPARE(matches->first().patient.meta.id, anna.meta.id);

        auto byPhone = finder.matchesFor(person(QStringLiteral("Müller"), QStringLiteral("A."), {},
                                                QStringLiteral("0170 123 4567")));
        QVERIFY(byPhone.ok());
        QCOMPARE(byPhone->size(), 1);
        QVERIFY(byPhone->first().score.reasons.contains(QStringLiteral("same phone number")));
        QVERIFY(finder
                    .matchesFor(
                        person(QStringLiteral("Nowak"), QStringLiteral("Piotr"), QDate(1999, 9, 9)))
                    ->isEmpty());

        Patient twin = draft;
        twin.mrn = QStringLiteral("M-3");
        QVERIFY(repo.save(twin).ok());
        auto pairs = finder.scan();
        QVERIFY(pairs.ok());
        QCOMPARE(pairs->size(), 1);
        const QSet<QString> ids{pairs->first().first.meta.id, pairs->first().second.meta.id};
        QCOMPARE(ids, (QSet<QString>{anna.meta.id, twin.meta.id}));
    }

    void mergeMovesEverythingAndKeepsALink()
    {
        test::TestDatabase t;
        QVERIFY(t.open());
        t.db->setClock(m_clock);
        DemoSeeder::Options o;
        o.patients = 40;
        o.appointments = 400;
        o.today = QDate(2026, 3, 4);
        QVERIFY(DemoSeeder(*t.db).seed(o).ok());
        // The two patients with the most appointments; each gets a message too.
        auto q =
            t.db->query(QStringLiteral("SELECT patient_id FROM appointments GROUP BY "
                                       "patient_id ORDER BY count(*) DESC, patient_id LIMIT 2"));
        QVERIFY(q.ok());
        QStringList both;
        while (q->next())
            both << q->value(0).toString();
        QCOMPARE(both.size(), 2);
        for (const QString &id : both) {
            Message m;
            m.patientId = id;
            m.body = QStringLiteral("Reminder: your appointment tomorrow");
            QVERIFY(MessageRepository(*t.db).save(m).ok());
        }
        const QString survivorId = both.at(0);
        const QString mergedId = both.at(1);
        PatientRepository patients(*t.db);
        const Patient mergedBefore = *patients.get(mergedId);
        const Patient survivorBefore = *patients.get(survivorId);

        Consent consent;
        consent.patientId = mergedId;
        consent.type = QStringLiteral("reminders-sms");
        consent.decidedAt = m_clock.nowUtc();
        consent.recordedBy = QStringLiteral("reception");
        QVERIFY(ConsentRepository(*t.db).save(consent).ok());
        Coverage coverage;
        coverage.patientId = mergedId;
        coverage.payer = QStringLiteral("AOK");
        coverage.memberId = QStringLiteral("X1");
        QVERIFY(CoverageRepository(*t.db).save(coverage).ok());
        PatientAlert alert;
        alert.patientId = mergedId;
        alert.text = QStringLiteral("Needs an interpreter");
        QVERIFY(PatientAlertRepository(*t.db).save(alert).ok());
        Encounter encounter;
        encounter.patientId = mergedId;
        encounter.notes = QStringLiteral("BP check");
        QVERIFY(EncounterRepository(*t.db).save(encounter).ok());
        Recall recall;
        recall.patientId = mergedId;
        recall.reason = QStringLiteral("Annual check-up");
        recall.dueOn = QDate(2026, 1, 15);
        QVERIFY(RecallRepository(*t.db).save(recall).ok());

        // The demo seeds part of the record too (clinical summary, insurance, consents).
        const QStringList tables{QStringLiteral("recalls"),
                                 QStringLiteral("appointments"),
                                 QStringLiteral("messages"),
                                 QStringLiteral("consents"),
                                 QStringLiteral("coverages"),
                                 QStringLiteral("patient_alerts"),
                                 QStringLiteral("encounters"),
                                 QStringLiteral("conditions"),
                                 QStringLiteral("allergies"),
                                 QStringLiteral("medications"),
                                 QStringLiteral("observations"),
                                 QStringLiteral("immunizations"),
                                 QStringLiteral("communication_preferences")};
        QMap<QString, qint64> total;
        QMap<QString, qint64> fromMerged;
        for (const QString &table : tables) {
            total[table] = count(*t.db,
                                 QStringLiteral("SELECT count(*) FROM %1 WHERE patient_id "
                                                "IN (?, ?) AND deleted = 0")
                                     .arg(table),
                                 {survivorId, mergedId});
            fromMerged[table] =
                count(*t.db,
                      QStringLiteral("SELECT count(*) FROM %1 WHERE patient_id = ? AND deleted = 0")
                          .arg(table),
                      {mergedId});
        }
        QVERIFY(fromMerged.value(QStringLiteral("appointments")) > 0);
        QVERIFY(fromMerged.value(QStringLiteral("messages")) > 0);
        const qint64 outboxBefore = count(*t.db, QStringLiteral("SELECT count(*) FROM outbox"));

        PatientMerge::Plan plan;
        plan.survivorId = survivorId;
        plan.mergedId = mergedId;
        plan.choices.insert(QStringLiteral("phoneMobile"), PatientMerge::Side::Merged);
        plan.choices.insert(QStringLiteral("mrn"), PatientMerge::Side::Merged);
        auto outcome = PatientMerge(*t.db).merge(plan);
        QVERIFY2(outcome.ok(), qPrintable(outcome.error()));

        // Everything moved; nothing lost.
        for (const QString &table : tables) {
            QCOMPARE(
                count(*t.db,
                      QStringLiteral("SELECT count(*) FROM %1 WHERE patient_id = ? AND deleted = 0")
                          .arg(table),
                      {survivorId}),
                total.value(table));
            QCOMPARE(
                count(*t.db,
                      QStringLiteral("SELECT count(*) FROM %1 WHERE patient_id = ?").arg(table),
                      {mergedId}),
                0);
            QCOMPARE(outcome->moved.value(table), fromMerged.value(table));
        }
        // The chosen values, and the survivor's own where nothing was chosen.
        const Patient survivor = *patients.get(survivorId);
        QCOMPARE(survivor.phoneMobile, mergedBefore.phoneMobile);
        QCOMPARE(survivor.mrn, mergedBefore.mrn);
        QCOMPARE(survivor.familyName, survivorBefore.familyName);
        // The merged record stays, as a link.
        const Patient merged = *patients.get(mergedId);
        QVERIFY(!merged.meta.deleted);
        QCOMPARE(merged.mergedInto, survivorId);
        QCOMPARE(count(*t.db,
                       QStringLiteral("SELECT count(*) FROM patient_links WHERE source_id = ? AND "
                                      "target_id = ? AND kind = 'replaced-by'"),
                       {mergedId, survivorId}),
                 1);
        // Audited and queued for sync: every moved row, both patients and the link.
        QCOMPARE(count(*t.db,
                       QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'merge' "
                                      "AND entity_id = ?"),
                       {survivorId}),
                 1);
        qint64 movedRows = 0;
        for (const QString &table : tables)
            movedRows += fromMerged.value(table);
        QCOMPARE(count(*t.db, QStringLiteral("SELECT count(*) FROM outbox")) - outboxBefore,
                 movedRows + 3);
        // The link travels in the merged patient's Patient.link: its entry is an update of that
        // patient, on the patient's versions.
        QCOMPARE(count(*t.db, QStringLiteral("SELECT count(*) FROM outbox WHERE resource_type = "
                                             "'PatientLink'")),
                 0);
        QCOMPARE(count(*t.db,
                       QStringLiteral("SELECT count(*) FROM outbox WHERE resource_type = 'Patient' "
                                      "AND resource_id = ? AND operation = 'update'"),
                       {mergedId}),
                 2);
        // Search shows the survivor only.
        auto hits = PatientSearch(*t.db).search(mergedBefore.mrn);
        QVERIFY(hits.ok());
        QCOMPARE(hits->size(), 1);
        QCOMPARE(hits->first().patientId, survivorId);

        // A second merge of the same record is refused and changes nothing.
        const qint64 outboxAfter = count(*t.db, QStringLiteral("SELECT count(*) FROM outbox"));
        auto again = PatientMerge(*t.db).merge(plan);
        QVERIFY(!again.ok());
        QVERIFY(again.error().contains(QLatin1String("already merged")));
        QCOMPARE(count(*t.db, QStringLiteral("SELECT count(*) FROM outbox")), outboxAfter);
    }
};

QTEST_GUILESS_MAIN(TestPatientMerge)
#include "tst_patientmerge.moc"
