// The storage benchmarks: what the schedule and the patient list cost on a clinic-sized
// database. Other areas (scheduling, search, dashboard) add their own files like this one.

#include "Benchmark.h"

#include "storage/AppointmentRepository.h"
#include "storage/PatientRepository.h"

#include <QTime>

namespace frontdesk::bench {

namespace {

constexpr int kPageSize = 50;

QDateTime startOfDay(const BenchContext &c, const QDate &day)
{
    return QDateTime(day, QTime(0, 0), c.zone).toUTC();
}

Result<Operation> openDatabase(BenchContext &c)
{
    return Operation([&c]() -> Status {
        auto db = c.reopen();
        if (!db)
            return fail(db.error());
        if ((*db)->schemaVersion() < 1)
            return fail(QStringLiteral("the reopened database has no schema"));
        return {};
    });
}

Result<Operation> firstPatientPage(BenchContext &c)
{
    auto patients = std::make_shared<PatientRepository>(c.db);
    return Operation([patients]() -> Status {
        auto page = patients->page(std::nullopt, kPageSize);
        if (!page)
            return fail(page.error());
        if (page->size() != kPageSize)
            return fail(QStringLiteral("the first page has %1 patients").arg(page->size()));
        return {};
    });
}

// Keyset paging promises that a page deep in the list costs what the first one does.
Result<Operation> middlePatientPage(BenchContext &c)
{
    auto patients = std::make_shared<PatientRepository>(c.db);
    auto total = patients->count();
    if (!total)
        return fail(total.error());
    auto row = c.db.query(
        QStringLiteral("SELECT family_name, given_name, id FROM patients WHERE deleted = 0 "
                       "ORDER BY family_name COLLATE NOCASE, given_name COLLATE NOCASE, id "
                       "LIMIT 1 OFFSET ?"),
        {*total / 2});
    if (!row)
        return fail(row.error());
    if (!row->next())
        return fail(QStringLiteral("no patient in the middle of the list"));
    const PatientRepository::PageKey key{row->value(0).toString(), row->value(1).toString(),
                                         row->value(2).toString()};
    return Operation([patients, key]() -> Status {
        auto page = patients->page(key, kPageSize);
        if (!page)
            return fail(page.error());
        if (page->isEmpty())
            return fail(QStringLiteral("the middle page is empty"));
        return {};
    });
}

Result<Operation> dayForAllPractitioners(BenchContext &c)
{
    auto appointments = std::make_shared<AppointmentRepository>(c.db);
    const QDateTime from = startOfDay(c, c.today);
    const QDateTime to = startOfDay(c, c.today.addDays(1));
    auto probe = appointments->rowsBetween(from, to);
    if (!probe)
        return fail(probe.error());
    if (probe->isEmpty())
        return fail(QStringLiteral("no appointments on %1").arg(c.today.toString(Qt::ISODate)));
    return Operation([appointments, from, to]() -> Status {
        auto rows = appointments->rowsBetween(from, to);
        return rows ? Status() : fail(rows.error());
    });
}

// The repository has no per-practitioner query yet: a practitioner's week is the week's rows
// narrowed in memory, which is what a week view does today.
Result<Operation> weekForOnePractitioner(BenchContext &c)
{
    auto appointments = std::make_shared<AppointmentRepository>(c.db);
    const QDate monday = c.today.addDays(1 - c.today.dayOfWeek());
    const QDateTime from = startOfDay(c, monday);
    const QDateTime to = startOfDay(c, monday.addDays(7));
    auto probe = appointments->rowsBetween(from, to);
    if (!probe)
        return fail(probe.error());
    if (probe->isEmpty())
        return fail(
            QStringLiteral("no appointments in the week of %1").arg(monday.toString(Qt::ISODate)));
    const QString practitionerId = probe->first().appointment.practitionerId;
    return Operation([appointments, from, to, practitionerId]() -> Status {
        auto rows = appointments->rowsBetween(from, to);
        if (!rows)
            return fail(rows.error());
        qsizetype mine = 0;
        for (const AppointmentRow &row : *rows)
            mine += row.appointment.practitionerId == practitionerId ? 1 : 0;
        return mine > 0 ? Status() : fail(QStringLiteral("the practitioner has no appointments"));
    });
}

// The whole write path: the row, its outbox entry and its audit entry in one durable
// transaction (synchronous = FULL), on a copy so the seeded data stays as it was.
Result<Operation> insertPatient(BenchContext &c)
{
    auto scratch = c.scratchCopy();
    if (!scratch)
        return fail(scratch.error());
    std::shared_ptr<Database> db(std::move(*scratch));
    auto patients = std::make_shared<PatientRepository>(*db);
    auto counter = std::make_shared<int>(0);
    return Operation([db, patients, counter]() -> Status {
        Patient p;
        p.mrn = QStringLiteral("BENCH-%1").arg(++*counter);
        p.givenName = QStringLiteral("Bench");
        p.familyName = QStringLiteral("Mark %1").arg(*counter);
        p.birthDate = QDate(1980, 5, 17);
        p.sex = QStringLiteral("female");
        p.phoneMobile = QStringLiteral("+4915112345678");
        return patients->save(p);
    });
}

Result<Operation> countAppointments(BenchContext &c)
{
    auto appointments = std::make_shared<AppointmentRepository>(c.db);
    return Operation([appointments]() -> Status {
        auto n = appointments->count();
        if (!n)
            return fail(n.error());
        return *n > 0 ? Status() : fail(QStringLiteral("no appointments to count"));
    });
}

const Registration open{{QStringLiteral("database.open"),
                         QStringLiteral("open the database file, apply and check the key"), 20,
                         openDatabase}};
const Registration firstPage{{QStringLiteral("patients.page.first"),
                              QStringLiteral("first page of 50 patients in name order"), 50,
                              firstPatientPage}};
const Registration middlePage{{QStringLiteral("patients.page.middle"),
                               QStringLiteral("a page of 50 from the middle of the list"), 50,
                               middlePatientPage}};
const Registration day{{QStringLiteral("appointments.day"),
                        QStringLiteral("one day, all practitioners, with names"), 30,
                        dayForAllPractitioners}};
const Registration week{{QStringLiteral("appointments.week.practitioner"),
                         QStringLiteral("one week of one practitioner"), 20,
                         weekForOnePractitioner}};
const Registration insert{{QStringLiteral("patients.insert"),
                           QStringLiteral("insert one patient: row + outbox + audit, committed"),
                           30, insertPatient}};
const Registration count{{QStringLiteral("appointments.count"),
                          QStringLiteral("count(*) over all appointments"), 10, countAppointments}};

} // namespace

} // namespace frontdesk::bench
