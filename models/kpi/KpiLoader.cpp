#include "KpiLoader.h"

#include "domain/ClinicTime.h"
#include "kpi/KpiDefinitions.h"
#include "storage/Database.h"
#include "storage/PractitionerRepository.h"
#include "storage/RecallRepository.h"
#include "storage/ScheduleExceptionRepository.h"

#include <QSqlQuery>

namespace frontdesk {

namespace {

// Narrows a statement on appointments (alias a) by the filter; values are bound, never spliced.
void narrow(const KpiFilter &filter, QString &statement, QVariantList &values)
{
    if (!filter.practitionerId.isEmpty()) {
        statement += QStringLiteral(" AND a.practitioner_id = ?");
        values << filter.practitionerId;
    }
    if (!filter.locationId.isEmpty()) {
        statement += QStringLiteral(" AND a.location_id = ?");
        values << filter.locationId;
    }
    if (!filter.appointmentType.isEmpty()) {
        statement += QStringLiteral(" AND a.type = ?");
        values << filter.appointmentType;
    }
}

} // namespace

Result<KpiFacts> KpiLoader::load(const KpiFilter &filter, Detail detail) const
{
    if (auto v = filter.validate(); !v)
        return fail(v.error());
    const ClinicTime clinic = ClinicTime::fromZoneName(m_db.setting(ClinicTime::settingKey()));
    const KpiFilter previous = filter.previous();
    const KpiFilter beforePrevious = previous.previous();
    auto ms = [&](QDate day) { return clinic.startOfDayUtc(day).toMSecsSinceEpoch(); };
    const qint64 from = ms(previous.from);
    const qint64 to = ms(filter.to.addDays(1));

    KpiFacts f;
    f.zone = clinic.zone();
    f.asOf = clinic.today(m_db.clock());
    f.nowMs = m_db.clock().nowMs();
    bool hoursOk = false;
    const int hours =
        m_db.setting(KpiDefinitions::lateCancellationHoursSettingKey()).trimmed().toInt(&hoursOk);
    f.lateCancellationHours =
        hoursOk && hours >= 0 ? hours : KpiDefinitions::DefaultLateCancellationHours;

    {
        // A cancelled appointment carries when its standing cancellation was made: the latest
        // change to 'cancelled' that was not reverted, or its last change without history.
        // Ids are read only for a drill-down: the figures do not need them.
        QString statement = QStringLiteral(
            "SELECT a.patient_id, a.practitioner_id, a.status, a.start_at, a.end_at, "
            "a.created_at, CASE WHEN a.status = 'cancelled' THEN coalesce((SELECT "
            "max(h.changed_at) FROM appointment_status_history h WHERE h.appointment_id = a.id "
            "AND h.deleted = 0 AND h.to_status = 'cancelled' AND NOT EXISTS (SELECT 1 FROM "
            "appointment_status_history v WHERE v.reverts_id = h.id AND v.deleted = 0)), "
            "a.updated_at) ELSE 0 END");
        if (detail == Detail::Records)
            statement += QStringLiteral(", a.id");
        statement += QStringLiteral(
            " FROM appointments a WHERE a.deleted = 0 AND a.start_at >= ? AND a.start_at < ?");
        QVariantList values{from, to};
        narrow(filter, statement, values);
        auto q = m_db.query(statement, values);
        if (!q)
            return fail(q.error());
        while (q->next()) {
            KpiAppointmentFact a;
            a.patientId = q->value(0).toString();
            a.practitionerId = q->value(1).toString();
            a.status = appointmentStatusFromName(q->value(2).toString())
                           .value_or(AppointmentStatus::Booked);
            a.startMs = q->value(3).toLongLong();
            a.endMs = q->value(4).toLongLong();
            a.createdMs = q->value(5).toLongLong();
            a.cancelledAtMs = q->value(6).toLongLong();
            if (detail == Detail::Records)
                a.id = q->value(7).toString();
            f.appointments.append(a);
        }
    }
    {
        // First visits ever, whoever they were with, from previous.from on; everyone else in
        // the range came before.
        auto q = m_db.query(QStringLiteral("SELECT patient_id, first_start_at FROM "
                                           "patient_first_visits WHERE first_start_at >= ?"),
                            {from});
        if (!q)
            return fail(q.error());
        while (q->next())
            f.firstVisitMs.insert(q->value(0).toString(), q->value(1).toLongLong());
    }
    {
        QString statement =
            QStringLiteral("SELECT DISTINCT a.patient_id FROM appointments a WHERE a.deleted = 0 "
                           "AND a.status IN ('in-room', 'completed') AND a.start_at >= ? AND "
                           "a.start_at < ?");
        QVariantList values{ms(beforePrevious.from), from};
        narrow(filter, statement, values);
        auto q = m_db.query(statement, values);
        if (!q)
            return fail(q.error());
        while (q->next())
            f.seenBeforePrevious.insert(q->value(0).toString());
    }
    {
        const qint64 lookback =
            ms(previous.to.addDays(1).addDays(-KpiDefinitions::AtRiskLookbackDays));
        QString statement = QStringLiteral(
            "SELECT a.patient_id, a.start_at FROM appointments a WHERE a.deleted = 0 AND "
            "a.status = 'no-show' AND a.start_at >= ? AND a.start_at < ?");
        QVariantList values{std::min(lookback, from), to};
        narrow(filter, statement, values);
        auto q = m_db.query(statement, values);
        if (!q)
            return fail(q.error());
        while (q->next())
            f.noShows.append({q->value(0).toString(), q->value(1).toLongLong()});
    }
    {
        // Future visits may be with anyone: a patient booked elsewhere in the clinic is engaged.
        auto q = m_db.query(
            QStringLiteral("SELECT patient_id, max(start_at) FROM appointments WHERE deleted = 0 "
                           "AND status IN ('booked', 'confirmed') AND start_at >= ? "
                           "GROUP BY patient_id"),
            {std::min(ms(previous.to.addDays(1)), f.nowMs)});
        if (!q)
            return fail(q.error());
        while (q->next())
            f.latestBookedMs.insert(q->value(0).toString(), q->value(1).toLongLong());
    }
    {
        const bool narrowed = !filter.practitionerId.isEmpty() || !filter.locationId.isEmpty() ||
                              !filter.appointmentType.isEmpty();
        QString statement = QStringLiteral(
            "SELECT m.id, m.patient_id, coalesce(m.appointment_id, ''), m.purpose, m.status, "
            "m.sent_at FROM messages m ");
        if (narrowed)
            statement += QStringLiteral("JOIN appointments a ON a.id = m.appointment_id ");
        statement += QStringLiteral(
            "WHERE m.deleted = 0 AND m.direction = 'outbound' AND m.status IN ('sent', "
            "'delivered') AND m.sent_at >= ? AND m.sent_at < ?");
        QVariantList values{from, to};
        if (narrowed)
            narrow(filter, statement, values);
        auto q = m_db.query(statement, values);
        if (!q)
            return fail(q.error());
        while (q->next()) {
            KpiMessageFact m;
            m.id = q->value(0).toString();
            m.patientId = q->value(1).toString();
            m.appointmentId = q->value(2).toString();
            m.purpose = q->value(3).toString();
            m.status = q->value(4).toString();
            m.atMs = q->value(5).toLongLong();
            f.outbound.append(m);
        }
    }
    {
        const qint64 until = to + qint64(KpiDefinitions::ResponseWindowHours) * 3600 * 1000;
        auto q = m_db.query(
            QStringLiteral("SELECT id, patient_id, coalesce(appointment_id, ''), body, "
                           "coalesce(sent_at, created_at) FROM messages WHERE deleted = 0 AND "
                           "direction = 'inbound' AND ((sent_at >= ? AND sent_at < ?) OR "
                           "(sent_at IS NULL AND created_at >= ? AND created_at < ?))"),
            {from, until, from, until});
        if (!q)
            return fail(q.error());
        while (q->next()) {
            KpiMessageFact m;
            m.id = q->value(0).toString();
            m.patientId = q->value(1).toString();
            m.appointmentId = q->value(2).toString();
            m.body = q->value(3).toString();
            m.atMs = q->value(4).toLongLong();
            f.inbound.append(m);
        }
    }
    {
        auto q = m_db.query(
            QStringLiteral(
                "SELECT DISTINCT h.appointment_id, h.changed_at FROM messages m "
                "JOIN appointment_status_history h ON h.appointment_id = m.appointment_id "
                "WHERE m.deleted = 0 AND m.direction = 'outbound' AND m.purpose = 'reminder' AND "
                "m.sent_at >= ? AND m.sent_at < ? AND h.deleted = 0 AND "
                "h.to_status = 'confirmed' AND NOT EXISTS (SELECT 1 FROM "
                "appointment_status_history v WHERE v.reverts_id = h.id AND v.deleted = 0)"),
            {from, to});
        if (!q)
            return fail(q.error());
        while (q->next())
            f.confirmedAtMs.insert(q->value(0).toString(), q->value(1).toLongLong());
    }
    {
        auto recalls = RecallRepository(m_db).overdue(std::min(filter.to.addDays(1), f.asOf), {},
                                                      filter.practitionerId);
        if (!recalls)
            return fail(recalls.error());
        f.overdueRecalls = std::move(*recalls);
    }
    {
        auto practitioners = PractitionerRepository(m_db).active();
        if (!practitioners)
            return fail(practitioners.error());
        auto workingHours = WorkingHoursRepository(m_db).all();
        if (!workingHours)
            return fail(workingHours.error());
        QHash<QString, QList<WorkingHours>> byPractitioner;
        for (const WorkingHours &h : std::as_const(*workingHours))
            if (!h.meta.deleted &&
                (filter.locationId.isEmpty() || h.locationId == filter.locationId))
                byPractitioner[h.practitionerId].append(h);
        for (const Practitioner &p : std::as_const(*practitioners)) {
            if (!filter.practitionerId.isEmpty() && p.meta.id != filter.practitionerId)
                continue;
            f.practitioners.append({p.meta.id, p.displayName(), byPractitioner.value(p.meta.id)});
        }
        auto exceptions = ScheduleExceptionRepository(m_db).between(
            QDateTime::fromMSecsSinceEpoch(from, Qt::UTC),
            QDateTime::fromMSecsSinceEpoch(to, Qt::UTC), filter.practitionerId);
        if (!exceptions)
            return fail(exceptions.error());
        f.exceptions = std::move(*exceptions);
    }
    return f;
}

} // namespace frontdesk
