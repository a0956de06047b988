#include "DemoRecordSeeder.h"

#include "demo/DemoSeeder.h"
#include "demo/DemoSupport.h"
#include "domain/AppointmentLabels.h"
#include "domain/RecordMeta.h"

#include <QDateTime>
#include <QHash>
#include <QLocale>
#include <QSqlQuery>

#include <array>
#include <cmath>
#include <vector>

namespace frontdesk {

using demo::lit;
using demo::Random;
using demo::run;

namespace {

const QString kSnomed = QStringLiteral("http://snomed.info/sct");
const QString kLoinc = QStringLiteral("http://loinc.org");
const QString kCvx = QStringLiteral("http://hl7.org/fhir/sid/cvx");

struct ConditionKind
{
    const char *code; // SNOMED CT
    const char *display;
    int percent;
    int minAge;
    int maxAge;
    const char *medication;
    const char *dosage;
};
// The displays, medications and dosages are written in the language of the seeding.
const std::array kConditions{
    ConditionKind{"59621000", QT_TRANSLATE_NOOP("DemoRecordSeeder", "Essential hypertension"), 25,
                  35, 200, QT_TRANSLATE_NOOP("DemoRecordSeeder", "Amlodipine 5 mg tablet"),
                  QT_TRANSLATE_NOOP("DemoRecordSeeder", "1 tablet once daily")},
    ConditionKind{"44054006", QT_TRANSLATE_NOOP("DemoRecordSeeder", "Diabetes mellitus type 2"), 10,
                  35, 200, QT_TRANSLATE_NOOP("DemoRecordSeeder", "Metformin 500 mg tablet"),
                  QT_TRANSLATE_NOOP("DemoRecordSeeder", "1 tablet twice daily with meals")},
    ConditionKind{"195967001", QT_TRANSLATE_NOOP("DemoRecordSeeder", "Asthma"), 8, 3, 200,
                  QT_TRANSLATE_NOOP("DemoRecordSeeder", "Salbutamol 100 micrograms inhaler"),
                  QT_TRANSLATE_NOOP("DemoRecordSeeder", "2 puffs when needed")},
    ConditionKind{
        "40930008", QT_TRANSLATE_NOOP("DemoRecordSeeder", "Hypothyroidism"), 6, 18, 200,
        QT_TRANSLATE_NOOP("DemoRecordSeeder", "Levothyroxine 50 micrograms tablet"),
        QT_TRANSLATE_NOOP("DemoRecordSeeder", "1 tablet in the morning before breakfast")},
    ConditionKind{"55822004", QT_TRANSLATE_NOOP("DemoRecordSeeder", "Hyperlipidaemia"), 15, 40, 200,
                  QT_TRANSLATE_NOOP("DemoRecordSeeder", "Atorvastatin 20 mg tablet"),
                  QT_TRANSLATE_NOOP("DemoRecordSeeder", "1 tablet at night")},
    ConditionKind{"239873007", QT_TRANSLATE_NOOP("DemoRecordSeeder", "Osteoarthritis of knee"), 12,
                  50, 200, QT_TRANSLATE_NOOP("DemoRecordSeeder", "Ibuprofen 400 mg tablet"),
                  QT_TRANSLATE_NOOP("DemoRecordSeeder",
                                    "1 tablet up to three times daily with food, when needed")},
    ConditionKind{"37796009", QT_TRANSLATE_NOOP("DemoRecordSeeder", "Migraine"), 6, 15, 60,
                  QT_TRANSLATE_NOOP("DemoRecordSeeder", "Sumatriptan 50 mg tablet"),
                  QT_TRANSLATE_NOOP("DemoRecordSeeder", "1 tablet at the onset of an attack")},
    ConditionKind{"35489007", QT_TRANSLATE_NOOP("DemoRecordSeeder", "Depressive disorder"), 6, 16,
                  200, QT_TRANSLATE_NOOP("DemoRecordSeeder", "Sertraline 50 mg tablet"),
                  QT_TRANSLATE_NOOP("DemoRecordSeeder", "1 tablet once daily")}};
// Positions in kConditions that the record treats specially.
constexpr size_t kHypertension = 0;
constexpr size_t kOsteoarthritis = 5;

struct AllergyKind
{
    const char *display;
    const char *category;
    const char *criticality;
    const char *reaction;
};
const std::array kAllergies{
    AllergyKind{QT_TRANSLATE_NOOP("DemoRecordSeeder", "Penicillin"), "medication", "high",
                QT_TRANSLATE_NOOP("DemoRecordSeeder", "Hives and swelling of the face")},
    AllergyKind{QT_TRANSLATE_NOOP("DemoRecordSeeder", "Ibuprofen"), "medication", "low",
                QT_TRANSLATE_NOOP("DemoRecordSeeder", "Wheezing")},
    AllergyKind{QT_TRANSLATE_NOOP("DemoRecordSeeder", "Peanut"), "food", "high",
                QT_TRANSLATE_NOOP("DemoRecordSeeder", "Anaphylaxis")},
    AllergyKind{QT_TRANSLATE_NOOP("DemoRecordSeeder", "Latex"), "environment", "low",
                QT_TRANSLATE_NOOP("DemoRecordSeeder", "Contact dermatitis")},
    AllergyKind{QT_TRANSLATE_NOOP("DemoRecordSeeder", "Grass pollen"), "environment", "low",
                QT_TRANSLATE_NOOP("DemoRecordSeeder", "Hay fever")},
    AllergyKind{QT_TRANSLATE_NOOP("DemoRecordSeeder", "Sulfonamide antibiotics"), "medication",
                "low", QT_TRANSLATE_NOOP("DemoRecordSeeder", "Skin rash")}};
constexpr int kIbuprofenAllergy = 1;

const std::array kPayers{
    "AOK Nordost", "Techniker Krankenkasse", "BARMER",      "DAK-Gesundheit",
    "IKK classic", "Techniker Krankenkasse", "AOK Nordost", "Allianz Private Krankenversicherung",
    "Debeka"};
const std::array kComplaints{QT_TRANSLATE_NOOP("DemoRecordSeeder", "sore throat"),
                             QT_TRANSLATE_NOOP("DemoRecordSeeder", "headache"),
                             QT_TRANSLATE_NOOP("DemoRecordSeeder", "a skin rash"),
                             QT_TRANSLATE_NOOP("DemoRecordSeeder", "tiredness"),
                             QT_TRANSLATE_NOOP("DemoRecordSeeder", "ear pain")};
const std::array kLabResults{
    QT_TRANSLATE_NOOP("DemoRecordSeeder", "HbA1c 6.8 %"),
    QT_TRANSLATE_NOOP("DemoRecordSeeder", "LDL cholesterol slightly raised"),
    QT_TRANSLATE_NOOP("DemoRecordSeeder", "TSH within the normal range"),
    QT_TRANSLATE_NOOP("DemoRecordSeeder", "full blood count normal")};

struct Person
{
    QString id;
    QString language;
    int age = 0;
    bool female = false;
    bool hypertensive = false;
    double weight = 70;
    int systolic = 120;
    int diastolic = 78;
};

qint64 msAt(const QDate &day, const QTimeZone &zone)
{
    return QDateTime(day, QTime(12, 0), zone).toMSecsSinceEpoch();
}

} // namespace

Result<int> DemoRecordSeeder::seed(const Options &o)
{
    Random rng(o.seed ^ 0x7265636f72647321ULL);
    const QString demoState = SyncState::demo();
    const qint64 now = o.nowMs;
    QString error;
    int rows = 0;
    auto prepared = [this](const char *sql) {
        QSqlQuery q(m_conn);
        q.prepare(QString::fromLatin1(sql));
        return q;
    };
    auto insert = [&](QSqlQuery &q, QVariantList values) {
        values << now << now << demoState;
        if (!run(q, values, error))
            return false;
        ++rows;
        return true;
    };

    QSqlQuery coverage =
        prepared("INSERT INTO coverages (id, patient_id, payer, member_id, group_id, valid_from, "
                 "valid_to, status, eligibility, eligibility_checked_at, created_at, updated_at, "
                 "sync_state) VALUES (?, ?, ?, ?, '', ?, '', 'active', ?, ?, ?, ?, ?)");
    QSqlQuery consent = prepared(
        "INSERT INTO consents (id, patient_id, type, status, decided_at, recorded_by, note, "
        "created_at, updated_at, sync_state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    QSqlQuery alert =
        prepared("INSERT INTO patient_alerts (id, patient_id, severity, text, active, created_at, "
                 "updated_at, sync_state) VALUES (?, ?, ?, ?, 1, ?, ?, ?)");
    QSqlQuery allergy =
        prepared("INSERT INTO allergies (id, patient_id, display, category, criticality, "
                 "clinical_status, reaction, recorded_at, created_at, updated_at, sync_state) "
                 "VALUES (?, ?, ?, ?, ?, 'active', ?, ?, ?, ?, ?)");
    QSqlQuery condition = prepared(
        "INSERT INTO conditions (id, patient_id, code_system, code, display, clinical_status, "
        "onset_at, created_at, updated_at, sync_state) VALUES (?, ?, ?, ?, ?, 'active', ?, ?, "
        "?, ?)");
    QSqlQuery medication =
        prepared("INSERT INTO medications (id, patient_id, display, status, dosage, asserted_at, "
                 "created_at, updated_at, sync_state) VALUES (?, ?, ?, 'active', ?, ?, ?, ?, ?)");
    QSqlQuery encounter = prepared(
        "INSERT INTO encounters (id, patient_id, status, class_code, type_display, reason, "
        "practitioner_name, start_at, end_at, notes, created_at, updated_at, sync_state) "
        "VALUES (?, ?, 'finished', 'AMB', ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    QSqlQuery observation = prepared(
        "INSERT INTO observations (id, patient_id, encounter_id, category, code_system, code, "
        "display, value_number, unit, status, effective_at, created_at, updated_at, sync_state) "
        "VALUES (?, ?, ?, 'vital-signs', ?, ?, ?, ?, ?, 'final', ?, ?, ?, ?)");
    QSqlQuery immunization = prepared(
        "INSERT INTO immunizations (id, patient_id, encounter_id, code_system, code, display, "
        "status, occurred_at, created_at, updated_at, sync_state) "
        "VALUES (?, ?, ?, ?, ?, ?, 'completed', ?, ?, ?, ?)");

    // The demo patients, read before writing so no read is open while the inserts run.
    std::vector<Person> people;
    QHash<QString, size_t> byId;
    {
        QSqlQuery q(m_conn);
        q.setForwardOnly(true);
        q.prepare(QStringLiteral("SELECT id, birth_date, sex, preferred_language FROM patients "
                                 "WHERE sync_state = ? ORDER BY mrn"));
        q.addBindValue(demoState);
        if (!q.exec())
            return fail(describeSqlError(q.lastError()));
        while (q.next()) {
            Person p;
            p.id = q.value(0).toString();
            const QDate born = QDate::fromString(q.value(1).toString(), Qt::ISODate);
            p.age = born.isValid() ? int(born.daysTo(o.today) / 365) : 40;
            p.female = q.value(2).toString() == QLatin1String("female");
            p.language = q.value(3).toString();
            people.push_back(p);
        }
        for (size_t i = 0; i < people.size(); ++i) {
            Person &p = people[i];
            byId.insert(p.id, i);
            const auto yearsAgo = [&](int most) {
                const int days = rng.below(std::max(1, std::min(most, p.age) * 365));
                return msAt(o.today.addDays(-days - 1), o.zone);
            };

            if (rng.chance(92)) {
                const int checked = rng.below(100);
                const QString eligibility = checked < 85   ? QStringLiteral("eligible")
                                            : checked < 90 ? QStringLiteral("not-eligible")
                                                           : QStringLiteral("unknown");
                const QVariant checkedAt =
                    eligibility == QLatin1String("unknown")
                        ? QVariant()
                        : QVariant(now - qint64(1 + rng.below(90)) * 24 * 3600 * 1000);
                if (!insert(coverage,
                            {rng.uuid(), p.id, lit(rng.pick(kPayers)),
                             QStringLiteral("%1%2")
                                 .arg(QChar(QLatin1Char(char('A' + rng.below(26)))))
                                 .arg(100000000 + rng.below(899999999)),
                             QDate(o.today.year() - rng.below(6), 1, 1).toString(Qt::ISODate),
                             eligibility, checkedAt}))
                    return fail(error);
            }

            // Consents: treatment for nearly everyone, SMS reminders for most (a few withdrew
            // later, kept as history), data sharing with the hospital for some.
            const auto consentTo = [&](const QString &type, int percent, int withdrawPercent) {
                if (!rng.chance(percent))
                    return true;
                const qint64 given = yearsAgo(6);
                if (!insert(consent, {rng.uuid(), p.id, type, QStringLiteral("given"), given,
                                      QStringLiteral("receptionist"), QString()}))
                    return false;
                if (!rng.chance(withdrawPercent))
                    return true;
                const qint64 withdrawn = given + (now - given) / 2;
                return insert(consent, {rng.uuid(), p.id, type, QStringLiteral("withdrawn"),
                                        withdrawn, QStringLiteral("receptionist"),
                                        tr("Asked at the desk to stop SMS reminders")});
            };
            if (!consentTo(QStringLiteral("treatment"), 95, 0) ||
                !consentTo(QStringLiteral("reminders-sms"), 60, 8) ||
                !consentTo(QStringLiteral("data-sharing"), 30, 0))
                return fail(error);

            // Front-desk alerts, seen by every role.
            const QString &language = p.language;
            if ((language == QLatin1String("tr") || language == QLatin1String("ar") ||
                 language == QLatin1String("pl")) &&
                rng.chance(50)) {
                const QString name = QLocale::languageToString(QLocale(language).language());
                if (!insert(alert, {rng.uuid(), p.id, QStringLiteral("info"),
                                    tr("Needs an interpreter (%1)").arg(name)}))
                    return fail(error);
            }
            if (p.age >= 80 && rng.chance(40) &&
                !insert(alert, {rng.uuid(), p.id, QStringLiteral("warning"),
                                tr("Fall risk: offer help at the desk and a chair")}))
                return fail(error);
            if (rng.chance(1) && !insert(alert, {rng.uuid(), p.id, QStringLiteral("warning"),
                                                 tr("Wheelchair user: book a ground-floor room")}))
                return fail(error);

            // Allergies.
            bool ibuprofenAllergy = false;
            const int allergyCount = rng.chance(15) ? (rng.chance(20) ? 2 : 1) : 0;
            int firstAllergy = -1;
            for (int a = 0; a < allergyCount; ++a) {
                int kind = rng.below(int(kAllergies.size()));
                if (kind == firstAllergy)
                    kind = (kind + 1) % int(kAllergies.size());
                firstAllergy = kind;
                ibuprofenAllergy = ibuprofenAllergy || kind == kIbuprofenAllergy;
                const AllergyKind &k = kAllergies[size_t(kind)];
                if (!insert(allergy, {rng.uuid(), p.id, tr(k.display), lit(k.category),
                                      lit(k.criticality), tr(k.reaction), yearsAgo(20)}))
                    return fail(error);
            }

            // Problems, each with the medication that treats it.
            for (size_t c = 0; c < kConditions.size(); ++c) {
                const ConditionKind &k = kConditions[c];
                if (p.age < k.minAge || p.age > k.maxAge || !rng.chance(k.percent))
                    continue;
                const qint64 onset = yearsAgo(15);
                if (!insert(condition,
                            {rng.uuid(), p.id, kSnomed, lit(k.code), tr(k.display), onset}))
                    return fail(error);
                const bool avoidIbuprofen = c == kOsteoarthritis && ibuprofenAllergy;
                if (!insert(medication,
                            {rng.uuid(), p.id,
                             avoidIbuprofen ? tr("Paracetamol 500 mg tablet") : tr(k.medication),
                             avoidIbuprofen ? tr("1–2 tablets up to four times daily, when needed")
                                            : tr(k.dosage),
                             onset + qint64(rng.below(30)) * 24 * 3600 * 1000}))
                    return fail(error);
                if (c == kHypertension)
                    p.hypertensive = true;
            }
            // Children weigh what children weigh: roughly 3 kg a year on top of a newborn's.
            p.weight = p.age < 18
                           ? 4 + p.age * 3.2 + rng.below(5)
                           : (p.female ? 62 : 78) + rng.below(30) - 10 + std::min(p.age, 60) / 6;
            p.systolic = 112 + std::min(p.age, 80) / 4 + (p.hypertensive ? 18 : 0);
            p.diastolic = 72 + (p.hypertensive ? 10 : 0);
        }
    }

    // Encounters for the recent completed visits: the nurse's history of the patient.
    struct Visit
    {
        QString id, patientId, type, reason, practitioner;
        qint64 start = 0, end = 0;
    };
    std::vector<Visit> visits;
    {
        QSqlQuery q(m_conn);
        q.setForwardOnly(true);
        q.prepare(QStringLiteral(
            "SELECT a.id, a.patient_id, a.type, a.reason, a.start_at, a.end_at, "
            "trim(coalesce(p.prefix, '') || ' ' || p.given_name || ' ' || p.family_name) "
            "FROM appointments a JOIN practitioners p ON p.id = a.practitioner_id "
            "WHERE a.sync_state = ? AND a.status = 'completed' AND a.start_at >= ? "
            "ORDER BY a.start_at, a.id"));
        q.addBindValue(demoState);
        q.addBindValue(msAt(o.today.addDays(-o.encounterDays), o.zone));
        if (!q.exec())
            return fail(describeSqlError(q.lastError()));
        while (q.next())
            visits.push_back({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                              q.value(3).toString(), q.value(6).toString(), q.value(4).toLongLong(),
                              q.value(5).toLongLong()});
    }
    const QLocale c = QLocale::c();
    for (const Visit &v : visits) {
        const auto found = byId.constFind(v.patientId);
        if (found == byId.constEnd())
            continue;
        Person &p = people[*found];
        const QString encounterId = rng.uuid();
        const QString &reason = v.reason;
        // DemoSeeder wrote the reason in the language of the seeding.
        const auto was = [&reason](const char *english) {
            return reason == DemoSeeder::tr(english);
        };
        const bool measured =
            was("Blood pressure review") || was("Annual check-up") || rng.chance(40);
        const int systolic = p.systolic + rng.below(21) - 10;
        const int diastolic = p.diastolic + rng.below(13) - 6;
        const int pulse = 60 + rng.below(30);
        p.weight += (rng.below(31) - 15) / 10.0;
        const QString weight = c.toString(p.weight, 'f', 1);

        QString note;
        if (was("Persistent cough"))
            note = tr("Cough for %1 days, no fever. Chest clear on auscultation. Fluids and rest "
                      "advised; review if not better in two weeks.")
                       .arg(5 + rng.below(20));
        else if (was("Follow-up on lab results"))
            note = tr("Lab results discussed: %1. Treatment unchanged.")
                       .arg(tr(rng.pick(kLabResults)));
        else if (was("Blood pressure review"))
            note = tr("BP %1/%2 mmHg. %3")
                       .arg(systolic)
                       .arg(diastolic)
                       .arg(p.hypertensive ? tr("Amlodipine continued; recheck in three months.")
                                           : tr("No treatment needed; recheck in a year."));
        else if (was("Annual check-up"))
            note = tr("Annual check-up. BP %1/%2 mmHg, weight %3 kg. Lifestyle advice given.")
                       .arg(systolic)
                       .arg(diastolic)
                       .arg(weight);
        else if (was("Influenza vaccination"))
            note = tr("Influenza vaccine given into the left deltoid. No immediate reaction.");
        else if (was("Minor procedure"))
            note = tr("Minor procedure under local anaesthetic; wound closed with two sutures, "
                      "removal in ten days.");
        else if (was("Back pain"))
            note = tr("Lower back pain after lifting, no red flags. Exercises and pain relief "
                      "advised.");
        else
            note = tr("Seen for %1. Examination unremarkable; advice given.")
                       .arg(tr(rng.pick(kComplaints)));

        const QString type = AppointmentLabels::type(v.type);
        if (!insert(encounter,
                    {encounterId, p.id, type, reason, v.practitioner, v.start, v.end, note}))
            return fail(error);
        if (measured) {
            struct Vital
            {
                const char *code;
                const char *display;
                double value;
                const char *unit;
            };
            const std::array vitals{
                Vital{"8480-6", QT_TRANSLATE_NOOP("DemoRecordSeeder", "Systolic blood pressure"),
                      double(systolic), "mm[Hg]"},
                Vital{"8462-4", QT_TRANSLATE_NOOP("DemoRecordSeeder", "Diastolic blood pressure"),
                      double(diastolic), "mm[Hg]"},
                Vital{"8867-4", QT_TRANSLATE_NOOP("DemoRecordSeeder", "Heart rate"), double(pulse),
                      "/min"},
                Vital{"29463-7", QT_TRANSLATE_NOOP("DemoRecordSeeder", "Body weight"),
                      std::round(p.weight * 10) / 10, "kg"}};
            for (const Vital &vital : vitals) {
                if (!insert(observation,
                            {rng.uuid(), p.id, encounterId, kLoinc, lit(vital.code),
                             tr(vital.display), vital.value, lit(vital.unit), v.start}))
                    return fail(error);
            }
        }
        if (was("Influenza vaccination") &&
            !insert(immunization,
                    {rng.uuid(), p.id, encounterId, kCvx, QStringLiteral("140"),
                     tr("Influenza, seasonal, injectable, preservative free"), v.start}))
            return fail(error);
    }
    return rows;
}

} // namespace frontdesk
