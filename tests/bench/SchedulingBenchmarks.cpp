// The scheduling benchmarks: what the receptionist waits for in the Schedule view. The day view
// loads everything its calendar paints (30 practitioner columns on the large clinic); the week
// view one practitioner's week; "find next available" the next free slots; a booking runs its
// conflict check inside the write transaction.

#include "Benchmark.h"

#include "scheduling/BookingService.h"
#include "scheduling/LocalTime.h"
#include "scheduling/ScheduleLoader.h"

#include <algorithm>

namespace frontdesk::bench {

namespace {

Result<Operation> dayView(BenchContext &c)
{
    auto loader = std::make_shared<ScheduleLoader>(c.db);
    auto probe = loader->load(c.today, 1);
    if (!probe)
        return fail(probe.error());
    if (probe->appointments.isEmpty())
        return fail(QStringLiteral("no appointments on %1").arg(c.today.toString(Qt::ISODate)));
    const QDate today = c.today;
    return Operation([loader, today]() -> Status {
        auto s = loader->load(today, 1);
        if (!s)
            return fail(s.error());
        return s->practitioners.isEmpty() ? fail(QStringLiteral("no practitioners")) : Status();
    });
}

Result<Operation> weekView(BenchContext &c)
{
    auto loader = std::make_shared<ScheduleLoader>(c.db);
    const QDate monday = c.today.addDays(1 - c.today.dayOfWeek());
    auto probe = loader->load(c.today, 1);
    if (!probe)
        return fail(probe.error());
    if (probe->appointments.isEmpty())
        return fail(QStringLiteral("no appointments on %1").arg(c.today.toString(Qt::ISODate)));
    const QString practitionerId = probe->appointments.first().appointment.practitionerId;
    return Operation([loader, monday, practitionerId]() -> Status {
        auto s = loader->load(monday, 7, practitionerId);
        if (!s)
            return fail(s.error());
        return s->appointments.isEmpty() ? fail(QStringLiteral("an empty week")) : Status();
    });
}

Result<Operation> nextFreeSlots(BenchContext &c, bool anyone)
{
    auto service = std::make_shared<BookingService>(c.db);
    SlotQuery q;
    q.fromUtc = LocalTime::toUtc(c.today, 8 * 60, c.zone);
    q.minutes = 30;
    q.count = 5;
    QStringList ids;
    if (!anyone) {
        auto probe = ScheduleLoader(c.db).load(c.today, 1);
        if (!probe)
            return fail(probe.error());
        if (probe->practitioners.isEmpty())
            return fail(QStringLiteral("no practitioners"));
        ids << probe->practitioners.first().meta.id;
    }
    return Operation([service, q, ids]() -> Status {
        auto found = service->findSlots(ids, q);
        if (!found)
            return fail(found.error());
        return found->isEmpty() ? fail(QStringLiteral("no free slot found")) : Status();
    });
}

// Bookings on a copy, at times nobody has (a year ahead), so each run commits: the conflict
// queries, the row, its outbox and audit entries and the status history row.
Result<Operation> book(BenchContext &c, bool conflicting)
{
    auto scratch = c.scratchCopy();
    if (!scratch)
        return fail(scratch.error());
    std::shared_ptr<Database> db(std::move(*scratch));
    auto service = std::make_shared<BookingService>(*db);
    auto probe = ScheduleLoader(*db).load(c.today, 1);
    if (!probe)
        return fail(probe.error());
    // Cancelled appointments and no-shows don't block a slot, so collide with one that does.
    const auto blocking = std::find_if(
        probe->appointments.cbegin(), probe->appointments.cend(), [](const AppointmentRow &r) {
            return r.appointment.status != AppointmentStatus::Cancelled &&
                   r.appointment.status != AppointmentStatus::NoShow;
        });
    if (blocking == probe->appointments.cend())
        return fail(QStringLiteral("no appointments on %1").arg(c.today.toString(Qt::ISODate)));
    const Appointment existing = blocking->appointment;
    auto counter = std::make_shared<int>(0);
    const QDateTime yearAhead = LocalTime::toUtc(c.today.addDays(365), 8 * 60, c.zone);
    return Operation([db, service, existing, counter, yearAhead, conflicting]() -> Status {
        Appointment a;
        a.patientId = existing.patientId;
        a.practitionerId = existing.practitionerId;
        a.reason = QStringLiteral("Benchmark");
        if (conflicting) {
            // The same practitioner at the same time: found, refused, rolled back.
            a.start = existing.start;
            a.end = existing.end;
            auto refused = service->book(a);
            return !refused && service->refused()
                       ? Status()
                       : fail(QStringLiteral("the conflicting booking was not refused"));
        }
        a.start = yearAhead.addSecs(qint64(15) * 60 * (*counter)++);
        a.end = a.start.addSecs(15 * 60);
        auto booked = service->book(a);
        return booked ? Status() : fail(booked.error());
    });
}

const Registration day{{QStringLiteral("schedule.day"),
                        QStringLiteral("day view: all practitioners' columns, hours, time off, "
                                       "appointments with names, check-in times"),
                        30, dayView}};
const Registration week{{QStringLiteral("schedule.week.practitioner"),
                         QStringLiteral("week view of one practitioner"), 30, weekView}};
const Registration slotsAny{{QStringLiteral("schedule.slots.any"),
                             QStringLiteral("next 5 free 30-minute slots, any practitioner"), 30,
                             [](BenchContext &c) { return nextFreeSlots(c, true); }}};
const Registration slotsOne{{QStringLiteral("schedule.slots.practitioner"),
                             QStringLiteral("next 5 free 30-minute slots, one practitioner"), 30,
                             [](BenchContext &c) { return nextFreeSlots(c, false); }}};
const Registration booking{{QStringLiteral("schedule.book"),
                            QStringLiteral("book with the conflict check: row + outbox + audit + "
                                           "history, committed"),
                            30, [](BenchContext &c) { return book(c, false); }}};
const Registration refusal{{QStringLiteral("schedule.book.conflict"),
                            QStringLiteral("a conflicting booking found and refused"), 30,
                            [](BenchContext &c) { return book(c, true); }}};

} // namespace

} // namespace frontdesk::bench
