#include "TestClock.h"
#include "TestDatabase.h"

#include "core/Translations.h"
#include "demo/DemoSeeder.h"
#include "domain/ReplyWords.h"
#include "messaging/TemplateRenderer.h"

#include <QCryptographicHash>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSqlRecord>
#include <QTest>
#include <QTimeZone>

using namespace frontdesk;

// The clinic of options() (seed 7), as DemoSeeder wrote it when its stages were split out. The
// hash covers every column: it changed when migration 017 added the messages' dispatch columns
// and 018 the conversation's (empty for the demo's messages; without them the rows hash as
// before), when the reminder text came to name the cancel word frontdesk-server acts on, when
// the Messages view's demo conversations came (the replies' read marks, the failed reminders'
// reasons, two inbox messages and the shared mobile number of their candidates), when 019
// brought the three message templates, when 023 gave the recalls their kind and contact columns
// (kind "recall", not contacted), when 022 brought the follow-up survey (surveys after a third
// of the last five weeks' completed visits, the replies and the answers), when the worklist
// got its tasks (14 rows more: 10 call, letter and offer tasks, 2 waitlist entries, 2 recall
// preferences by letter; 4 overdue recalls now record their contact; the clinic seeded before
// that stage is unchanged, migration 024 included), and when a patient drawn for a time they
// were booked already came to be the next free patient instead (the same rows, some
// appointments, and what hangs on them, with another patient).
constexpr qint64 kClinicRows = 13472;
constexpr char kClinicHash[] = "54caf90849caaf926d6fc5d52eb21bee4afaf9bbcfc0671c8cf6f0391e822700";

class TestDemoSeeder : public QObject
{
    Q_OBJECT

    TestClock clock{QDateTime(QDate(2026, 6, 10), QTime(8, 30), Qt::UTC)};

