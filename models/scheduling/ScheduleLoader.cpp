#include "ScheduleLoader.h"

#include "access/AccessGuard.h"
#include "database/Database.h"
#include "scheduling/StatusTransitions.h"
#include "storage/AppointmentTypeRepository.h"
#include "storage/LocationRepository.h"
#include "storage/PatientReplies.h"
#include "storage/PractitionerRepository.h"
#include "storage/ScheduleExceptionRepository.h"
#include "storage/StatusHistoryRepository.h"

#include <QSqlRecord>

namespace frontdesk {

namespace {
// As in AppointmentRepository: no appointment is longer, so overlap can use the start index.
constexpr qint64 kMaxAppointmentMs = qint64(24) * 60 * 60 * 1000;
} // namespace

ClinicTime ScheduleLoader::clinicTime() const
{
    return ClinicTime::fromZoneName(m_db.setting(ClinicTime::settingKey()));
}

Result<QList<AppointmentRow>> ScheduleLoader::appointments(const QDateTime &fromUtc,
                                                           const QDateTime &toUtc,
                                                           const QString &practitionerId) const
{
    if (practitionerId.isEmpty())
        return AppointmentRepository(m_db).rowsBetween(fromUtc, toUtc);
    if (auto s = AccessGuard(m_db).requireRead(QStringLiteral("Appointment")); !s)
        return fail(s.error());
    // One practitioner: the (practitioner_id, start_at) index instead of the whole week.
    AppointmentRepository repo(m_db);
    const qint64 from = fromUtc.toMSecsSinceEpoch();
    auto q = m_db.query(
        QStringLiteral("SELECT %1, p.family_name || ', ' || p.given_name AS patient_name, "
                       "TRIM(pr.prefix || ' ' || pr.given_name || ' ' || pr.family_name) AS "
                       "practitioner_name, l.name AS location_name, p.birth_date AS "
                       "patient_birth_date, CASE WHEN p.phone_mobile != '' THEN p.phone_mobile "
                       "ELSE p.phone_home END AS patient_phone "
                       "FROM appointments a JOIN patients p ON p.id = a.patient_id "
                       "JOIN practitioners pr ON pr.id = a.practitioner_id "
                       "LEFT JOIN locations l ON l.id = a.location_id "
                       "WHERE a.deleted = 0 AND a.practitioner_id = ? AND a.start_at >= ? AND "
                       "a.start_at < ? AND a.end_at > ? ORDER BY a.start_at")
            .arg(repo.store().selectList(QStringLiteral("a"))),
        {practitionerId, from - kMaxAppointmentMs, toUtc.toMSecsSinceEpoch(), from});
    if (!q)
        return fail(q.error());
    QList<AppointmentRow> rows;
    while (q->next())
        rows.append(AppointmentRepository::rowFrom(q->record()));
    return rows;
}

Result<ScheduleSnapshot> ScheduleLoader::load(QDate firstDay, int days,
                                              const QString &practitionerId) const
{
    if (!firstDay.isValid() || days < 1 || days > 31)
        return fail(tr("Choose a valid day and from 1 to 31 days."));
    const ClinicTime clinic = clinicTime();
    ScheduleSnapshot s;
    s.firstDay = firstDay;
    s.days = days;
    s.zone = clinic.zone();
    s.fromUtc = clinic.startOfDayUtc(firstDay);
    s.toUtc = clinic.startOfDayUtc(firstDay.addDays(days));

    auto practitioners = PractitionerRepository(m_db).active();
    if (!practitioners)
        return fail(practitioners.error());
    for (const Practitioner &p : *practitioners) {
        if (practitionerId.isEmpty() || p.meta.id == practitionerId)
            s.practitioners.append(p);
    }
    auto hours = practitionerId.isEmpty()
                     ? WorkingHoursRepository(m_db).all()
                     : WorkingHoursRepository(m_db).forPractitioner(practitionerId);
    if (!hours)
        return fail(hours.error());
    for (const WorkingHours &h : *hours)
        s.hours[h.practitionerId].append(h);
    auto rooms = LocationRepository(m_db).active();
    if (!rooms)
        return fail(rooms.error());
    s.rooms = *rooms;
    auto off = ScheduleExceptionRepository(m_db).between(s.fromUtc, s.toUtc, practitionerId);
    if (!off)
        return fail(off.error());
    s.exceptions = *off;
    auto types = AppointmentTypeRepository(m_db).active();
    if (!types)
        return fail(types.error());
    for (const AppointmentType &t : *types)
        s.types.insert(t.code, t);
    auto rows = appointments(s.fromUtc, s.toUtc, practitionerId);
    if (!rows)
        return fail(rows.error());
    s.appointments = *rows;
    auto replies = PatientReplies(m_db).latest(s.appointments);
    if (!replies)
        return fail(replies.error());
    s.pendingReplies = std::move(*replies);

    // Waiting times: only the patients who are here now need their check-in time.
    QStringList waiting;
    for (const AppointmentRow &r : s.appointments) {
        if (r.appointment.status == AppointmentStatus::Arrived ||
            r.appointment.status == AppointmentStatus::InRoom)
            waiting << r.appointment.meta.id;
    }
    if (!waiting.isEmpty()) {
        auto history = StatusHistoryRepository(m_db).forAppointments(waiting);
        if (!history)
            return fail(history.error());
        for (auto it = history->cbegin(); it != history->cend(); ++it) {
            if (const auto at = StatusTransitions::arrivedAtMs(it.value()))
                s.arrivedAtMs.insert(it.key(), *at);
        }
    }
    return s;
}

} // namespace frontdesk
