#include "BookingService.h"

#include "access/AccessGuard.h"
#include "access/AuditLog.h"
#include "core/LocaleFormat.h"
#include "database/Database.h"
#include "domain/AppointmentLabels.h"
#include "domain/ScheduleException.h"
#include "scheduling/LocalTime.h"
#include "storage/AppointmentSeriesRepository.h"
#include "storage/PractitionerRepository.h"
#include "storage/ScheduleExceptionRepository.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>
#include <QSqlRecord>
#include <QUuid>

namespace frontdesk {

namespace {
// The longest appointment accepted (AppointmentRepository refuses longer ones), which bounds
// how far back an overlapping appointment can start.
constexpr qint64 kMaxAppointmentMs = qint64(24) * 60 * 60 * 1000;

RecordStore::Table appointmentsWithSeriesTable()
{
    RecordStore::Table t = AppointmentRepository::table();
    t.columns << QStringLiteral("series_id");
    return t;
}

// An appointment's columns and the series it was booked in (appointmentsWithSeriesTable()).
QVariantMap appointmentValues(const Appointment &a, const QString &seriesId)
{
    QVariantMap values = AppointmentRepository::columnValues(a);
    values.insert(QStringLiteral("series_id"),
                  seriesId.isEmpty() ? QVariant() : QVariant(seriesId));
    return values;
}

QJsonObject conflictJson(const Conflict &c)
{
    QJsonArray on;
    if (c.practitioner)
        on.append(QStringLiteral("practitioner"));
    if (c.room)
        on.append(QStringLiteral("room"));
    if (c.patient)
        on.append(QStringLiteral("patient"));
    return {{QStringLiteral("appointment"), c.existing.meta.id}, {QStringLiteral("on"), on}};
}
} // namespace

BookingService::BookingService(Database &db)
    : m_db(db), m_appointments(db), m_history(db),
      m_appointmentsWithSeries(db, appointmentsWithSeriesTable()),
      m_series(db, AppointmentSeriesRepository::table())
{}

ClinicTime BookingService::clinicTime() const
{
    return ClinicTime::fromZoneName(m_db.setting(ClinicTime::settingKey()));
}

Result<Appointment> BookingService::refuse(const QString &message)
{
    m_refused = true;
    return fail(message);
}

QString BookingService::timeRange(const QDateTime &startUtc, const QDateTime &endUtc) const
{
    const QTimeZone zone = clinicTime().zone();
    const QDateTime s = startUtc.toTimeZone(zone);
    const QDateTime e = endUtc.toTimeZone(zone);
    const QLocale locale;
    QString text = tr("%1–%2 on %3")
                       .arg(locale.toString(s.time(), QLocale::ShortFormat),
                            locale.toString(e.time(), QLocale::ShortFormat),
                            LocaleFormat::fullYearDate(s.date(), locale));
    if (e.date() != s.date())
        text = tr("%1 (ends %2)").arg(text, LocaleFormat::fullYearDate(e.date(), locale));
    return text;
}

Result<Appointment> BookingService::load(const QString &id) const
{
    auto a = m_appointments.get(id);
    if (!a)
        return fail(a.error());
    if (a->meta.deleted)
        return fail(tr("The appointment %1 was deleted.").arg(id));
    return a;
}

Result<QList<Conflict>> BookingService::conflictsFor(const Appointment &candidate) const
{
    const qint64 start = candidate.start.toMSecsSinceEpoch();
    const qint64 end = candidate.end.toMSecsSinceEpoch();
    // One indexed query per resource; the union is checked by the pure rule.
    QStringList parts;
    QVariantList values;
    const QString base = QStringLiteral(
        "SELECT %1 FROM appointments WHERE deleted = 0 AND status NOT IN ('cancelled', "
        "'no-show') AND start_at >= ? AND start_at < ? AND end_at > ? AND %2 = ?");
    const QString cols = m_appointments.store().selectList();
    const QVariantList span{start - kMaxAppointmentMs, end, start};
    parts << base.arg(cols, QStringLiteral("practitioner_id"));
    values << span << candidate.practitionerId;
    parts << base.arg(cols, QStringLiteral("patient_id"));
    values << span << candidate.patientId;
    if (!candidate.locationId.isEmpty()) {
        parts << base.arg(cols, QStringLiteral("location_id"));
        values << span << candidate.locationId;
    }
    auto q = m_db.query(
        parts.join(QStringLiteral(" UNION ")) + QStringLiteral(" ORDER BY start_at"), values);
    if (!q)
        return fail(q.error());
    QList<Appointment> existing;
    while (q->next())
        existing.append(AppointmentRepository::appointmentFrom(q->record()));
    return ConflictDetector::find(candidate, existing);
}

Result<QList<ScheduleException>> BookingService::timeOffFor(const Appointment &candidate) const
{
    // The query narrows by the same condition; blocks() is the rule the server applies too.
    auto between = ScheduleExceptionRepository(m_db).between(candidate.start, candidate.end,
                                                             candidate.practitionerId);
    if (!between)
        return between;
    QList<ScheduleException> blocking;
    for (const ScheduleException &e : *between) {
        if (e.blocks(candidate.practitionerId, candidate.start, candidate.end))
            blocking.append(e);
    }
    return blocking;
}

QString BookingService::describe(const Conflict &c) const
{
    auto names = m_db.query(
        QStringLiteral("SELECT p.family_name || ', ' || p.given_name, "
                       "TRIM(pr.prefix || ' ' || pr.given_name || ' ' || pr.family_name), "
                       "l.name FROM appointments a JOIN patients p ON p.id = a.patient_id "
                       "JOIN practitioners pr ON pr.id = a.practitioner_id "
                       "LEFT JOIN locations l ON l.id = a.location_id WHERE a.id = ?"),
        {c.existing.meta.id});
    QString patient = c.existing.patientId;
    QString practitioner = c.existing.practitionerId;
    QString room = c.existing.locationId;
    if (names && names->next()) {
        patient = names->value(0).toString();
        practitioner = names->value(1).toString();
        room = names->value(2).toString();
    }
    const QString when = timeRange(c.existing.start, c.existing.end);
    if (c.practitioner)
        return tr("%1 is already booked then: %2, %3 (appointment %4).")
            .arg(practitioner, patient, when, c.existing.meta.id);
    if (c.patient)
        return tr("The patient %1 has another appointment then: with %2, %3 (appointment %4).")
            .arg(patient, practitioner, when, c.existing.meta.id);
    return tr("%1 is in use then: %2 with %3, %4 (appointment %5).")
        .arg(room, patient, practitioner, when, c.existing.meta.id);
}

Status BookingService::checkBookable(const Appointment &candidate, const Options &options,
                                     const QString &action)
{
    if (!ConflictDetector::blocksTime(candidate.status))
        return {};
    auto conflicts = conflictsFor(candidate);
    if (!conflicts)
        return fail(conflicts.error());
    auto timeOff = timeOffFor(candidate);
    if (!timeOff)
        return fail(timeOff.error());
    if (conflicts->isEmpty() && timeOff->isEmpty())
        return {};
    if (!options.allowDoubleBooking) {
        m_refused = true;
        QStringList lines;
        for (const Conflict &c : *conflicts)
            lines << describe(c);
        for (const ScheduleException &e : *timeOff)
            lines << tr("The practitioner is not available then (%1, %2%3).")
                         .arg(ScheduleException::kindName(e.kind), timeRange(e.start, e.end),
                              e.note.isEmpty() ? QString() : QStringLiteral(": ") + e.note);
        return fail(tr("Not booked. %1").arg(lines.join(QLatin1Char(' '))));
    }
    if (auto allowed = AccessGuard(m_db).require(Permission::OverrideDoubleBooking); !allowed) {
        m_refused = true;
        return allowed;
    }
    // An explicit double booking is kept in the audit trail with what it overrode.
    QJsonArray overridden;
    for (const Conflict &c : *conflicts)
        overridden.append(conflictJson(c));
    for (const ScheduleException &e : *timeOff)
        overridden.append(QJsonObject{{QStringLiteral("timeOff"), e.meta.id}});
    AuditEntry entry;
    entry.action = QStringLiteral("double-book");
    entry.entityType = QStringLiteral("Appointment");
    entry.entityId = candidate.meta.id;
    entry.patientId = candidate.patientId;
    entry.detail = QJsonObject{{QStringLiteral("action"), action},
                               {QStringLiteral("overridden"), overridden},
                               {QStringLiteral("start"), candidate.start.toMSecsSinceEpoch()},
                               {QStringLiteral("end"), candidate.end.toMSecsSinceEpoch()}};
    if (auto a = AuditLog(m_db).append(entry); !a)
        return fail(a.error());
    return {};
}

Status BookingService::recordChange(const Appointment &a, std::optional<AppointmentStatus> from,
                                    const QString &reason, CancelledBy by, const QString &revertsId)
{
    StatusChange change;
    change.appointmentId = a.meta.id;
    change.patientId = a.patientId;
    change.from = from;
    change.to = a.status;
    change.changedAtMs = m_db.clock().nowMs();
    change.changedBy = m_db.actor().name;
    change.reason = reason;
    change.cancelledBy = by;
    change.revertsId = revertsId;
    return m_history.save(change);
}

Result<Appointment> BookingService::book(Appointment a, const Options &options)
{
    m_refused = false;
    if (!a.meta.isNew())
        return fail(tr("This appointment is already booked; move it instead."));
    if (a.meta.id.isEmpty())
        a.meta.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (a.status != AppointmentStatus::Booked && a.status != AppointmentStatus::Confirmed)
        return refuse(tr("A new appointment starts as booked or confirmed."));
    const Status s = m_db.write([&]() -> Status {
        if (auto c = checkBookable(a, options, QStringLiteral("book")); !c)
            return c;
        if (auto saved = m_appointments.save(a); !saved)
            return saved;
        return recordChange(a, std::nullopt, a.reason, CancelledBy::Nobody, {});
    });
    if (!s)
        return fail(s.error());
    return a;
}

Result<Appointment> BookingService::move(const QString &id, const QDateTime &startUtc,
                                         const QDateTime &endUtc, const QString &practitionerId,
                                         const QString &locationId,
                                         std::optional<qint64> expectedVersion,
                                         const Options &options)
{
    m_refused = false;
    Appointment moved;
    const Status s = m_db.write([&]() -> Status {
        auto current = load(id);
        if (!current)
            return fail(current.error());
        if (expectedVersion && *expectedVersion != current->meta.version) {
            m_refused = true;
            return fail(tr("Someone else changed this appointment since it was shown; it was "
                           "not moved. Look at it again and retry."));
        }
        const AppointmentStatus st = current->status;
        if (st == AppointmentStatus::Completed || st == AppointmentStatus::Cancelled ||
            st == AppointmentStatus::NoShow) {
            m_refused = true;
            return fail(tr("An appointment that is “%1” cannot be moved.")
                            .arg(AppointmentLabels::status(st)));
        }
        moved = *current;
        moved.start = startUtc.toUTC();
        moved.end = endUtc.toUTC();
        if (!practitionerId.isEmpty())
            moved.practitionerId = practitionerId;
        moved.locationId = locationId;
        if (auto c = checkBookable(moved, options, QStringLiteral("move")); !c)
            return c;
        return m_appointments.save(moved);
    });
    if (!s)
        return fail(s.error());
    return moved;
}

Result<Appointment> BookingService::changeStatus(const QString &id,
                                                 const StatusTransitions::Request &request)
{
    m_refused = false;
    Appointment a;
    const Status s = m_db.write([&]() -> Status {
        auto current = load(id);
        if (!current)
            return fail(current.error());
        a = *current;
        if (auto ok = StatusTransitions::check(a, request, m_db.clock().nowMs()); !ok) {
            m_refused = true;
            return ok;
        }
        const AppointmentStatus from = a.status;
        a.status = request.to;
        if (auto saved = m_appointments.save(a); !saved)
            return saved;
        return recordChange(a, from, request.reason.trimmed(), request.cancelledBy, {});
    });
    if (!s)
        return fail(s.error());
    return a;
}

Result<Appointment> BookingService::revertStatus(const QString &id, const QString &reason)
{
    m_refused = false;
    Appointment a;
    const Status s = m_db.write([&]() -> Status {
        auto current = load(id);
        if (!current)
            return fail(current.error());
        a = *current;
        auto history = m_history.forAppointment(id);
        if (!history)
            return fail(history.error());
        const auto last = StatusTransitions::revertible(*history, a.status);
        if (!last || !last->from) {
            m_refused = true;
            return fail(tr("There is no status change to revert on this appointment."));
        }
        const AppointmentStatus from = a.status;
        a.status = *last->from;
        // Taking back a cancellation or no-show claims the time again.
        if (!ConflictDetector::blocksTime(from)) {
            if (auto c = checkBookable(a, {}, QStringLiteral("revert")); !c)
                return fail(
                    tr("The status cannot be reverted: the time is taken. %1").arg(c.error()));
        }
        if (auto saved = m_appointments.save(a); !saved)
            return saved;
        return recordChange(a, from, reason.trimmed(), CancelledBy::Nobody, last->meta.id);
    });
    if (!s)
        return fail(s.error());
    return a;
}

Result<QList<StatusChange>> BookingService::history(const QString &appointmentId) const
{
    return m_history.forAppointment(appointmentId);
}

Result<BookingService::SeriesBooking>
BookingService::bookSeries(Appointment first, const Recurrence &rule, const Options &options)
{
    m_refused = false;
    if (!first.meta.isNew())
        return fail(tr("A series starts from a new appointment."));
    const ClinicTime clinic = clinicTime();
    const QDateTime local = first.start.toTimeZone(clinic.zone());
    const int minuteOfDay = LocalTime::minuteOfDay(first.start, clinic.zone());
    const int minutes = first.minutes();
    auto occurrences = rule.expand(local.date(), minuteOfDay, minutes, clinic.zone());
    if (!occurrences) {
        m_refused = true;
        return fail(occurrences.error());
    }
    if (first.start != occurrences->first().startUtc) {
        m_refused = true;
        return fail(tr("The first appointment's time does not exist in the clinic's time zone "
                       "on that day (a DST change); choose another time."));
    }
    SeriesBooking booking;
    const Status s = m_db.write([&]() -> Status {
        AppointmentSeries stored;
        stored.frequency = Recurrence::frequencyName(rule.frequency);
        stored.interval = rule.interval;
        stored.firstLocalDate = local.date();
        stored.localStartMinute = minuteOfDay;
        stored.minutes = minutes;
        stored.until = rule.until;
        stored.occurrences = rule.count;
        stored.timeZone = QString::fromUtf8(clinic.zone().id());
        auto series = m_series.insert(AppointmentSeriesRepository::columnValues(stored));
        if (!series)
            return fail(series.error());
        booking.seriesId = series->id;
        for (const Recurrence::Occurrence &o : *occurrences) {
            Appointment a = first;
            a.meta = {};
            a.meta.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
            a.start = o.startUtc;
            a.end = o.endUtc;
            if (auto c = checkBookable(a, options, QStringLiteral("book-series")); !c)
                return fail(tr("The series was not booked (appointment %1 of %2, %3): %4")
                                .arg(o.index + 1)
                                .arg(occurrences->size())
                                .arg(timeRange(a.start, a.end), c.error()));
            auto meta =
                m_appointmentsWithSeries.insert(appointmentValues(a, booking.seriesId), a.meta.id);
            if (!meta)
                return fail(meta.error());
            a.meta = *meta;
            if (auto r = recordChange(a, std::nullopt, a.reason, CancelledBy::Nobody, {}); !r)
                return r;
            booking.appointments.append(a);
        }
        return {};
    });
    if (!s)
        return fail(s.error());
    return booking;
}

Status BookingService::undoBooking(const QStringList &appointmentIds)
{
    m_refused = false;
    return m_db.write([&]() -> Status {
        for (const QString &id : appointmentIds) {
            auto a = m_appointments.get(id);
            if (!a)
                return fail(a.error());
            if (auto removed = m_appointments.remove(*a); !removed)
                return removed;
        }
        return {};
    });
}

Result<QString> BookingService::seriesOf(const QString &appointmentId) const
{
    auto v = m_db.scalar(QStringLiteral("SELECT series_id FROM appointments WHERE id = ?"),
                         {appointmentId});
    if (!v)
        return fail(v.error());
    return v->toString();
}

Result<int> BookingService::rescheduleSeriesFrom(const QString &appointmentId, int localMinuteOfDay,
                                                 int minutes, const QString &practitionerId,
                                                 const Options &options)
{
    m_refused = false;
    if (localMinuteOfDay < 0 || localMinuteOfDay >= 24 * 60 || minutes <= 0) {
        m_refused = true;
        return fail(tr("Choose a time within the day and a positive length."));
    }
    int moved = 0;
    const QTimeZone zone = clinicTime().zone();
    const Status s = m_db.write([&]() -> Status {
        auto ids = restOfSeries(appointmentId);
        if (!ids)
            return fail(ids.error());
        for (const QString &id : std::as_const(*ids)) {
            auto a = load(id);
            if (!a)
                return fail(a.error());
            const QDate day = a->start.toTimeZone(zone).date();
            a->start = LocalTime::toUtc(day, localMinuteOfDay, zone);
            a->end = a->start.addSecs(qint64(minutes) * 60);
            if (!practitionerId.isEmpty())
                a->practitionerId = practitionerId;
            if (auto c = checkBookable(*a, options, QStringLiteral("move-series")); !c)
                return fail(tr("The series was not changed (%1): %2")
                                .arg(timeRange(a->start, a->end), c.error()));
            if (auto saved = m_appointments.save(*a); !saved)
                return saved;
            ++moved;
        }
        return {};
    });
    if (!s)
        return fail(s.error());
    return moved;
}

Result<QStringList> BookingService::restOfSeries(const QString &appointmentId)
{
    auto from = load(appointmentId);
    if (!from)
        return fail(from.error());
    auto seriesId = seriesOf(appointmentId);
    if (!seriesId)
        return fail(seriesId.error());
    if (seriesId->isEmpty()) {
        m_refused = true;
        return fail(tr("This appointment is not part of a series."));
    }
    auto q = m_db.query(QStringLiteral("SELECT id FROM appointments WHERE deleted = 0 AND "
                                       "series_id = ? AND start_at >= ? AND status IN "
                                       "('booked', 'confirmed') ORDER BY start_at"),
                        {*seriesId, from->start.toMSecsSinceEpoch()});
    if (!q)
        return fail(q.error());
    QStringList ids;
    while (q->next())
        ids << q->value(0).toString();
    return ids;
}

Result<int> BookingService::cancelSeriesFrom(const QString &appointmentId, const QString &reason,
                                             CancelledBy by)
{
    m_refused = false;
    int cancelled = 0;
    const Status s = m_db.write([&]() -> Status {
        auto ids = restOfSeries(appointmentId);
        if (!ids)
            return fail(ids.error());
        for (const QString &id : std::as_const(*ids)) {
            auto done = changeStatus(id, {AppointmentStatus::Cancelled, reason, by});
            if (!done) {
                return fail(done.error());
            }
            ++cancelled;
        }
        return {};
    });
    if (!s)
        return fail(s.error());
    return cancelled;
}

Result<QList<FreeSlot>> BookingService::findSlots(const QStringList &practitionerIds,
                                                  SlotQuery query, int horizonDays,
                                                  const QString &patientId) const
{
    PractitionerRepository practitioners(m_db);
    WorkingHoursRepository hoursRepo(m_db);
    auto active = practitioners.active();
    if (!active)
        return fail(active.error());
    QList<PractitionerAvailability> base;
    for (const Practitioner &p : *active) {
        if (!practitionerIds.isEmpty() && !practitionerIds.contains(p.meta.id))
            continue;
        base.append({p.meta.id, p.slotMinutes, {}, {}});
    }
    for (const QString &id : practitionerIds) {
        if (std::none_of(base.begin(), base.end(),
                         [&](const PractitionerAvailability &a) { return a.practitionerId == id; }))
            return fail(tr("There is no active practitioner with id %1.").arg(id));
    }
    if (base.isEmpty())
        return QList<FreeSlot>();
    auto hours = hoursRepo.all();
    if (!hours)
        return fail(hours.error());
    QHash<QString, int> index;
    for (int i = 0; i < base.size(); ++i)
        index.insert(base.at(i).practitionerId, i);
    for (const WorkingHours &h : *hours) {
        if (index.contains(h.practitionerId))
            base[index.value(h.practitionerId)].hours.append(h);
    }

    const FreeSlotFinder finder(clinicTime().zone());
    const QDateTime horizon = query.fromUtc.addDays(horizonDays);
    const int wanted = query.count;
    QList<FreeSlot> found;
    // A week at a time: most searches end in the first one, and a window's appointments are
    // few enough to hold.
    for (QDateTime from = query.fromUtc; from < horizon && found.size() < wanted;
         from = from.addDays(7)) {
        const QDateTime until = std::min(from.addDays(7), horizon);
        QList<PractitionerAvailability> window = base;
        const qint64 lo = from.toMSecsSinceEpoch() - kMaxAppointmentMs;
        const qint64 hi = until.toMSecsSinceEpoch() + kMaxAppointmentMs;
        auto q = m_db.query(QStringLiteral("SELECT practitioner_id, start_at, end_at FROM "
                                           "appointments WHERE deleted = 0 AND status NOT IN "
                                           "('cancelled', 'no-show') AND start_at >= ? AND "
                                           "start_at < ?"),
                            {lo, hi});
        if (!q)
            return fail(q.error());
        while (q->next()) {
            const auto it = index.constFind(q->value(0).toString());
            if (it != index.constEnd())
                window[*it].busy.append({q->value(1).toLongLong(), q->value(2).toLongLong()});
        }
        QList<TimeSpan> everyone;
        if (!patientId.isEmpty()) {
            auto p = m_db.query(QStringLiteral("SELECT start_at, end_at FROM appointments WHERE "
                                               "deleted = 0 AND status NOT IN ('cancelled', "
                                               "'no-show') AND patient_id = ? AND start_at >= ? "
                                               "AND start_at < ?"),
                                {patientId, lo, hi});
            if (!p)
                return fail(p.error());
            while (p->next())
                everyone.append({p->value(0).toLongLong(), p->value(1).toLongLong()});
        }
        auto off =
            ScheduleExceptionRepository(m_db).between(QDateTime::fromMSecsSinceEpoch(lo, Qt::UTC),
                                                      QDateTime::fromMSecsSinceEpoch(hi, Qt::UTC));
        if (!off)
            return fail(off.error());
        for (const ScheduleException &e : *off) {
            const TimeSpan span{e.start.toMSecsSinceEpoch(), e.end.toMSecsSinceEpoch()};
            if (e.practitionerId.isEmpty())
                everyone.append(span);
            else if (index.contains(e.practitionerId))
                window[index.value(e.practitionerId)].busy.append(span);
        }
        for (PractitionerAvailability &p : window)
            p.busy += everyone;
        SlotQuery part = query;
        part.fromUtc = from;
        part.untilUtc = until;
        part.count = wanted - int(found.size());
        found += finder.find(window, part);
    }
    return found;
}

} // namespace frontdesk
