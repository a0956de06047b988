#include "DemoSeeder.h"

#include "access/AuditLog.h"
#include "database/Database.h"
#include "demo/DemoRecordSeeder.h"
#include "demo/DemoSupport.h"
#include "domain/Appointment.h"
#include "domain/AppointmentLabels.h"
#include "domain/Practitioner.h"
#include "domain/RecordMeta.h"
#include "patients/PatientSearch.h"
#include "scheduling/ConflictDetector.h"

#include <QHash>
#include <QJsonObject>
#include <QLocale>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>
#include <QUuid>

#include <algorithm>
#include <array>
#include <utility>
#include <vector>

namespace frontdesk {

using demo::lit;
using demo::Random;

namespace {

const std::array kFemaleNames{
    "Anna",  "Maria",  "Emma",    "Sofia", "Lea",    "Hannah",    "Mia",       "Laura",
    "Julia", "Sarah",  "Elif",    "Ayşe",  "Zeynep", "Olivia",    "Charlotte", "Amelia",
    "Grace", "Chloé",  "Camille", "Lucía", "Carmen", "Agnieszka", "Katarzyna", "Fatima",
    "Amira", "Ingrid", "Johanna", "Greta", "Marta",  "Irina",     "Yuki",      "Mei"};
const std::array kMaleNames{"Lukas",  "Jonas",   "Leon",   "Paul", "Felix", "Maximilian", "David",
                            "Thomas", "Michael", "Mehmet", "Emre", "Ahmet", "Oliver",     "Jack",
                            "Harry",  "George",  "Louis",  "Hugo", "Mateo", "Javier",     "Piotr",
                            "Tomasz", "Omar",    "Yusuf",  "Lars", "Erik",  "Jan",        "Stefan",
                            "Dmitri", "Kenji",   "Wei",    "Noah"};
const std::array kFamilyNames{
    "Müller",   "Schmidt",  "Schneider", "Fischer",    "Weber",      "Meyer",    "Wagner",
    "Becker",   "Schulz",   "Hoffmann",  "Koch",       "Richter",    "Klein",    "Wolf",
    "Schröder", "Neumann",  "Schwarz",   "Zimmermann", "Braun",      "Krüger",   "Hofmann",
    "Hartmann", "Lange",    "Werner",    "Yılmaz",     "Kaya",       "Demir",    "Şahin",
    "Çelik",    "Smith",    "Jones",     "Taylor",     "Brown",      "Williams", "Wilson",
    "Johnson",  "Martin",   "Bernard",   "Dubois",     "Lefèvre",    "García",   "Fernández",
    "López",    "Martínez", "Nowak",     "Kowalski",   "Wiśniewski", "Rossi",    "Russo",
    "Bianchi",  "Novák",    "Horváth",   "Nagy",       "Jensen",     "Nielsen",  "Hansen",
    "Ivanova",  "Petrov",   "Tanaka",    "Suzuki",     "Nguyen",     "Tran",     "Haddad",
    "Nasser",   "O'Brien",  "Murphy",    "Kelly",      "van Dijk",   "de Vries", "Bakker",
    "Janssen",  "Peeters",  "Vogel",     "Frank",      "Berger",     "Kaiser",   "Fuchs",
    "Scholz",   "Möller",   "Keller"};
const std::array kStreets{"Hauptstraße",    "Bahnhofstraße", "Gartenweg",  "Lindenallee",
                          "Schillerstraße", "Goethestraße",  "Bergstraße", "Kirchplatz",
                          "Rosenweg",       "Am Markt",      "Mühlenweg",  "Parkstraße",
                          "Waldstraße",     "Schulstraße",   "Ringstraße"};
const std::array kCities{"Berlin",  "Potsdam", "Hamburg", "Leipzig",
                         "Dresden", "München", "Köln",    "Frankfurt"};
const std::array kLanguages{"de", "de", "de", "de", "en", "tr", "pl", "ar", "fr", "es"};
const std::array kPractitionerColors{"#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
                                     "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"};
// Written in the language of the seeding (tr() at the insert); the English source decides who is
// a nurse.
const std::array kSpecialties{QT_TRANSLATE_NOOP("DemoSeeder", "General practice"),
                              QT_TRANSLATE_NOOP("DemoSeeder", "General practice"),
                              QT_TRANSLATE_NOOP("DemoSeeder", "Internal medicine"),
                              QT_TRANSLATE_NOOP("DemoSeeder", "Paediatrics"),
                              QT_TRANSLATE_NOOP("DemoSeeder", "Dermatology"),
                              QT_TRANSLATE_NOOP("DemoSeeder", "Gynaecology"),
                              QT_TRANSLATE_NOOP("DemoSeeder", "Physiotherapy"),
                              QT_TRANSLATE_NOOP("DemoSeeder", "Nursing")};

struct AppointmentType
{
    const char *name;
    int slotCount;
    const char *reason;
};
// The reason is written in the language of the seeding; DemoRecordSeeder writes each visit's
// note by it.
const std::array kTypes{
    AppointmentType{"consultation", 1, QT_TRANSLATE_NOOP("DemoSeeder", "Consultation")},
    AppointmentType{"consultation", 1, QT_TRANSLATE_NOOP("DemoSeeder", "Persistent cough")},
    AppointmentType{"follow-up", 1, QT_TRANSLATE_NOOP("DemoSeeder", "Follow-up on lab results")},
    AppointmentType{"follow-up", 1, QT_TRANSLATE_NOOP("DemoSeeder", "Blood pressure review")},
    AppointmentType{"check-up", 2, QT_TRANSLATE_NOOP("DemoSeeder", "Annual check-up")},
    AppointmentType{"vaccination", 1, QT_TRANSLATE_NOOP("DemoSeeder", "Influenza vaccination")},
    AppointmentType{"procedure", 3, QT_TRANSLATE_NOOP("DemoSeeder", "Minor procedure")},
    AppointmentType{"consultation", 2, QT_TRANSLATE_NOOP("DemoSeeder", "Back pain")}};

// Monday to Friday 08:00-12:00 and 13:00-17:00 (lunch break), Saturday mornings
// 09:00-12:00; minutes after midnight.
QList<std::pair<int, int>> workingBlocks(int weekday)
{
    return weekday == 6 ? QList<std::pair<int, int>>{{9 * 60, 12 * 60}}
                        : QList<std::pair<int, int>>{{8 * 60, 12 * 60}, {13 * 60, 17 * 60}};
}

} // namespace

// What one seeding carries from stage to stage. The stages draw from the two
// random streams in a fixed order: the same seed gives the same clinic only
// while that order stays.
struct DemoSeeder::Run
{
    struct Staff
    {
        QString id;
        int slotMinutes;
        QString room;
        bool saturday;
    };

