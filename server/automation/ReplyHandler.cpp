#include "ReplyHandler.h"

#include "AutomatedRecords.h"
#include "ClinicContext.h"
#include "ServerTexts.h"
#include "SurveyReplies.h"
#include "database/Database.h"
#include "domain/CommunicationPreference.h"
#include "domain/Recall.h"
#include "domain/StatusChange.h"
#include "domain/SurveyAnswer.h"
#include "fhir/BookingMapping.h"
#include "fhir/CommunicationMapping.h"
#include "fhir/FhirMapping.h"
#include "fhir/PatientRecordMapping.h"
#include "fhir/ScheduleMapping.h"
#include "scheduling/StatusTransitions.h"
#include "scheduling/WaitlistMatcher.h"

#include <algorithm>

namespace frontdesk::server {

namespace {

const QString kAppointment = QStringLiteral("Appointment");

QJsonObject why(ReplyWords::Meaning meaning)
{
    return {{QStringLiteral("automation"), QStringLiteral("sms-reply")},
            {QStringLiteral("reply"), ReplyWords::name(meaning)}};
}

} // namespace

Result<ReplyHandler::Outcome> ReplyHandler::handle(Message &inbound)
{
    Outcome outcome;
    outcome.meaning = ReplyWords::classify(inbound.body);
    if (inbound.patientId.isEmpty()) {
        // STOP is about the number: everyone who has it is opted out. Nothing else is decided
        // for a patient the message may not be from.
        if (outcome.meaning == ReplyWords::Meaning::Stop &&
            !inbound.candidatePatientIds.isEmpty()) {
            for (const QString &candidate : inbound.candidatePatientIds) {
                if (auto s = optOutOfSms(candidate, outcome); !s)
                    return fail(s.error());
            }
            inbound.status = QStringLiteral("handled");
            outcome.note = QStringLiteral("unassigned: the %1 patients with this number opted out "
                                          "of SMS")
                               .arg(inbound.candidatePatientIds.size());
            return outcome;
        }
        outcome.note = QStringLiteral("unassigned: left for a person");
        return outcome;
    }
    auto reminded = reminderAnswered(inbound.patientId);
    if (!reminded)
        return fail(reminded.error());
    if (reminded->has_value()) {
        inbound.appointmentId = (*reminded)->appointmentId;
        outcome.appointmentId = inbound.appointmentId;
    }
    if (const std::optional<int> number = SurveyAnswer::numberIn(inbound.body)) {
        auto survey = SurveyReplies(m_db).answer(
            inbound, *number, reminded->has_value() ? (*reminded)->remindedAtMs : 0);
        if (!survey)
            return fail(survey.error());
        if (survey->awaited) {
            outcome.surveyAnswer = true;
            outcome.meaning = ReplyWords::Meaning::Other;
            outcome.acted = survey->recorded;
            outcome.appointmentId = survey->appointmentId;
            outcome.note = survey->note;
            return outcome;
        }
    }
    Status done;
    switch (outcome.meaning) {
    case ReplyWords::Meaning::Stop:
        done = optOutOfSms(inbound.patientId, outcome);
        break;
    case ReplyWords::Meaning::Confirm:
    case ReplyWords::Meaning::Cancel:
        if (!reminded->has_value()) {
            outcome.note = QStringLiteral("no reminder of an appointment to come awaits an "
                                          "answer: left for a person");
            break;
        }
        if (outcome.meaning == ReplyWords::Meaning::Confirm) {
            done = changeStatus(**reminded, AppointmentStatus::Confirmed, {}, outcome);
            break;
        }
        done = changeStatus(**reminded, AppointmentStatus::Cancelled,
                            ServerTexts::text(ServerTexts::Text::CancelledBySms), outcome);
        if (done && outcome.acted) {
            auto clinic = ClinicContext::load(m_db);
            if (!clinic)
                return fail(clinic.error());
            Appointment freed = (*reminded)->appointment;
            done = offerToWaitlist(freed, *clinic, outcome);
        }
        break;
    case ReplyWords::Meaning::Other:
        outcome.note = QStringLiteral("not a reply word: left for a person");
        break;
    }
    if (!done)
        return fail(done.error());
    if (outcome.acted)
        inbound.status = QStringLiteral("handled");
    return outcome;
}

Result<std::optional<ReplyHandler::Reminded>>
ReplyHandler::reminderAnswered(const QString &patientId) const
{
    AutomatedRecords records(m_db);
    auto sent = records.ofPatient(QStringLiteral("Communication"), patientId);
    if (!sent)
        return fail(sent.error());
    struct Candidate
    {
        qint64 at = 0;
        QString appointmentId;
    };
    QList<Candidate> reminders;
    for (const StoredResource &r : *sent) {
        auto m = CommunicationMapping::messageFromFhir(r.content);
        if (!m || m->direction != QLatin1String("outbound") ||
            m->purpose != QLatin1String("reminder") || m->appointmentId.isEmpty() ||
            m->status == QLatin1String("failed"))
            continue;
        reminders.append({m->sentAt.isValid() ? m->sentAt.toMSecsSinceEpoch() : r.lastUpdated,
                          m->appointmentId});
    }
    std::sort(reminders.begin(), reminders.end(),
              [](const Candidate &a, const Candidate &b) { return a.at > b.at; });
    const qint64 now = m_db.clock().nowMs();
    for (const Candidate &c : reminders) {
        auto stored = records.current(kAppointment, c.appointmentId);
        if (!stored)
            return fail(stored.error());
        if (!stored->has_value() || BookingMapping::isWaitlistEntry((*stored)->content))
            continue;
        auto a = ScheduleMapping::appointmentFromFhir((*stored)->content);
        if (!a)
            return fail(
                tr("Appointment/%1 is stored but unreadable: %2").arg(c.appointmentId, a.error()));
        a->meta.id = c.appointmentId;
        if (a->start.toMSecsSinceEpoch() <= now || StatusTransitions::isFinal(a->status))
            continue;
        return std::optional<Reminded>(Reminded{c.appointmentId, *a, (*stored)->content, c.at});
    }
    return std::optional<Reminded>();
}

Status ReplyHandler::changeStatus(const Reminded &r, AppointmentStatus to, const QString &reason,
                                  Outcome &outcome)
{
    const Appointment &before = r.appointment;
    if (before.status == to) {
        outcome.acted = true;
        outcome.note =
            QStringLiteral("the appointment was already %1").arg(appointmentStatusName(to));
        return {};
    }
    const CancelledBy by =
        to == AppointmentStatus::Cancelled ? CancelledBy::Patient : CancelledBy::Nobody;
    const qint64 now = m_db.clock().nowMs();
    if (auto allowed = StatusTransitions::check(before, {to, reason, by}, now); !allowed) {
        outcome.note = QStringLiteral("refused by the status rules (%1): left for a person")
                           .arg(allowed.error());
        return {};
    }
    Appointment after = before;
    after.status = to;
    auto series = BookingMapping::seriesIdOf(r.content);
    if (!series)
        return fail(series.error());
    AutomatedRecords records(m_db);
    const QJsonObject detail = why(outcome.meaning);
    return m_db.write([&]() -> Status {
        auto saved = records.save(
            kAppointment, r.appointmentId,
            BookingMapping::withSeries(
                ScheduleMapping::toFhir(after, ScheduleMapping::isDoubleBooked(r.content)),
                *series),
            QStringLiteral("update"), detail);
        if (!saved)
            return fail(saved.error());
        StatusChange change;
        change.appointmentId = r.appointmentId;
        change.patientId = before.patientId;
        change.from = before.status;
        change.to = to;
        change.changedAtMs = now;
        change.changedBy = AutomatedRecords::author();
        change.reason = reason;
        change.cancelledBy = by;
        auto provenance =
            records.save(QStringLiteral("Provenance"), {}, BookingMapping::toFhir(change),
                         QStringLiteral("create"), detail);
        if (!provenance)
            return fail(provenance.error());
        outcome.acted = true;
        outcome.note = QStringLiteral("Appointment/%1 %2 (Provenance/%3)")
                           .arg(r.appointmentId, appointmentStatusName(to), provenance->id);
        return {};
    });
}

Status ReplyHandler::offerToWaitlist(const Appointment &freed, const ClinicContext &clinic,
                                     Outcome &outcome)
{
    AutomatedRecords records(m_db);
    auto stored =
        records.withToken(kAppointment, QStringLiteral("status"), QStringLiteral("waitlist"));
    if (!stored)
        return fail(stored.error());
    QList<WaitlistEntry> waiting;
    for (const StoredResource &r : *stored) {
        auto e = BookingMapping::waitlistEntryFromFhir(r.content);
        if (!e)
            return fail(tr("Appointment/%1 is stored but unreadable: %2").arg(r.id, e.error()));
        e->meta.id = r.id;
        // The patient who just cancelled is not offered their own time back.
        if (e->status == QLatin1String("waiting") && e->patientId != freed.patientId)
            waiting << *e;
    }
    const QList<WaitlistEntry> suited =
        WaitlistMatcher(clinic.time.zone())
            .matches(waiting, {freed.practitionerId, freed.start, freed.end});
    if (suited.isEmpty())
        return {};
    QString practitioner = freed.practitionerId;
    auto who = records.current(QStringLiteral("Practitioner"), freed.practitionerId);
    if (!who)
        return fail(who.error());
    if (who->has_value()) {
        if (auto p = ScheduleMapping::practitionerFromFhir((*who)->content); p)
            practitioner = p->displayName();
    }
    const QString when = ServerTexts::when(clinic.time.toLocal(freed.start));
    for (qsizetype i = 0; i < suited.size() && i < kMaxOffers; ++i) {
        Recall offer;
        offer.patientId = suited[i].patientId;
        offer.practitionerId = freed.practitionerId;
        offer.kind = Recall::offerKind();
        offer.dueOn = clinic.time.today(m_db.clock());
        offer.reason = ServerTexts::text(ServerTexts::Text::WaitlistOffer)
                           .arg(when)
                           .arg(freed.minutes())
                           .arg(practitioner);
        QJsonObject detail = why(outcome.meaning);
        detail.insert(QStringLiteral("waitlist_entry"), suited[i].meta.id);
        detail.insert(QStringLiteral("freed_appointment"), freed.meta.id);
        auto saved = records.save(QStringLiteral("Task"), {}, PatientRecordMapping::toFhir(offer),
                                  QStringLiteral("create"), detail);
        if (!saved)
            return fail(saved.error());
        outcome.offers << saved->id;
    }
    outcome.note += QStringLiteral("; offered to %1 waiting patient(s)").arg(outcome.offers.size());
    return {};
}

Status ReplyHandler::optOutOfSms(const QString &patientId, Outcome &outcome)
{
    AutomatedRecords records(m_db);
    auto facts = records.contactFacts(patientId, QStringLiteral("sms"));
    if (!facts)
        return fail(facts.error());
    const QString patientRef = QStringLiteral("Patient/") + patientId;
    const QJsonObject detail = why(outcome.meaning);
    int changed = 0;
    const Status s = m_db.write([&]() -> Status {
        for (const QString &purpose : CommunicationPreference::purposes()) {
            const auto found = std::find_if(
                facts->preferences.cbegin(), facts->preferences.cend(),
                [&](const CommunicationPreference &p) { return p.purpose == purpose; });
            CommunicationPreference p;
            if (found != facts->preferences.cend()) {
                if (found->channel != QLatin1String("sms") || found->optedOut)
                    continue;
                p = *found;
            } else {
                p.patientId = patientId;
                p.purpose = purpose;
                p.channel = QStringLiteral("sms");
            }
            p.optedOut = true;
            auto saved = records.save(
                QStringLiteral("Consent"), p.meta.id, FhirMapping::toFhir(p, patientRef),
                p.meta.id.isEmpty() ? QStringLiteral("create") : QStringLiteral("update"), detail);
            if (!saved)
                return fail(saved.error());
            ++changed;
        }
        return {};
    });
    if (!s)
        return s;
    outcome.acted = true;
    outcome.note = QStringLiteral("opted out of SMS (%1 preference(s) changed)").arg(changed);
    return {};
}

} // namespace frontdesk::server
