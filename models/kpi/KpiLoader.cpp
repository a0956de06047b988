#include "KpiLoader.h"

#include "access/AccessGuard.h"
#include "database/Database.h"
#include "database/ReadWorker.h"
#include "database/SqlRow.h"
#include "domain/ClinicTime.h"
#include "kpi/KpiDefinitions.h"
#include "storage/PractitionerRepository.h"
#include "storage/RecallRepository.h"
#include "storage/ScheduleExceptionRepository.h"

#include <future>

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

// What KpiLoader reads on the second connection, with patient numbers of its own until it is
// merged into the facts.
struct MessageFacts
{
    KpiIds patientIds;
    KpiIds appointmentIds;
    std::vector<KpiMessageFact> outbound;
    std::vector<KpiMessageFact> inbound;
    std::vector<KpiSurveyAnswerFact> surveyAnswers;
    QList<RecallDue> overdueRecalls;
};

// Messages sent in [from, to) and replies up to the response window after `to`, and the
// recalls overdue before recallsBefore.
Status readMessages(Database &db, const KpiFilter &filter, qint64 from, qint64 to,
                    QDate recallsBefore, bool records, MessageFacts &out)
{
    {
        // A reminder is confirmed when its appointment was changed to 'confirmed' at or after
        // it was sent, and that change was not reverted: looked up per reminder through the
        // (appointment_id, changed_at) index.
        const bool narrowed = !filter.practitionerId.isEmpty() || !filter.locationId.isEmpty() ||
                              !filter.appointmentType.isEmpty();
        QString statement = QStringLiteral(
            "SELECT m.patient_id, m.appointment_id, m.purpose = 'reminder', "
            "m.status = 'delivered', m.sent_at, CASE WHEN m.purpose = 'reminder' THEN EXISTS "
            "(SELECT 1 FROM appointment_status_history h WHERE h.appointment_id = "
            "m.appointment_id AND h.changed_at >= m.sent_at AND h.deleted = 0 AND h.to_status "
            "= 'confirmed' AND NOT EXISTS (SELECT 1 FROM appointment_status_history v WHERE "
            "v.reverts_id = h.id AND v.deleted = 0)) ELSE 0 END, m.purpose = 'survey', "
            "CASE WHEN m.purpose = 'survey' THEN EXISTS (SELECT 1 FROM survey_answers s WHERE "
            "s.question_message_id = m.id AND s.deleted = 0) ELSE 0 END");
        if (records)
            statement += QStringLiteral(", m.id");
        statement += QStringLiteral(" FROM messages m ");
        if (narrowed)
            statement += QStringLiteral("JOIN appointments a ON a.id = m.appointment_id ");
        statement += QStringLiteral(
            "WHERE m.deleted = 0 AND m.direction = 'outbound' AND m.status IN ('sent', "
            "'delivered') AND m.sent_at >= ? AND m.sent_at < ?");
        QVariantList values{from, to};
        if (narrowed)
            narrow(filter, statement, values);
        Status read = db.scan(statement, values, [&](const SqlRow &row) {
            KpiMessageFact m;
            m.patient = out.patientIds.intern(row.utf8(0));
            if (!row.isNull(1))
                m.appointment = out.appointmentIds.intern(row.utf8(1));
            m.reminder = row.integer(2) != 0;
            m.delivered = row.integer(3) != 0;
            m.atMs = row.integer(4);
            m.appointmentConfirmed = row.integer(5) != 0;
            m.survey = row.integer(6) != 0;
            m.surveyAnswered = row.integer(7) != 0;
            if (records)
                m.id = row.text(8);
            out.outbound.push_back(std::move(m));
        });
        if (!read)
            return read;
    }
    {
        // Only a reply about an appointment can confirm one: the others' text is not read. A
        // survey answer (purpose survey: "1" is the poorest score) confirms nothing.
        const qint64 until = to + qint64(KpiDefinitions::ResponseWindowHours) * 3600 * 1000;
        Status read = db.scan(
            QStringLiteral("SELECT patient_id, appointment_id, coalesce(sent_at, created_at), "
                           "CASE WHEN appointment_id IS NULL OR purpose = 'survey' THEN '' ELSE "
                           "body END FROM messages "
                           "WHERE deleted = 0 AND direction = 'inbound' AND ((sent_at >= ? AND "
                           "sent_at < ?) OR (sent_at IS NULL AND created_at >= ? AND "
                           "created_at < ?))"),
            {from, until, from, until}, [&](const SqlRow &row) {
                KpiMessageFact m;
                m.patient = out.patientIds.intern(row.utf8(0));
                if (!row.isNull(1)) {
                    m.appointment = out.appointmentIds.intern(row.utf8(1));
                    m.confirms = KpiDefinitions::confirms(row.text(3));
                }
                m.atMs = row.integer(2);
                out.inbound.push_back(std::move(m));
            });
        if (!read)
            return read;
    }
    {
        const bool narrowed = !filter.practitionerId.isEmpty() || !filter.locationId.isEmpty() ||
                              !filter.appointmentType.isEmpty();
        QString statement =
            QStringLiteral("SELECT s.patient_id, s.answered_at, s.score%1 FROM survey_answers s ")
                .arg(records ? QStringLiteral(", s.id") : QString());
        if (narrowed)
            statement += QStringLiteral("JOIN appointments a ON a.id = s.appointment_id ");
        statement +=
            QStringLiteral("WHERE s.deleted = 0 AND s.answered_at >= ? AND s.answered_at < ?");
        QVariantList values{from, to};
        if (narrowed)
            narrow(filter, statement, values);
        // The drill-down lists answers oldest first.
        statement += QStringLiteral(" ORDER BY s.answered_at, s.id");
        Status read = db.scan(statement, values, [&](const SqlRow &row) {
            KpiSurveyAnswerFact a;
            a.patient = out.patientIds.intern(row.utf8(0));
            a.atMs = row.integer(1);
            a.score = int(row.integer(2));
            if (records)
                a.id = row.text(3);
            out.surveyAnswers.push_back(std::move(a));
        });
        if (!read)
            return read;
    }
    {
        auto recalls = RecallRepository(db).overdueDue(recallsBefore, filter.practitionerId);
        if (!recalls)
            return fail(recalls.error());
        out.overdueRecalls = std::move(*recalls);
    }
    return {};
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

    const bool records = detail == Detail::Records;

    // The messages and recalls are read on a second connection, beside the appointments on
    // this one, when there is a worker; otherwise after them. The worker's connection has no
    // Session, so the permission its reads need is checked here.
    if (auto allowed = AccessGuard(m_db).requireRead(RecallRepository::table().resourceType);
        !allowed)
        return fail(allowed.error());
    MessageFacts messages;
    const QDate recallsBefore = std::min(filter.to.addDays(1), f.asOf);
    auto readOthers = [&](Database &db) {
        return readMessages(db, filter, from, to, recallsBefore, records, messages);
    };
    std::future<Status> othersRead;
    if (m_worker)
        othersRead = m_worker->run(readOthers);
    auto readAppointments = [&]() -> Status {
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
            if (records)
                statement += QStringLiteral(", a.id");
            statement += QStringLiteral(
                " FROM appointments a WHERE a.deleted = 0 AND a.start_at >= ? AND a.start_at < ?");
            QVariantList values{from, to};
            narrow(filter, statement, values);
            Status read = m_db.scan(statement, values, [&](const SqlRow &row) {
                KpiAppointmentFact a;
                a.patient = f.patientIds.intern(row.utf8(0));
                a.practitioner = f.practitionerIds.intern(row.utf8(1));
                a.status =
                    appointmentStatusFromUtf8(row.utf8(2)).value_or(AppointmentStatus::Booked);
                a.startMs = row.integer(3);
                a.endMs = row.integer(4);
                a.createdMs = row.integer(5);
                a.cancelledAtMs = row.integer(6);
                if (records)
                    a.id = row.text(7);
                f.appointments.push_back(std::move(a));
            });
            if (!read)
                return read;
        }
        {
            // First visits ever, whoever they were with, from previous.from on; everyone else in
            // the range came before.
            Status read = m_db.scan(
                QStringLiteral("SELECT patient_id, first_start_at FROM "
                               "patient_first_visits WHERE first_start_at >= ?"),
                {from}, [&](const SqlRow &row) {
                    f.firstVisits.emplace_back(f.patientIds.intern(row.utf8(0)), row.integer(1));
                });
            if (!read)
                return read;
        }
        {
            // Not DISTINCT: SQLite would sort the patients in a temporary b-tree, ten times the
            // cost of reading them off the index; the calculator counts each once.
            QString statement =
                QStringLiteral("SELECT a.patient_id FROM appointments a WHERE a.deleted = 0 "
                               "AND a.status IN ('in-room', 'completed') AND a.start_at >= ? AND "
                               "a.start_at < ?");
            QVariantList values{ms(beforePrevious.from), from};
            narrow(filter, statement, values);
            Status read = m_db.scan(statement, values, [&](const SqlRow &row) {
                f.seenBeforePrevious.push_back(f.patientIds.intern(row.utf8(0)));
            });
            if (!read)
                return read;
        }
        {
            const qint64 lookback =
                ms(previous.to.addDays(1).addDays(-KpiDefinitions::AtRiskLookbackDays));
            QString statement = QStringLiteral(
                "SELECT a.patient_id, a.start_at FROM appointments a WHERE a.deleted = 0 AND "
                "a.status = 'no-show' AND a.start_at >= ? AND a.start_at < ?");
            QVariantList values{std::min(lookback, from), to};
            narrow(filter, statement, values);
            Status read = m_db.scan(statement, values, [&](const SqlRow &row) {
                f.noShows.push_back({f.patientIds.intern(row.utf8(0)), row.integer(1)});
            });
            if (!read)
                return read;
        }
        {
            // Future visits may be with anyone: a patient booked elsewhere in the clinic is
            // engaged.
            Status read = m_db.scan(
                QStringLiteral(
                    "SELECT patient_id, max(start_at) FROM appointments WHERE deleted = 0 "
                    "AND status IN ('booked', 'confirmed') AND start_at >= ? "
                    "GROUP BY patient_id"),
                {std::min(ms(previous.to.addDays(1)), f.nowMs)}, [&](const SqlRow &row) {
                    f.latestBooked.emplace_back(f.patientIds.intern(row.utf8(0)), row.integer(1));
                });
            if (!read)
                return read;
        }
        return {};
    };
    const Status appointmentsRead = readAppointments();
    // Always waited for: the worker writes into `messages`.
    const Status messagesRead = m_worker ? othersRead.get() : readOthers(m_db);
    if (!appointmentsRead)
        return fail(appointmentsRead.error());
    if (!messagesRead)
        return fail(messagesRead.error());

    // The worker numbered its patients on its own; here they get the facts' numbers.
    std::vector<int> patientNumber(size_t(messages.patientIds.size()));
    for (int n = 0; n < messages.patientIds.size(); ++n)
        patientNumber[size_t(n)] = f.patientIds.intern(messages.patientIds.utf8(n));
    for (auto *list : {&messages.outbound, &messages.inbound})
        for (KpiMessageFact &m : *list)
            m.patient = patientNumber[size_t(m.patient)];
    for (KpiSurveyAnswerFact &a : messages.surveyAnswers)
        a.patient = patientNumber[size_t(a.patient)];
    f.surveyAnswers = std::move(messages.surveyAnswers);
    f.outbound = std::move(messages.outbound);
    f.inbound = std::move(messages.inbound);
    f.appointmentIds = std::move(messages.appointmentIds);
    f.overdueRecalls = std::move(messages.overdueRecalls);

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