    DemoSeeder::Options options()
    {
        DemoSeeder::Options o;
        o.patients = 400;
        o.appointments = 3000;
        o.seed = 7;
        o.today = QDate(2026, 6, 10);
        return o;
    }
    static qint64 count(Database &db, const QString &sql)
    {
        auto v = db.scalar(sql);
        return v ? v->toLongLong() : -1;
    }

private slots:
    void seedsWhatWasAskedFor()
    {
        test::TestDatabase t;
        QVERIFY(t.open());
        t.db->setClock(clock);
        auto summary = DemoSeeder(*t.db).seed(options());
        QVERIFY2(summary.ok(), qPrintable(summary.error()));
        QCOMPARE(summary->patients, 400);
        QCOMPARE(summary->appointments, 3000);
        QCOMPARE(count(*t.db, QStringLiteral("SELECT count(*) FROM patients")), 400);
        QCOMPARE(count(*t.db, QStringLiteral("SELECT count(*) FROM appointments")), 3000);
        QVERIFY(summary->practitioners >= 4);
        QCOMPARE(count(*t.db, QStringLiteral("SELECT count(*) FROM practitioners")),
                 summary->practitioners);
        QVERIFY(count(*t.db, QStringLiteral("SELECT count(*) FROM working_hours")) >=
                summary->practitioners * 10);
        QVERIFY(summary->messages > 0);
        // The Messages view has something to show: replies of the last day unread, older ones
        // read, failed reminders with the reason, and the inbox of senders no single patient is.
        const qint64 day = 24 * 3600 * 1000;
        QVERIFY(count(*t.db, QStringLiteral("SELECT count(*) FROM messages WHERE direction = "
                                            "'inbound' AND read_at IS NULL AND patient_id IS NOT "
                                            "NULL AND sent_at >= %1")
                                 .arg(clock.nowMs() - day)) > 0);
        QCOMPARE(count(*t.db, QStringLiteral("SELECT count(*) FROM messages WHERE direction = "
                                             "'inbound' AND read_at IS NULL AND sent_at < %1")
                                  .arg(clock.nowMs() - day)),
                 0);
        QVERIFY(count(*t.db, QStringLiteral("SELECT count(*) FROM messages WHERE status = "
                                            "'failed' AND failure_reason <> ''")) > 0);
        QCOMPARE(count(*t.db, QStringLiteral("SELECT count(*) FROM messages WHERE status = "
                                             "'failed' AND failure_reason = ''")),
                 0);
        QCOMPARE(count(*t.db, QStringLiteral("SELECT count(*) FROM messages WHERE patient_id IS "
                                             "NULL AND direction = 'inbound' AND read_at IS NULL")),
                 2);
        QCOMPARE(count(*t.db, QStringLiteral("SELECT count(*) FROM patients p JOIN messages m ON "
                                             "m.patient_id IS NULL AND m.candidate_patient_ids "
                                             "LIKE '%' || p.id || '%' AND p.phone_mobile = "
                                             "m.from_address")),
                 2);

        // Demo rows never go to a server; one audit entry records the seeding.
        QCOMPARE(count(*t.db, QStringLiteral("SELECT count(*) FROM outbox")), 0);
        QCOMPARE(count(*t.db,
                       QStringLiteral("SELECT count(*) FROM patients WHERE sync_state <> 'demo'")),
                 0);
        QCOMPARE(
            count(*t.db, QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'seed'")),
            1);

        // Realistic statuses: the past has outcomes, the future has none.
        const qint64 now = clock.nowMs();
        for (const char *status : {"completed", "no-show", "cancelled"})
            QVERIFY2(
                count(*t.db,
                      QStringLiteral(
                          "SELECT count(*) FROM appointments WHERE end_at <= %1 AND status = '%2'")
                          .arg(now)
                          .arg(QLatin1String(status))) > 0,
                status);
        QCOMPARE(
            count(*t.db, QStringLiteral(
                             "SELECT count(*) FROM appointments WHERE start_at > %1 AND status IN "
                             "('completed', 'no-show', 'in-room')")
                             .arg(now)),
            0);
        // Patients arrive early, but not more than an hour ahead.
        QCOMPARE(
            count(
                *t.db,
                QStringLiteral(
                    "SELECT count(*) FROM appointments WHERE start_at > %1 AND status = 'arrived'")
                    .arg(now + 3600 * 1000)),
            0);
        QVERIFY(count(*t.db, QStringLiteral("SELECT count(*) FROM appointments WHERE start_at > %1")
                                 .arg(now)) > 0);
        const qint64 noShows = count(
            *t.db, QStringLiteral("SELECT count(*) FROM appointments WHERE status = 'no-show'"));
        QVERIFY(noShows > 3000 * 2 / 100 && noShows < 3000 * 12 / 100);

        // No practitioner is booked twice at once.
        QCOMPARE(
            count(*t.db, QStringLiteral("SELECT count(*) FROM appointments a JOIN appointments b "
                                        "ON a.practitioner_id = b.practitioner_id AND a.id < b.id "
                                        "AND a.start_at < b.end_at AND b.start_at < a.end_at")),
            0);
        // Appointments fall inside working hours (local 08:00-17:00).
        QCOMPARE(count(*t.db, QStringLiteral(
                                  "SELECT count(*) FROM appointments WHERE end_at <= start_at")),
                 0);
        QVERIFY(t.db->check()->isEmpty());
    }

    // The front desk's worklist has work on the demo's today: calls instead of SMS reminders
    // for patients who want a call, overdue recalls contacted by a call or a letter (the letter
    // for patients who asked for recalls by post), and a cancelled time offered to two waiting
    // patients. Each task is a recall row of its kind, due by today, the patient's.
    void seedsAWorklist()
    {
        test::TestDatabase t;
        QVERIFY(t.open());
        t.db->setClock(clock);
        auto summary = DemoSeeder(*t.db).seed(options());
        QVERIFY2(summary.ok(), qPrintable(summary.error()));
        const QString today = options().today.toString(Qt::ISODate);
        const auto tasks = [&](const char *kind) {
            return count(*t.db, QStringLiteral("SELECT count(*) FROM recalls WHERE kind = '%1' "
                                               "AND status = 'open' AND due_on <= '%2'")
                                    .arg(QLatin1String(kind), today));
        };
        qInfo("call %lld, letter %lld, offer %lld", tasks("call"), tasks("letter"), tasks("offer"));
        QVERIFY(tasks("call") >= 3);
        QVERIFY(tasks("letter") >= 1);
        QCOMPARE(tasks("offer"), 2);
        QCOMPARE(summary->tasks, int(tasks("call") + tasks("letter") + tasks("offer")));
        // Calls for patients who want a call; letters for those who asked for recalls by post.
        QCOMPARE(count(*t.db, QStringLiteral("SELECT count(*) FROM recalls r JOIN patients p ON "
                                             "p.id = r.patient_id WHERE r.kind = 'call' AND "
                                             "p.preferred_channel <> 'phone'")),
                 0);
        QCOMPARE(count(*t.db,
                       QStringLiteral("SELECT count(*) FROM recalls r WHERE r.kind = 'letter' AND "
                                      "NOT EXISTS (SELECT 1 FROM communication_preferences c "
                                      "WHERE c.patient_id = r.patient_id AND c.purpose = "
                                      "'recall' AND c.channel = 'letter')")),
                 0);
        // Each contacted recall names its task, of the channel it says.
        QCOMPARE(count(*t.db, QStringLiteral("SELECT count(*) FROM recalls r JOIN recalls task "
                                             "ON task.id = r.contact_ref WHERE r.kind = 'recall' "
                                             "AND task.kind = r.contact_channel AND "
                                             "task.patient_id = r.patient_id")),
                 tasks("call") + tasks("letter") -
                     count(*t.db, QStringLiteral("SELECT count(*) FROM recalls WHERE kind = "
                                                 "'call' AND reason NOT LIKE 'Call about%'")));
        // The offers are for waiting patients, about one freed time.
        QCOMPARE(count(*t.db, QStringLiteral("SELECT count(*) FROM recalls r JOIN waitlist w ON "
                                             "w.patient_id = r.patient_id AND w.status = "
                                             "'waiting' WHERE r.kind = 'offer'")),
                 2);
        QCOMPARE(count(*t.db, QStringLiteral("SELECT count(DISTINCT reason) FROM recalls WHERE "
                                             "kind = 'offer'")),
                 1);
        QCOMPARE(count(*t.db, QStringLiteral("SELECT count(*) FROM recalls WHERE sync_state <> "
                                             "'demo'")),
                 0);
    }

    // Every part of the profile has something to show, consistent with the visits.
    void seedsThePatientRecord()
    {
        test::TestDatabase t;
        QVERIFY(t.open());
        t.db->setClock(clock);
        auto summary = DemoSeeder(*t.db).seed(options());
        QVERIFY2(summary.ok(), qPrintable(summary.error()));
        qint64 rows = 0;
        for (const char *table :
             {"coverages", "consents", "patient_alerts", "allergies", "conditions", "medications",
              "encounters", "observations", "immunizations"}) {
            const qint64 n =
                count(*t.db, QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table)));
            QVERIFY2(n > 0, table);
            QCOMPARE(count(*t.db, QStringLiteral("SELECT count(*) FROM %1 WHERE sync_state <> "
                                                 "'demo' OR patient_id NOT IN (SELECT id FROM "
                                                 "patients)")
                                      .arg(QLatin1String(table))),
                     0);
            rows += n;
        }
        QCOMPARE(summary->records, rows);
        QCOMPARE(count(*t.db, QStringLiteral("SELECT count(*) FROM outbox")), 0);