    Run(const Options &o, const std::function<void(qint64, qint64)> &p, QSqlDatabase c)
        : options(o), progress(p), conn(c), rng(o.seed), extra(o.seed ^ 0x6b70692d64656d6fULL),
          reminders(c), replies(c)
    {}

    const Options &options;
    const std::function<void(qint64, qint64)> &progress;
    QSqlDatabase conn;
    Random rng;
    // Draws for the dashboard's demo figures (late cancellations, older
    // reminders, replies, recalls) come from their own stream, so the rest of the
    // clinic stays as it was seeded.
    Random extra;
    QTimeZone zone;
    QDate today;
    qint64 now = 0;
    qint64 total = 0;
    QString demo = SyncState::demo();
    QString error;
    Summary summary;
    std::vector<QString> rooms;
    std::vector<Staff> staff;
    std::vector<QString> patients;
    // Each patient's latest visit that still counts, for recalls that became care
    // gaps.
    std::vector<qint64> latestVisit;
    QSqlQuery reminders;
    QSqlQuery replies;
};

Result<DemoSeeder::Summary> DemoSeeder::seed(const Options &options,
                                             const std::function<void(qint64, qint64)> &progress)
{
    if (options.patients < 1 || options.appointments < 0)
        return fail(tr("Seeding needs at least one patient and no negative number "
                       "of appointments."));
    const QTimeZone zone(options.timeZone.toUtf8());
    if (!zone.isValid())
        return fail(tr("Unknown time zone \"%1\".").arg(options.timeZone));

    Run run(options, progress, m_db.connection());
    run.zone = zone;
    run.today =
        options.today.isValid() ? options.today : m_db.clock().nowUtc().toTimeZone(zone).date();
    run.now = m_db.clock().nowMs();
    run.total = qint64(options.patients) + options.appointments;

    const Status written = m_db.write([&]() -> Status {
        for (Status (DemoSeeder::*stage)(Run &) :
             {&DemoSeeder::nameAppointmentTypes, &DemoSeeder::addRooms,
              &DemoSeeder::addPractitioners, &DemoSeeder::addPatients, &DemoSeeder::addAppointments,
              &DemoSeeder::addRecalls, &DemoSeeder::addPatientRecords, &DemoSeeder::addInbox,
              &DemoSeeder::addSurveys, &DemoSeeder::addWorklistTasks,
              &DemoSeeder::addMessageTemplates, &DemoSeeder::auditSeeding}) {
            if (auto s = (this->*stage)(run); !s)
                return s;
        }
        return {};
    });
    if (!written)
        return fail(tr("Seeding failed; nothing was added: %1").arg(written.error()));
    // Fill the patient search index now rather than on the first search
    // (migration 004).
    if (auto indexed = PatientSearch(m_db).refreshIndex(); !indexed)
        return fail(indexed.error());
    if (progress)
        progress(run.total, run.total);
    return run.summary;
}

// The built-in appointment types come from migration 003 with English names; a demo clinic
// seeded in another language shows them in it (Sprechstunde, Kontrolle, ...). A name an
// administrator changed stays.
Status DemoSeeder::nameAppointmentTypes(Run &run)
{
    static const std::array builtIn{
        std::pair{"consultation", "Consultation"}, std::pair{"follow-up", "Follow-up"},
        std::pair{"check-up", "Check-up"}, std::pair{"vaccination", "Vaccination"},
        std::pair{"procedure", "Procedure"}};
    QSqlQuery q(run.conn);
    q.prepare(QStringLiteral("UPDATE appointment_types SET name = ?, updated_at = ? "
                             "WHERE code = ? AND name = ? AND deleted = 0"));
    for (const auto &[code, english] : builtIn) {
        const QString name = AppointmentLabels::type(lit(code));
        if (name == lit(english))
            continue;
        if (!demo::run(q, {name, run.now, lit(code), lit(english)}, run.error))
            return fail(run.error);
    }
    return {};
}

// Rooms and practitioners scale with the patient list, like a real group
// practice.
Status DemoSeeder::addRooms(Run &run)
{
    const int roomCount = std::clamp(run.options.patients / 300, 4, 30) / 2 + 2;
    QSqlQuery q(run.conn);
    q.prepare(QStringLiteral("INSERT INTO locations (id, name, kind, description, created_at, "
                             "updated_at, sync_state) VALUES (?, ?, 'room', ?, ?, ?, ?)"));
    for (int i = 1; i <= roomCount; ++i) {
        run.rooms.push_back(run.rng.uuid());
        if (!demo::run(q,
                       {run.rooms.back(), tr("Room %1").arg(i),
                        i <= 2 ? tr("Treatment room") : tr("Consulting room"), run.now, run.now,
                        run.demo},
                       run.error))
            return fail(run.error);
    }
    run.summary.locations = roomCount;
    return {};
}

Status DemoSeeder::addPractitioners(Run &run)
{
    Random &rng = run.rng;
    const int practitionerCount = std::clamp(run.options.patients / 300, 4, 30);
    QSqlQuery q(run.conn);
    q.prepare(
        QStringLiteral("INSERT INTO practitioners (id, family_name, given_name, prefix, "
                       "specialty, "
                       "phone, email, slot_minutes, color, created_at, updated_at, sync_state) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    QSqlQuery wh(run.conn);
    wh.prepare(QStringLiteral("INSERT INTO working_hours (id, practitioner_id, weekday, "
                              "start_minute, end_minute, location_id, created_at, updated_at, "
                              "sync_state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    for (int i = 0; i < practitionerCount; ++i) {
        const bool female = rng.chance(55);
        const QString given = lit(female ? rng.pick(kFemaleNames) : rng.pick(kMaleNames));
        const QString family = lit(rng.pick(kFamilyNames));
        const char *specialty = kSpecialties[size_t(i) % kSpecialties.size()];
        const bool nurse =
            qstrcmp(specialty, "Nursing") == 0 || qstrcmp(specialty, "Physiotherapy") == 0;
        Run::Staff s{rng.uuid(), rng.chance(70) ? 15 : 20, run.rooms[size_t(i) % run.rooms.size()],
                     rng.chance(25)};
        if (!demo::run(q,
                       {s.id, family, given, nurse ? QString() : tr("Dr."), tr(specialty),
                        QStringLiteral("+49 30 %1").arg(5550100 + i),
                        QStringLiteral("practitioner%1@clinic.example").arg(i + 1), s.slotMinutes,
                        lit(kPractitionerColors[size_t(i) % kPractitionerColors.size()]), run.now,
                        run.now, run.demo},
                       run.error))
            return fail(run.error);
        for (int day = 1; day <= 6; ++day) {
            if (day == 6 && !s.saturday)
                continue;
            for (const auto &[from, to] : workingBlocks(day)) {
                if (!demo::run(
                        wh, {rng.uuid(), s.id, day, from, to, s.room, run.now, run.now, run.demo},
                        run.error))
                    return fail(run.error);
                ++run.summary.workingHours;
            }
        }
        run.staff.push_back(s);
    }
    run.summary.practitioners = practitionerCount;
    return {};
}

Status DemoSeeder::addPatients(Run &run)
{
    Random &rng = run.rng;
    const int count = run.options.patients;
    run.patients.reserve(size_t(count));
    QSqlQuery q(run.conn);
    q.prepare(QStringLiteral("INSERT INTO patients (id, mrn, given_name, family_name, birth_date, "
                             "sex, "
                             "phone_mobile, phone_home, email, address_line, city, postal_code, "
                             "country, "
                             "preferred_language, preferred_channel, created_at, updated_at, "
                             "sync_state) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    for (int i = 0; i < count; ++i) {
        const bool female = rng.chance(52);
        const QString given = lit(female ? rng.pick(kFemaleNames) : rng.pick(kMaleNames));
        const QString family = lit(rng.pick(kFamilyNames));
        const QDate birth = run.today.addDays(-(rng.below(90 * 365) + 30));
        const int channel = rng.below(10);
        // Mail addresses in ASCII, as most mail systems still need: Müller ->
        // muller.
        QString emailName;
        for (const QChar c : (given + QLatin1Char('.') + family)
                                 .toLower()
                                 .normalized(QString::NormalizationForm_KD)) {
            if (c.unicode() < 0x80 && (c.isLetterOrNumber() || c == QLatin1Char('.')))
                emailName += c;
        }
        run.patients.push_back(rng.uuid());
        if (!demo::run(
                q,
                {run.patients.back(),
                 QStringLiteral("MRN%1").arg(100000 + i, 7, 10, QLatin1Char('0')), given, family,
                 birth.toString(Qt::ISODate),
                 female ? QStringLiteral("female") : QStringLiteral("male"),
                 QStringLiteral("+49 1%1 %2")
                     .arg(51 + rng.below(29))
                     .arg(1000000 + rng.below(8999999)),
                 rng.chance(30) ? QStringLiteral("+49 30 %1").arg(2000000 + rng.below(7999999))
                                : QString(),
                 rng.chance(70) ? emailName + QStringLiteral("@mail.example") : QString(),
                 QStringLiteral("%1 %2").arg(lit(rng.pick(kStreets))).arg(1 + rng.below(120)),
                 lit(rng.pick(kCities)), QStringLiteral("%1").arg(10000 + rng.below(89999)),
                 QStringLiteral("DE"), lit(rng.pick(kLanguages)),
                 channel < 6   ? QStringLiteral("sms")
                 : channel < 9 ? QStringLiteral("email")
                               : QStringLiteral("phone"),
                 run.now, run.now, run.demo},
                run.error))
            return fail(run.error);
        if (run.progress && i % 20000 == 0)
            run.progress(i, run.total);
    }
    run.summary.patients = count;
    return {};
}

// Appointments fill ~75% of the working slots, day by day backwards from four
// weeks after today, until the requested number is reached: the demo always has
// a future.
Status DemoSeeder::addAppointments(Run &run)
{
    Random &rng = run.rng;
    Random &extra = run.extra;
    const Options &options = run.options;
    const int futureDays = 28;
    QDate day = run.today.addDays(futureDays);
    const QDateTime nowLocal = m_db.clock().nowUtc().toTimeZone(run.zone);
    QSqlQuery appt(run.conn);
    appt.prepare(
        QStringLiteral("INSERT INTO appointments (id, patient_id, practitioner_id, location_id, "
                       "start_at, end_at, type, status, reason, notes, created_at, updated_at, "
                       "sync_state) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    run.reminders.prepare(
        QStringLiteral("INSERT INTO messages (id, patient_id, appointment_id, direction, "
                       "channel, purpose, "
                       "subject, body, status, sent_at, created_at, updated_at, sync_state, "
                       "failure_reason) "
                       "VALUES (?, ?, ?, 'outbound', ?, 'reminder', ?, ?, ?, ?, ?, ?, ?, ?)"));
    run.replies.prepare(
        QStringLiteral("INSERT INTO messages (id, patient_id, appointment_id, direction, "
                       "channel, purpose, "
                       "subject, body, status, sent_at, created_at, updated_at, sync_state, "
                       "read_at) "
                       "VALUES (?, ?, ?, 'inbound', 'sms', 'reminder', ?, ?, 'received', ?, ?, "
                       "?, ?, ?)"));
    int made = 0;
    run.latestVisit.assign(size_t(options.patients), 0);
    // What each patient is booked for on the day being filled, so that nobody is booked twice
    // at once (the booking rule the server enforces too: ConflictDetector).
    struct Busy
    {
        QDate day;
        std::vector<std::pair<qint64, qint64>> spans;
        bool overlaps(const QDate &on, qint64 from, qint64 to) const
        {
            return day == on && std::any_of(spans.cbegin(), spans.cend(), [&](const auto &span) {
                       return span.first < to && from < span.second;
                   });
        }
        void book(const QDate &on, qint64 from, qint64 to)
        {
            if (day != on) {
                day = on;
                spans.clear();
            }
            spans.emplace_back(from, to);
        }
    };
    std::vector<Busy> busy(size_t(options.patients));
    // And each room: practitioners share rooms, and their hours may overlap.
    QHash<QString, Busy> roomBusy;
    while (made < options.appointments) {
        const int weekday = day.dayOfWeek();
        for (const Run::Staff &s : run.staff) {
            if (made >= options.appointments)
                break;
            if (weekday == 7 || (weekday == 6 && !s.saturday))
                continue;
            for (const auto &[from, to] : workingBlocks(weekday)) {
                int minute = from;
                while (minute < to && made < options.appointments) {
                    const AppointmentType &type = rng.pick(kTypes);
                    const int length = type.slotCount * s.slotMinutes;
                    if (minute + length > to)
                        break;
                    if (!rng.chance(75)) {
                        minute += s.slotMinutes;
                        continue;
                    }
                    const QDateTime start(day, QTime(minute / 60, minute % 60), run.zone);
                    const QDateTime end = start.addSecs(qint64(length) * 60);
                    // Frequent visitors: a third of the visits go to a tenth of the
                    // patients.
                    int who = rng.chance(33) ? rng.below(std::max(1, options.patients / 10))
                                             : rng.below(options.patients);
                    AppointmentStatus status = AppointmentStatus::Booked;
                    QString notes;
                    const int roll = rng.below(100);
                    if (end <= nowLocal) {
                        status = roll < 7    ? AppointmentStatus::NoShow
                                 : roll < 16 ? AppointmentStatus::Cancelled
                                             : AppointmentStatus::Completed;
                        if (status == AppointmentStatus::Cancelled)
                            notes = rng.chance(60) ? tr("Cancelled by patient")
                                                   : tr("Cancelled by clinic");
                    } else if (start <= nowLocal) {
                        status = roll < 50 ? AppointmentStatus::InRoom : AppointmentStatus::Arrived;
                    } else if (start.date() == nowLocal.date()) {
                        status = roll < 30   ? AppointmentStatus::Arrived
                                 : roll < 70 ? AppointmentStatus::Confirmed
                                             : AppointmentStatus::Booked;
                        if (start > nowLocal.addSecs(3600) && status == AppointmentStatus::Arrived)
                            status = AppointmentStatus::Confirmed;
                    } else {
                        status = roll < 8    ? AppointmentStatus::Cancelled
                                 : roll < 40 ? AppointmentStatus::Confirmed
                                             : AppointmentStatus::Booked;
                    }
                    const QString id = rng.uuid();
                    const qint64 startMs = start.toMSecsSinceEpoch();
                    // A patient already booked then gets the next patient who is free; no
                    // random number is drawn for it, so the rest of the clinic stays as seeded.
                    if (ConflictDetector::blocksTime(status)) {
                        const qint64 endMs = end.toMSecsSinceEpoch();
                        for (int tries = 0; tries < options.patients &&
                                            busy[size_t(who)].overlaps(day, startMs, endMs);
                             ++tries)
                            who = (who + 1) % options.patients;
                        busy[size_t(who)].book(day, startMs, endMs);
                    }
                    // A room taken then by another practitioner's visit: another free room,
                    // else none.
                    QString room = s.room;
                    if (ConflictDetector::blocksTime(status) && !room.isEmpty()) {
                        const qint64 endMs = end.toMSecsSinceEpoch();
                        const auto freeThen = [&](const QString &r) {
                            return !roomBusy.value(r).overlaps(day, startMs, endMs);
                        };
                        if (!freeThen(room)) {
                            const auto other =
                                std::find_if(run.rooms.cbegin(), run.rooms.cend(), freeThen);
                            room = other == run.rooms.cend() ? QString() : *other;
                        }
                        if (!room.isEmpty())
                            roomBusy[room].book(day, startMs, endMs);
                    }
                    const qint64 createdMs = startMs - qint64(1 + rng.below(40)) * 24 * 3600 * 1000;
                    // A cancellation was the last change: a third of them came late, less
                    // than a day before the visit.
                    qint64 updatedMs = createdMs;
                    if (status == AppointmentStatus::Cancelled)
                        updatedMs = extra.chance(35)
                                        ? startMs - qint64(1 + extra.below(23 * 60)) * 60 * 1000
                                        : createdMs + (startMs - createdMs) / (2 + extra.below(4));
                    const QString &patient = run.patients[size_t(who)];
                    if (!demo::run(appt,
                                   {id, patient, s.id, room.isEmpty() ? QVariant() : QVariant(room),
                                    startMs, end.toMSecsSinceEpoch(), lit(type.name),
                                    appointmentStatusName(status), tr(type.reason), notes,
                                    createdMs, std::min(updatedMs, run.now), run.demo},
                                   run.error))
                        return fail(run.error);
                    ++made;
                    if (status != AppointmentStatus::Cancelled &&
                        status != AppointmentStatus::NoShow)
                        run.latestVisit[size_t(who)] =
                            std::max(run.latestVisit[size_t(who)], startMs);
                    // Reminders 48 h before, for the visits around today.
                    const qint64 remindAt = startMs - qint64(48) * 3600 * 1000;
                    if (remindAt <= nowLocal.toMSecsSinceEpoch() &&
                        start >= nowLocal.addDays(-21)) {
                        if (auto r = addReminder(run, rng, true, patient, id, start, remindAt); !r)
                            return r;
                    } else if (remindAt <= nowLocal.toMSecsSinceEpoch() &&
                               start >= nowLocal.addDays(-120)) {
                        // Older reminders, so earlier periods have reminder figures too;
                        // drawn from the second stream so the visits stay as they were.
                        if (auto r = addReminder(run, extra, false, patient, id, start, remindAt);
                            !r)
                            return r;
                    }
                    minute += length;
                    if (run.progress && made % 50000 == 0)
                        run.progress(options.patients + made, run.total);
                }
            }
        }
        day = day.addDays(-1);
    }
    run.summary.appointments = made;
    return {};
}

// One reminder 48 h before a visit: by SMS, or by e-mail for some when
// mayEmail.
Status DemoSeeder::addReminder(Run &run, demo::Random &g, bool mayEmail, const QString &patient,
                               const QString &appointment, const QDateTime &start, qint64 remindAt)
{
    const int r = g.below(100);
    const QString status = r < 80   ? QStringLiteral("delivered")
                           : r < 94 ? QStringLiteral("sent")
                                    : QStringLiteral("failed");
    const bool sms = !mayEmail || g.chance(70);
    const QString when = run.options.locale.toString(
        start, tr("dddd d MMMM, HH:mm", "date and time of a reminder (QLocale::toString format)"));
    // What the SMS gateway or the mail server answered, as frontdesk-server records it.
    const QString failure =
        status != QLatin1String("failed") ? QString()
        : sms                             ? tr("The SMS was not delivered: %1")
                    .arg(QStringLiteral("NACK/0x0000000B/Invalid Destination Address"))
              : tr("The mail server refused the message: %1")
                    .arg(QStringLiteral("550 5.1.1 Recipient address rejected: User unknown"));
    if (!demo::run(run.reminders,
                   {g.uuid(), patient, appointment,
                    sms ? QStringLiteral("sms") : QStringLiteral("email"),
                    sms ? QString() : tr("Your appointment on %1").arg(when),
                    // The words frontdesk-server acts on (ReplyWords); R is for a person.
                    tr("Reminder: your appointment is on %1. Reply C to confirm, CANCEL to "
                       "cancel or R to reschedule.")
                        .arg(when),
                    status, remindAt, remindAt, remindAt, run.demo, failure},
                   run.error))
        return fail(run.error);
    ++run.summary.messages;
    if (status == QLatin1String("delivered"))
        return addReply(run, patient, appointment, remindAt);
    return {};
}

// Some patients answer a delivered reminder: most confirm, a few ask to
// reschedule.
Status DemoSeeder::addReply(Run &run, const QString &patient, const QString &appointment,
                            qint64 remindAt)
{
    Random &extra = run.extra;
    if (!extra.chance(50))
        return {};
    const qint64 at = remindAt + qint64(5 + extra.below(20 * 60)) * 60 * 1000;
    if (at > run.now)
        return {};
    // The front desk has read the replies of the days before; those of the last day wait.
    const qint64 day = 24 * 3600 * 1000;
    const QVariant readAt = at < run.now - day ? QVariant(at + 15 * 60 * 1000) : QVariant();
    if (!demo::run(run.replies,
                   {extra.uuid(), patient, appointment, tr("Re: Reminder"),
                    extra.chance(85) ? QStringLiteral("C") : QStringLiteral("R"), at, at, at,
                    run.demo, readAt},
                   run.error))
        return fail(run.error);
    ++run.summary.messages;
    return {};
}

// The follow-up survey (issue 18): a day after a third of the last five weeks' completed visits,
// frontdesk-server's follow-up asked the 1-5 question by SMS, and most patients answered (the
// answer and its reply both synced, as the server makes them). Drawn from a stream of its own,
// so the rest of the clinic stays as seeded.
Status DemoSeeder::addSurveys(Run &run)
{
    Random g(run.options.seed ^ 0x73757276657921ULL);
    const qint64 day = 24 * 3600 * 1000;
    QSqlQuery visits(run.conn);
    visits.prepare(QStringLiteral("SELECT id, patient_id, end_at FROM appointments WHERE status = "
                                  "'completed' AND start_at >= ? AND end_at <= ? ORDER BY "
                                  "start_at, id"));
    if (!demo::run(visits, {run.now - 35 * day, run.now - day}, run.error))
        return fail(run.error);
    struct Visit
    {
        QString id;
        QString patient;
        qint64 end = 0;
    };
    std::vector<Visit> completed;
    while (visits.next())
        completed.push_back(
            {visits.value(0).toString(), visits.value(1).toString(), visits.value(2).toLongLong()});
    QSqlQuery message(run.conn);
    message.prepare(QStringLiteral(
        "INSERT INTO messages (id, patient_id, appointment_id, direction, channel, purpose, body, "
        "status, sent_at, author_name, rule_name, read_at, created_at, updated_at, sync_state) "
        "VALUES (?, ?, ?, ?, 'sms', 'survey', ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    QSqlQuery answer(run.conn);
    answer.prepare(QStringLiteral(
        "INSERT INTO survey_answers (id, patient_id, appointment_id, question_message_id, "
        "reply_message_id, question, score, answered_at, created_at, updated_at, sync_state) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    const QString question =
        tr("How was your visit? Reply with a number from 1 (poor) to 5 (very good).");
    const QString author = QStringLiteral("frontdesk-server");
    const QString rule = QStringLiteral("follow-up demo (1d after)");
    // Most visits go well; a few do not.
    const int scoreOf[20] = {5, 5, 5, 5, 5, 5, 5, 5, 5, 4, 4, 4, 4, 4, 4, 3, 3, 2, 2, 1};
    for (const Visit &v : completed) {
        if (!g.chance(35))
            continue;
        const qint64 sent = v.end + day;
        const QString surveyId = g.uuid();
        if (!demo::run(message,
                       {surveyId, v.patient, v.id, QStringLiteral("outbound"),
                        tr("Thank you for your visit.") + QLatin1Char('\n') + question,
                        QStringLiteral("delivered"), sent, author, rule, QVariant(), sent, sent,
                        run.demo},
                       run.error))
            return fail(run.error);
        ++run.summary.messages;
        if (!g.chance(60))
            continue;
        const qint64 at = sent + qint64(3 + g.below(6 * 60)) * 60 * 1000;
        if (at > run.now)
            continue;
        const int score = scoreOf[g.below(20)];
        const QString replyId = g.uuid();
        if (!demo::run(message,
                       {replyId, v.patient, v.id, QStringLiteral("inbound"), QString::number(score),
                        QStringLiteral("handled"), at, QString(), QString(), at + 15 * 60 * 1000,
                        at, at, run.demo},
                       run.error))
            return fail(run.error);
        ++run.summary.messages;
        if (!demo::run(answer,
                       {g.uuid(), v.patient, v.id, surveyId, replyId, question, score, at, at, at,
                        run.demo},
                       run.error))
            return fail(run.error);
    }
    return {};
}

// The unassigned inbox: an SMS from a number two patients share and one from a number no
// patient has, both unread. Their ids are derived, not drawn, so the rest of the clinic stays as
// seeded.
Status DemoSeeder::addInbox(Run &run)
{
    QSqlQuery q(run.conn);
    q.prepare(QStringLiteral(
        "INSERT INTO messages (id, patient_id, direction, channel, purpose, body, status, "
        "delivered_at, from_address, candidate_patient_ids, created_at, updated_at, sync_state) "
        "VALUES (?, NULL, 'inbound', 'sms', 'administrative', ?, 'received', ?, ?, ?, ?, ?, ?)"));
    const QUuid space(QStringLiteral("{6f1b7c8e-2d4a-4b8e-9a51-3c0e7d2f9b10}"));
    const auto id = [&](const char *name) {
        return QUuid::createUuidV5(space, QString::number(run.options.seed) + QLatin1String(name))
            .toString(QUuid::WithoutBraces);
    };
    const QString shared =
        run.patients.size() > 1 ? run.patients[0] + QLatin1Char(',') + run.patients[1] : QString();
    const qint64 minute = 60 * 1000;
    const struct
    {
        QString id;
        QString text;
        QString from;
        QString candidates;
        qint64 at;
    } inbox[] = {
        {id("inbox-shared"), tr("Hello, could my appointment on Friday be moved to the afternoon?"),
         QStringLiteral("+49 170 5550142"), shared, run.now - 40 * minute},
        {id("inbox-unknown"), tr("Please call me back about my test results."),
         QStringLiteral("+49 151 5550177"), QString(), run.now - 190 * minute},
    };
    // The two patients with that number: a family's shared mobile.
    QSqlQuery phone(run.conn);
    phone.prepare(QStringLiteral("UPDATE patients SET phone_mobile = ? WHERE id = ?"));
    for (size_t i = 0; i < std::min<size_t>(2, run.patients.size()); ++i) {
        if (!demo::run(phone, {inbox[0].from, run.patients[i]}, run.error))
            return fail(run.error);
    }
    for (const auto &m : inbox) {
        if (!demo::run(q, {m.id, m.text, m.at, m.from, m.candidates, m.at, m.at, run.demo},
                       run.error))
            return fail(run.error);
        ++run.summary.messages;
    }
    return {};
}

// Recalls: about one patient in eight is due back for something, from half a
// year ago to three months ahead; most past ones were dealt with.
Status DemoSeeder::addRecalls(Run &run)
{
    static const std::array reasons{QT_TRANSLATE_NOOP("DemoSeeder", "Annual check-up"),
                                    QT_TRANSLATE_NOOP("DemoSeeder", "Blood pressure review"),
                                    QT_TRANSLATE_NOOP("DemoSeeder", "Vaccination booster"),
                                    QT_TRANSLATE_NOOP("DemoSeeder", "Diabetes review"),
                                    QT_TRANSLATE_NOOP("DemoSeeder", "Follow-up after treatment")};
    Random &extra = run.extra;
    const int patients = run.options.patients;
    QSqlQuery q(run.conn);
    q.prepare(QStringLiteral("INSERT INTO recalls (id, patient_id, "
                             "practitioner_id, reason, due_on, status, "
                             "created_at, updated_at, sync_state) VALUES (?, ?, "
                             "?, ?, ?, ?, ?, ?, ?)"));
    const int count = std::max(1, patients / 8);
    for (int i = 0; i < count; ++i) {
        QDate due = run.today.addDays(extra.below(270) - 180);
        int patient = extra.below(patients);
        // One in five is a care gap: overdue, and the patient has not been back
        // since.
        const bool gap = extra.chance(20);
        if (gap) {
            due = run.today.addDays(-1 - extra.below(150));
            const qint64 dueMs = QDateTime(due, QTime(0, 0), run.zone).toMSecsSinceEpoch();
            for (int tries = 0; tries < 50 && run.latestVisit[size_t(patient)] >= dueMs; ++tries)
                patient = extra.below(patients);
        }
        const int roll = extra.below(100);
        const QString status = gap || due >= run.today ? QStringLiteral("open")
                               : roll < 45             ? QStringLiteral("done")
                               : roll < 50             ? QStringLiteral("cancelled")
                                                       : QStringLiteral("open");
        const QVariant practitioner =
            extra.chance(60) ? QVariant(run.staff[size_t(extra.below(int(run.staff.size())))].id)
                             : QVariant();
        if (!demo::run(q,
                       {extra.uuid(), run.patients[size_t(patient)], practitioner,
                        tr(extra.pick(reasons)), due.toString(Qt::ISODate), status, run.now,
                        run.now, run.demo},
                       run.error))
            return fail(run.error);
    }
    run.summary.recalls = count;
    return {};
}

// The front desk's worklist as a working day finds it: calls instead of SMS reminders for the
// patients who want a phone call (as frontdesk-server makes them 48 h before), overdue recalls
// already contacted by a call or a letter (as recall outreach leaves them, the letter for
// patients who asked for recalls by post), and a time freed by a cancellation offered to the
// waitlist. The rows are picked by ordered queries of the seeded clinic and the few draws come
// from a stream of their own, so everything seeded before stays as it was.
Status DemoSeeder::addWorklistTasks(Run &run)
{
    static const std::array waitlistNotes{QT_TRANSLATE_NOOP("DemoSeeder", "Mornings only"),
                                          QT_TRANSLATE_NOOP("DemoSeeder", "Can come at short "
                                                                          "notice")};
    Random g(run.options.seed ^ 0x776f726b6c697374ULL);
    constexpr qint64 dayMs = qint64(24) * 3600 * 1000;
    const qint64 startOfToday = QDateTime(run.today, QTime(0, 0), run.zone).toMSecsSinceEpoch();
    const qint64 inThreeDays =
        QDateTime(run.today.addDays(3), QTime(0, 0), run.zone).toMSecsSinceEpoch();
    const auto when = [&](qint64 ms) {
        return run.options.locale.toString(QDateTime::fromMSecsSinceEpoch(ms, run.zone),
                                           QStringLiteral("ddd yyyy-MM-dd HH:mm"));
    };
    QSqlQuery task(run.conn);
    task.prepare(QStringLiteral("INSERT INTO recalls (id, patient_id, practitioner_id, reason, "
                                "due_on, status, kind, created_at, updated_at, sync_state) "
                                "VALUES (?, ?, ?, ?, ?, 'open', ?, ?, ?, ?)"));
    int made = 0;
    const auto addTask = [&](const QString &id, const QVariant &patient,
                             const QVariant &practitioner, const QString &reason, QDate due,
                             const QString &kind) {
        const qint64 at =
            std::min(run.now, QDateTime(due, QTime(7, 30), run.zone).toMSecsSinceEpoch());
        ++made;
        return demo::run(
            task,
            {id, patient, practitioner, reason, due.toString(Qt::ISODate), kind, at, at, run.demo},
            run.error);
    };

    // Reminders by phone: the visits of the next two days of patients who want a call.
    QSqlQuery calls(run.conn);
    calls.prepare(QStringLiteral(
        "SELECT a.patient_id, a.practitioner_id, a.start_at FROM appointments a JOIN patients p "
        "ON p.id = a.patient_id WHERE p.preferred_channel = 'phone' AND a.status IN ('booked', "
        "'confirmed') AND a.start_at >= ? AND a.start_at < ? ORDER BY a.start_at, a.id LIMIT 4"));
    calls.addBindValue(startOfToday + dayMs);
    calls.addBindValue(inThreeDays);
    if (!calls.exec())
        return fail(describeSqlError(calls.lastError()));
    struct Call
    {
        QVariant patient, practitioner;
        qint64 start;
    };
    std::vector<Call> due;
    while (calls.next())
        due.push_back({calls.value(0), calls.value(1), calls.value(2).toLongLong()});
    for (const Call &c : due) {
        const QDate remindOn = QDateTime::fromMSecsSinceEpoch(c.start - 2 * dayMs, run.zone).date();
        if (!addTask(g.uuid(), c.patient, c.practitioner,
                     tr("Call to remind of the appointment on %1 (the patient prefers a call).")
                         .arg(when(c.start)),
                     std::min(remindOn, run.today), QStringLiteral("call")))
            return fail(run.error);
    }

    // Overdue recalls contacted in the last days: by a call for the patients who want one, by
    // a letter for two without an e-mail address who asked for recalls by post.
    QSqlQuery overdue(run.conn);
    overdue.prepare(QStringLiteral(
        "SELECT r.id, r.patient_id, r.practitioner_id, r.reason, p.preferred_channel, p.email "
        "FROM recalls r JOIN patients p ON p.id = r.patient_id WHERE r.kind = 'recall' AND "
        "r.status = 'open' AND r.due_on < ? AND r.contacted_at IS NULL ORDER BY r.due_on, r.id"));
    overdue.addBindValue(run.today.toString(Qt::ISODate));
    if (!overdue.exec())
        return fail(describeSqlError(overdue.lastError()));
    struct Contact
    {
        QString recall, patient;
        QVariant practitioner;
        QString reason;
        bool call;
    };
    std::vector<Contact> contacts;
    int calling = 0;
    int writing = 0;
    while (overdue.next()) {
        const QString channel = overdue.value(4).toString();
        const bool call = channel == QLatin1String("phone") && calling < 2;
        const bool letter =
            channel == QLatin1String("sms") && overdue.value(5).toString().isEmpty() && writing < 2;
        if (!call && !letter)
            continue;
        (call ? calling : writing)++;
        contacts.push_back({overdue.value(0).toString(), overdue.value(1).toString(),
                            // No practitioner: NULL, as the recall has it.
                            overdue.value(2).isNull() ? QVariant() : overdue.value(2),
                            overdue.value(3).toString(), call});
    }
    QSqlQuery contacted(run.conn);
    contacted.prepare(QStringLiteral("UPDATE recalls SET contacted_at = ?, contact_channel = ?, "
                                     "contact_ref = ?, updated_at = ? WHERE id = ?"));
    QSqlQuery byPost(run.conn);
    byPost.prepare(QStringLiteral("INSERT INTO communication_preferences (id, patient_id, "
                                  "purpose, channel, created_at, updated_at, sync_state) VALUES "
                                  "(?, ?, 'recall', 'letter', ?, ?, ?)"));
    for (const Contact &c : contacts) {
        const QDate on = run.today.addDays(-g.below(3));
        const qint64 at =
            std::min(run.now, QDateTime(on, QTime(9, 0), run.zone).toMSecsSinceEpoch() +
                                  qint64(g.below(120)) * 60 * 1000);
        const QString id = g.uuid();
        const QString reason =
            c.call ? QCoreApplication::translate("RecallOutreach", "Call about the recall: %1")
                         .arg(c.reason)
                   : QCoreApplication::translate("RecallOutreach",
                                                 "Send a letter about the recall: %1")
                         .arg(c.reason);
        if (!c.call &&
            !demo::run(byPost, {g.uuid(), c.patient, run.now, run.now, run.demo}, run.error))
            return fail(run.error);
        if (!addTask(id, c.patient, c.practitioner, reason, on,
                     c.call ? QStringLiteral("call") : QStringLiteral("letter")) ||
            !demo::run(
                contacted,
                {at, c.call ? QStringLiteral("call") : QStringLiteral("letter"), id, at, c.recall},
                run.error))
            return fail(run.error);
    }

    // A time freed by a cancellation in the next days, offered to two waiting patients.
    QSqlQuery freed(run.conn);
    freed.prepare(QStringLiteral(
        "SELECT a.patient_id, a.practitioner_id, a.start_at, a.end_at, a.type, pr.prefix, "
        "pr.given_name, pr.family_name FROM appointments a JOIN practitioners pr ON pr.id = "
        "a.practitioner_id WHERE a.status = 'cancelled' AND a.start_at >= ? AND a.start_at < ? "
        "ORDER BY a.start_at, a.id LIMIT 1"));
    freed.addBindValue(run.now);
    freed.addBindValue(inThreeDays);
    if (!freed.exec())
        return fail(describeSqlError(freed.lastError()));
    if (freed.next()) {
        const QString cancelledBy = freed.value(0).toString();
        const QVariant practitioner = freed.value(1);
        const qint64 start = freed.value(2).toLongLong();
        const int minutes = int((freed.value(3).toLongLong() - start) / 60000);
        Practitioner doctor;
        doctor.prefix = freed.value(5).toString();
        doctor.givenName = freed.value(6).toString();
        doctor.familyName = freed.value(7).toString();
        QSqlQuery waiting(run.conn);
        waiting.prepare(QStringLiteral(
            "INSERT INTO waitlist (id, patient_id, practitioner_id, type, minutes, note, "
            "created_at, updated_at, sync_state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        QStringList offered{cancelledBy};
        for (int i = 0; i < 2; ++i) {
            QString patient;
            do
                patient = run.patients[size_t(g.below(int(run.patients.size())))];
            while (offered.contains(patient) && offered.size() < int(run.patients.size()));
            if (offered.contains(patient))
                break;
            offered << patient;
            const qint64 since = run.now - qint64(3 + g.below(20)) * dayMs;
            if (!demo::run(waiting,
                           {g.uuid(), patient, practitioner, freed.value(4), minutes,
                            tr(waitlistNotes[size_t(i)]), since, since, run.demo},
                           run.error) ||
                !addTask(g.uuid(), patient, practitioner,
                         tr("Offer the freed time from the waitlist: %1, %2 min with %3 (another "
                            "patient cancelled).")
                             .arg(when(start))
                             .arg(minutes)
                             .arg(doctor.displayName()),
                         run.today, QStringLiteral("offer")))
                return fail(run.error);
        }
    }
    run.summary.tasks = made;
    return {};
}

Status DemoSeeder::addPatientRecords(Run &run)
{
    DemoRecordSeeder::Options records;
    records.seed = run.options.seed;
    records.today = run.today;
    records.zone = run.zone;
    records.nowMs = run.now;
    auto rows = DemoRecordSeeder(run.conn).seed(records);
    if (!rows)
        return fail(rows.error());
    run.summary.records = *rows;
    return {};
}

QList<MessageTemplate> DemoSeeder::messageTemplates()
{
    MessageTemplate reminder;
    reminder.name = tr("Appointment reminder (SMS)");
    reminder.purpose = QStringLiteral("reminder");
    reminder.channel = QStringLiteral("sms");
    reminder.body = tr("Hello {first_name}, this is a reminder of your appointment on "
                       "{appointment_date} at {appointment_time} with {practitioner}. Reply C to "
                       "confirm or CANCEL to cancel.",
                       "demo SMS template: keep the placeholders in braces; the reply words (C, "
                       "CANCEL) must be ones the server understands: C, J, STORNO, ANNULER, "
                       "CANCELAR");
    MessageTemplate followUp;
    followUp.name = tr("Follow-up after a visit");
    followUp.purpose = QStringLiteral("follow-up");
    followUp.channel = QStringLiteral("any");
    followUp.subject = tr("How are you, {first_name}?");
    followUp.body = tr("Dear {first_name} {family_name}, thank you for your visit with "
                       "{practitioner} on {appointment_date}. If your symptoms have not improved, "
                       "please call us to book a follow-up appointment.",
                       "demo template: keep the placeholders in braces");
    MessageTemplate recall;
    recall.name = tr("Recall: check-up due");
    recall.purpose = QStringLiteral("recall");
    recall.channel = QStringLiteral("any");
    recall.subject = tr("Time for your check-up");
    recall.body = tr("Dear {first_name} {family_name}, according to our records you are due for "
                     "a check-up. Please call us to book an appointment.",
                     "demo template: keep the placeholders in braces");
    return {reminder, followUp, recall};
}

// The templates' ids are derived from their position, so the same seed gives the same rows.
Status DemoSeeder::addMessageTemplates(Run &run)
{
    static const QUuid space(QStringLiteral("{3b0f6c1e-8f0a-4c55-9a59-2b8c9f1c6e11}"));
    QSqlQuery q(run.conn);
    q.prepare(QStringLiteral("INSERT INTO message_templates (id, name, purpose, channel, subject, "
                             "body, active, created_at, updated_at, sync_state) "
                             "VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?)"));
    int i = 0;
    for (const MessageTemplate &t : messageTemplates()) {
        const QString id =
            QUuid::createUuidV5(space, QString::number(i++)).toString(QUuid::WithoutBraces);
        if (!demo::run(
                q,
                {id, t.name, t.purpose, t.channel, t.subject, t.body, run.now, run.now, run.demo},
                run.error))
            return fail(run.error);
    }
    return {};
}

// One audit entry records the seeding itself; the seeded rows are demo data and
// carry none.
Status DemoSeeder::auditSeeding(Run &run)
{
    const Summary &summary = run.summary;
    AuditEntry entry;
    entry.action = QStringLiteral("seed");
    entry.entityType = QStringLiteral("Database");
    entry.detail = QJsonObject{{QStringLiteral("patients"), summary.patients},
                               {QStringLiteral("practitioners"), summary.practitioners},
                               {QStringLiteral("appointments"), summary.appointments},
                               {QStringLiteral("messages"), summary.messages},
                               {QStringLiteral("recalls"), summary.recalls},
                               {QStringLiteral("tasks"), summary.tasks},
                               {QStringLiteral("records"), summary.records},
                               {QStringLiteral("seed"), QString::number(run.options.seed)}};
    if (auto a = AuditLog(m_db).append(entry); !a)
        return fail(a.error());
    // New demo rows for an enrolled workstation's next round to queue: the mark that all were
    // queued goes (SyncResources::demoQueuedKey in app/sync, which this layer cannot name).
    if (auto q = m_db.query(QStringLiteral("DELETE FROM sync_meta WHERE key = ?"),
                            {QStringLiteral("demo_records_queued")});
        !q)
        return fail(q.error());
    return {};
}

} // namespace frontdesk
