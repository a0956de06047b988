#include "PatientTimeline.h"

#include "access/AccessGuard.h"
#include "access/Permissions.h"
#include "database/Database.h"
#include "domain/Appointment.h"
#include "domain/AppointmentLabels.h"
#include "domain/ConsentLabels.h"
#include "domain/CoverageLabels.h"
#include "domain/MessageLabels.h"
#include "storage/AppointmentRepository.h"
#include "storage/ColumnValues.h"
#include "storage/ConsentRepository.h"
#include "storage/CoverageRepository.h"
#include "storage/EncounterRepository.h"
#include "storage/PatientReplies.h"

#include <QLocale>

#include <algorithm>

namespace frontdesk {

QString PatientTimeline::kindName(TimelineEvent::Kind kind)
{
    switch (kind) {
    case TimelineEvent::Kind::Appointment:
        return tr("Appointment");
    case TimelineEvent::Kind::Message:
        return tr("Message");
    case TimelineEvent::Kind::Consent:
        return tr("Consent");
    case TimelineEvent::Kind::Insurance:
        return tr("Insurance");
    case TimelineEvent::Kind::Encounter:
        return tr("Visit note");
    }
    return {};
}

Result<QList<TimelineEvent>> PatientTimeline::load(const QString &patientId,
                                                   const QSet<TimelineEvent::Kind> &kinds,
                                                   const std::optional<ClinicalAccess> &visitNotes)
{
    auto wanted = [&kinds](TimelineEvent::Kind k) { return kinds.isEmpty() || kinds.contains(k); };
    QList<TimelineEvent> events;

    if (wanted(TimelineEvent::Kind::Appointment)) {
        auto appointments = AppointmentRepository(m_db).forPatient(patientId);
        if (!appointments)
            return fail(appointments.error());
        QStringList ids;
        for (const Appointment &a : *appointments)
            ids << a.meta.id;
        QHash<QString, QList<PatientReplies::Reply>> replies;
        if (AccessGuard(m_db).require(Permission::ViewMessages)) {
            auto read = PatientReplies(m_db).forAppointments(ids);
            if (!read)
                return fail(read.error());
            replies = std::move(*read);
        }
        for (const Appointment &a : *appointments) {
            if (a.meta.deleted)
                continue;
            TimelineEvent e{TimelineEvent::Kind::Appointment, a.start,
                            tr("%1 — %2").arg(AppointmentLabels::type(a.type),
                                              AppointmentLabels::status(a.status)),
                            a.reason, a.meta.id};
            if (replies.contains(a.meta.id)) {
                e.title = tr("%1 · patient replied", "timeline: an appointment · a reply waits")
                              .arg(e.title);
                e.pendingReplyAppointmentId = a.meta.id;
            }
            events << e;
        }
    }
    if (wanted(TimelineEvent::Kind::Message)) {
        if (AccessGuard(m_db).requireRead(QStringLiteral("Communication"))) {
            auto q = m_db.query(
                QStringLiteral("SELECT id, created_at, sent_at, direction, channel, purpose, "
                               "subject, body, status, appointment_id FROM messages WHERE "
                               "patient_id = ? AND deleted = 0"),
                {patientId});
            if (!q)
                return fail(q.error());
            while (q->next()) {
                const QDateTime sent = columns::toTime(q->value(2));
                const bool inbound = q->value(3).toString() == QLatin1String("inbound");
                const QString subject = q->value(6).toString();
                Message reply;
                reply.direction = q->value(3).toString();
                reply.appointmentId = q->value(9).toString();
                reply.status = q->value(8).toString();
                reply.body = q->value(7).toString();
                const bool pending = PatientReplies::needsAttention(reply);
                events << TimelineEvent{TimelineEvent::Kind::Message,
                                        sent.isValid() ? sent : columns::toTime(q->value(1)),
                                        (inbound ? tr("%1 from the patient (%2, %3)")
                                                 : tr("%1 to the patient (%2, %3)"))
                                            .arg(MessageLabels::channel(q->value(4).toString()),
                                                 MessageLabels::purpose(q->value(5).toString()),
                                                 MessageLabels::status(q->value(8).toString())),
                                        subject.isEmpty() ? q->value(7).toString() : subject,
                                        q->value(0).toString(),
                                        pending ? reply.appointmentId : QString()};
            }
        }
    }
    if (wanted(TimelineEvent::Kind::Consent)) {
        auto consents = ConsentRepository(m_db).forPatient(patientId);
        if (!consents)
            return fail(consents.error());
        for (const Consent &c : *consents)
            events << TimelineEvent{
                TimelineEvent::Kind::Consent, c.decidedAt,
                (c.status == QLatin1String("given") ? tr("Consent given: %1")
                                                    : tr("Consent withdrawn: %1"))
                    .arg(ConsentLabels::type(c.type)),
                c.recordedBy.isEmpty() ? c.note : tr("recorded by %1").arg(c.recordedBy),
                c.meta.id};
    }
    if (wanted(TimelineEvent::Kind::Insurance)) {
        auto coverages = CoverageRepository(m_db).forPatient(patientId);
        if (!coverages)
            return fail(coverages.error());
        const QLocale locale;
        for (const Coverage &c : *coverages) {
            events << TimelineEvent{TimelineEvent::Kind::Insurance,
                                    QDateTime::fromMSecsSinceEpoch(c.meta.createdAt, Qt::UTC),
                                    tr("Insurance added: %1").arg(c.payer),
                                    tr("member %1").arg(c.memberId), c.meta.id};
            if (c.eligibilityCheckedAt.isValid())
                events << TimelineEvent{
                    TimelineEvent::Kind::Insurance, c.eligibilityCheckedAt,
                    tr("Eligibility checked: %1").arg(CoverageLabels::eligibility(c.eligibility)),
                    c.payer, c.meta.id};
        }
    }
    // Encounters carry clinical notes: only past the clinical gate, for this very patient.
    if (wanted(TimelineEvent::Kind::Encounter) && visitNotes) {
        if (visitNotes->patientId() != patientId)
            return fail(tr("The visit notes were opened for another patient."));
        auto encounters = EncounterRepository(m_db).forPatient(*visitNotes);
        if (!encounters)
            return fail(encounters.error());
        for (const Encounter &e : *encounters) {
            QString title = e.type.display.isEmpty() ? tr("Visit") : e.type.display;
            if (!e.practitionerName.isEmpty())
                title += tr(" with %1").arg(e.practitionerName);
            events << TimelineEvent{TimelineEvent::Kind::Encounter,
                                    e.start.isValid()
                                        ? e.start
                                        : QDateTime::fromMSecsSinceEpoch(e.meta.createdAt, Qt::UTC),
                                    title, e.notes.isEmpty() ? e.reason : e.notes, e.meta.id};
        }
    }
    std::stable_sort(events.begin(), events.end(),
                     [](const TimelineEvent &a, const TimelineEvent &b) { return a.at > b.at; });
    return events;
}

} // namespace frontdesk