        // Most patients are insured; every problem comes with its medication.
        QVERIFY(count(*t.db, QStringLiteral("SELECT count(DISTINCT patient_id) FROM coverages")) >
                300);
        QCOMPARE(count(*t.db, QStringLiteral("SELECT count(*) FROM conditions")),
                 count(*t.db, QStringLiteral("SELECT count(*) FROM medications")));
        // Nobody allergic to ibuprofen is given it.
        QCOMPARE(count(*t.db, QStringLiteral(
                                  "SELECT count(*) FROM medications m JOIN allergies a ON "
                                  "a.patient_id = m.patient_id WHERE a.display = 'Ibuprofen' AND "
                                  "m.display LIKE 'Ibuprofen%'")),
                 0);
        // Encounters: exactly the completed visits of the last 180 days, at their times.
        const qint64 since =
            QDateTime(QDate(2026, 6, 10).addDays(-180), QTime(12, 0), QTimeZone("Europe/Berlin"))
                .toMSecsSinceEpoch();
        QCOMPARE(count(*t.db, QStringLiteral("SELECT count(*) FROM encounters")),
                 count(*t.db, QStringLiteral("SELECT count(*) FROM appointments WHERE status = "
                                             "'completed' AND start_at >= %1")
                                  .arg(since)));
        QCOMPARE(count(*t.db, QStringLiteral("SELECT count(*) FROM encounters e WHERE notes = '' "
                                             "OR NOT EXISTS (SELECT 1 FROM appointments a WHERE "
                                             "a.patient_id = e.patient_id AND a.start_at = "
                                             "e.start_at AND a.status = 'completed')")),
                 0);
        // Vitals come in fours, belong to an encounter, and are plausible.
        QCOMPARE(count(*t.db, QStringLiteral("SELECT count(*) FROM observations")) % 4, 0);
        QCOMPARE(count(*t.db, QStringLiteral("SELECT count(*) FROM observations WHERE "
                                             "encounter_id NOT IN (SELECT id FROM encounters)")),
                 0);
        QCOMPARE(count(*t.db, QStringLiteral("SELECT count(*) FROM observations WHERE code = "
                                             "'8480-6' AND (value_number < 90 OR value_number > "
                                             "200)")),
                 0);
        // Weights fit the patient: nobody under 2 kg or over 200 kg, no child under ten over 60 kg.
        QCOMPARE(count(*t.db, QStringLiteral(
                                  "SELECT count(*) FROM observations o JOIN patients p ON p.id = "
                                  "o.patient_id WHERE o.code = '29463-7' AND (o.value_number < 2 "
                                  "OR o.value_number > 200 OR (p.birth_date > '2016-06-10' AND "
                                  "o.value_number > 60))")),
                 0);
        QCOMPARE(count(*t.db, QStringLiteral("SELECT count(*) FROM immunizations i WHERE NOT "
                                             "EXISTS (SELECT 1 FROM encounters e WHERE e.id = "
                                             "i.encounter_id AND e.reason = 'Influenza "
                                             "vaccination')")),
                 0);
        QVERIFY(t.db->check()->isEmpty());
    }

    void sameSeedSameClinic()
    {
        test::TestDatabase a, b;
        QVERIFY(a.open());
        QVERIFY(b.open());
        a.db->setClock(clock);
        b.db->setClock(clock);
        QVERIFY(DemoSeeder(*a.db).seed(options()).ok());
        QVERIFY(DemoSeeder(*b.db).seed(options()).ok());
        const QString sql =
            QStringLiteral("SELECT group_concat(id || family_name || birth_date, ',') FROM "
                           "(SELECT * FROM patients ORDER BY mrn)");
        QCOMPARE(a.db->scalar(sql)->toString(), b.db->scalar(sql)->toString());
        const QString appts =
            QStringLiteral("SELECT group_concat(id || start_at || status, ',') FROM "
                           "(SELECT * FROM appointments ORDER BY start_at, id)");
        QCOMPARE(a.db->scalar(appts)->toString(), b.db->scalar(appts)->toString());
        const QString records = QStringLiteral(
            "SELECT group_concat(id || notes || start_at, ',') FROM (SELECT * FROM encounters "
            "ORDER BY start_at, id)");
        QCOMPARE(a.db->scalar(records)->toString(), b.db->scalar(records)->toString());

        test::TestDatabase c;
        QVERIFY(c.open());
        c.db->setClock(clock);
        auto other = options();
        other.seed = 8;
        QVERIFY(DemoSeeder(*c.db).seed(other).ok());
        QVERIFY(a.db->scalar(sql)->toString() != c.db->scalar(sql)->toString());
    }

    // The demo clinic keeps the booking rule a workstation and the server enforce: no patient
    // is booked twice at once (a frequent visitor drawn for a time they are booked already
    // gets the next patient who is free), so all of it goes up when the workstation enrolls.
    void nobodyIsBookedTwiceAtOnce()
    {
        test::TestDatabase t;
        QVERIFY(t.open());
        t.db->setClock(clock);
        DemoSeeder::Options o = options();
        o.patients = 1500;
        o.appointments = 3000;
        QVERIFY(DemoSeeder(*t.db).seed(o).ok());
        const auto overlapping = t.db->scalar(QStringLiteral(
            "SELECT count(*) FROM appointments a JOIN appointments b ON a.patient_id = "
            "b.patient_id AND a.id < b.id AND a.start_at < b.end_at AND b.start_at < a.end_at "
            "WHERE a.status NOT IN ('cancelled', 'no-show') AND b.status NOT IN ('cancelled', "
            "'no-show')"));
        QVERIFY2(overlapping.ok(), qPrintable(overlapping.error()));
        QCOMPARE(overlapping->toInt(), 0);
        // Nor a room (practitioners share rooms; a visit whose room is taken then gets another
        // free room, else none).
        const auto roomTwice = t.db->scalar(QStringLiteral(
            "SELECT count(*) FROM appointments a JOIN appointments b ON a.location_id = "
            "b.location_id AND a.location_id <> '' AND a.id < b.id AND a.start_at < b.end_at AND "
            "b.start_at < a.end_at WHERE a.status NOT IN ('cancelled', 'no-show') AND b.status "
            "NOT IN ('cancelled', 'no-show')"));
        QVERIFY2(roomTwice.ok(), qPrintable(roomTwice.error()));
        QCOMPARE(roomTwice->toInt(), 0);
        QCOMPARE(t.db->scalar(QStringLiteral("SELECT count(*) FROM appointments"))->toInt(), 3000);
    }

    // Every row the seeders write, table by table in insertion order: the demo clinic of one
    // seed stays the clinic the benchmarks and the README's figures were measured on.
    void theClinicOfASeedDoesNotChange()
    {
        test::TestDatabase t;
        QVERIFY(t.open());
        t.db->setClock(clock);
        QVERIFY(DemoSeeder(*t.db).seed(options()).ok());
        auto tables = t.db->query(QStringLiteral(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' "
            "AND name NOT LIKE 'patient_search%' AND name NOT IN ('audit_log', "
            "'audit_checkpoint', 'audit_field_key', 'bulk_load_triggers', 'deferred_indexes', "
            "'deferred_triggers', 'settings', 'sync_meta', "
            "'sync_records', 'schema_version') "
            "ORDER BY name"));
        QVERIFY2(tables.ok(), qPrintable(tables.error()));
        QStringList names;
        while (tables->next())
            names << tables->value(0).toString();
        QVERIFY(names.contains(QStringLiteral("appointments")));
        QCryptographicHash hash(QCryptographicHash::Sha256);
        qint64 rows = 0;
        for (const QString &name : names) {
            // name comes from sqlite_master, never from input.
            auto q = t.db->query(QStringLiteral("SELECT * FROM %1 ORDER BY rowid").arg(name));
            QVERIFY2(q.ok(), qPrintable(q.error()));
            hash.addData(name.toUtf8());
            while (q->next()) {
                ++rows;
                for (int i = 0; i < q->record().count(); ++i) {
                    hash.addData(q->value(i).toString().toUtf8());
                    hash.addData(QByteArrayView("\x1f"));
                }
                hash.addData(QByteArrayView("\x1e"));
            }
        }
        QCOMPARE(rows, kClinicRows);
        QCOMPARE(QString::fromLatin1(hash.result().toHex()), QString::fromLatin1(kClinicHash));
    }

    // Seeded while the app speaks German, the clinic speaks German: appointment types, rooms,
    // specialties, reasons, the patient record. Each visit's note still follows its reason.
    void seedsInTheLanguageOfTheRun()
    {
        Translations::install(QLocale(QLocale::German, QLocale::Germany));
        const auto english = qScopeGuard([] { Translations::install(QLocale::c()); });
        test::TestDatabase t;
        QVERIFY(t.open());
        t.db->setClock(clock);
        DemoSeeder::Options o = options();
        o.locale = QLocale(QLocale::German, QLocale::Germany);
        auto summary = DemoSeeder(*t.db).seed(o);
        QVERIFY2(summary.ok(), qPrintable(summary.error()));
        const auto text = [&t](const QString &sql) {
            auto v = t.db->scalar(sql);
            return v ? v->toString() : QString();
        };
        QCOMPARE(
            text(QStringLiteral("SELECT name FROM appointment_types WHERE code = 'consultation'")),
            QStringLiteral("Sprechstunde"));
        QCOMPARE(
            text(QStringLiteral("SELECT name FROM appointment_types WHERE code = 'procedure'")),
            QStringLiteral("Eingriff"));
        QCOMPARE(
            count(*t.db, QStringLiteral("SELECT count(*) FROM locations WHERE name = 'Raum 3'")),
            1);
        QCOMPARE(count(*t.db, QStringLiteral("SELECT count(*) FROM practitioners WHERE specialty = "
                                             "'Allgemeinmedizin'")),
                 2);
        QVERIFY(count(*t.db, QStringLiteral("SELECT count(*) FROM appointments WHERE reason = "
                                            "'Rückenschmerzen'")) > 0);
        QCOMPARE(count(*t.db, QStringLiteral("SELECT count(*) FROM appointments WHERE reason IN "
                                             "('Back pain', 'Consultation', 'Persistent cough')")),
                 0);
        QVERIFY(count(*t.db, QStringLiteral("SELECT count(*) FROM recalls WHERE reason = "
                                            "'Diabeteskontrolle'")) > 0);
        QCOMPARE(count(*t.db, QStringLiteral("SELECT count(*) FROM conditions WHERE display = "
                                             "'Essential hypertension'")),
                 0);
        QVERIFY(count(*t.db, QStringLiteral("SELECT count(*) FROM conditions WHERE display = "
                                            "'Essentielle Hypertonie'")) > 0);
        // A blood pressure review is always measured and its note gives the reading.
        const qint64 reviews = count(
            *t.db,
            QStringLiteral("SELECT count(*) FROM encounters WHERE reason = 'Blutdruckkontrolle'"));
        QVERIFY(reviews > 0);
        QCOMPARE(count(*t.db, QStringLiteral("SELECT count(DISTINCT e.id) FROM encounters e JOIN "
                                             "observations o ON o.encounter_id = e.id WHERE "
                                             "e.reason = 'Blutdruckkontrolle' AND o.display = "
                                             "'Systolischer Blutdruck'")),
                 reviews);
        QCOMPARE(count(*t.db, QStringLiteral("SELECT count(*) FROM encounters WHERE reason = "
                                             "'Blutdruckkontrolle' AND notes NOT LIKE '%mmHg%'")),
                 0);
        QVERIFY(count(*t.db, QStringLiteral("SELECT count(*) FROM encounters WHERE type_display = "
                                            "'Nachkontrolle'")) > 0);
        // The reminders give the day as a German reader writes it: "Mittwoch, 10. Juni, 09:15".
        QVERIFY(count(*t.db, QStringLiteral("SELECT count(*) FROM messages WHERE purpose = "
                                            "'reminder' AND body LIKE '%tag, %. Juni, __:__.%'")) >
                0);
        QCOMPARE(
            count(*t.db, QStringLiteral("SELECT count(*) FROM messages WHERE purpose = "
                                        "'reminder' AND direction = 'outbound' AND body NOT "
                                        "LIKE 'Erinnerung: Ihr Termin ist am %tag, %. %, __:__.%' "
                                        "AND body NOT LIKE 'Erinnerung: Ihr Termin ist am "
                                        "Mittwoch, %. %, __:__.%'")),
            0);
    }

    // The demo's templates in every language: each may be saved, and the reminder's reply
    // instructions (its words in capitals) are words the server acts on: one confirms, one
    // cancels, none means nothing.
    void theDemoTemplatesNameReplyWordsThatWork()
    {
        const auto english = qScopeGuard([] { Translations::install(QLocale::c()); });
        static const QRegularExpression capitals(QStringLiteral("\\b\\p{Lu}+\\b"),
                                                 QRegularExpression::UseUnicodePropertiesOption);
        for (const QString &language : Translations::available()) {
            Translations::install(QLocale(language));
            const QList<MessageTemplate> templates = DemoSeeder::messageTemplates();
            QCOMPARE(templates.size(), 3);
            for (const MessageTemplate &t : templates) {
                const Status valid = TemplateRenderer::validate(t);
                QVERIFY2(valid.ok(), qPrintable(language + QLatin1Char(' ') + valid.error()));
            }
            const MessageTemplate &reminder = templates.first();
            QCOMPARE(reminder.purpose, QStringLiteral("reminder"));
            QList<ReplyWords::Meaning> meanings;
            for (auto m = capitals.globalMatch(reminder.body); m.hasNext();)
                meanings << ReplyWords::classify(m.next().captured());
            QVERIFY2(meanings.contains(ReplyWords::Meaning::Confirm), qPrintable(reminder.body));
            QVERIFY2(meanings.contains(ReplyWords::Meaning::Cancel), qPrintable(reminder.body));
            QVERIFY2(!meanings.contains(ReplyWords::Meaning::Other), qPrintable(reminder.body));
        }
        test::TestDatabase t;
        QVERIFY(t.open());
        t.db->setClock(clock);
        QVERIFY(DemoSeeder(*t.db).seed(options()).ok());
        QCOMPARE(count(*t.db, QStringLiteral("SELECT count(*) FROM message_templates WHERE "
                                             "sync_state = 'demo' AND active = 1")),
                 3);
    }

    void badOptionsAreRefused()
    {
        test::TestDatabase t;
        QVERIFY(t.open());
        auto o = options();
        o.patients = 0;
        QVERIFY(!DemoSeeder(*t.db).seed(o).ok());
        o = options();
        o.timeZone = QStringLiteral("Mars/Olympus_Mons");
        auto r = DemoSeeder(*t.db).seed(o);
        QVERIFY(!r.ok());
        QVERIFY(r.error().contains(QStringLiteral("Mars")));
        QCOMPARE(count(*t.db, QStringLiteral("SELECT count(*) FROM patients")), 0);
    }
};

QTEST_GUILESS_MAIN(TestDemoSeeder)
#include "tst_demoseeder.moc"
