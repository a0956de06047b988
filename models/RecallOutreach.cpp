#include "RecallOutreach.h"

#include "ClinicSettings.h"
#include "MessageComposer.h"
#include "core/LocaleFormat.h"
#include "database/Database.h"
#include "domain/MessageLabels.h"
#include "messaging/MessageTemplateRepository.h"
#include "messaging/TemplateRenderer.h"
#include "storage/PatientRepository.h"
#include "storage/RecallRepository.h"

namespace frontdesk {

namespace {

const QString kPurpose = QStringLiteral("recall");

} // namespace

Status RecallOutreach::usable(const MessageTemplate &t)
{
    if (t.meta.deleted || !t.active)
        return fail(tr("The template \"%1\" is deactivated.").arg(t.name));
    if (t.purpose != kPurpose)
        return fail(tr("The template \"%1\" is for %2, not for recalls.")
                        .arg(t.name, MessageLabels::purpose(t.purpose)));
    return {};
}

Result<QList<MessageTemplate>> RecallOutreach::templates() const
{
    return MessageTemplateRepository(m_db).active(kPurpose, {});
}

Status RecallOutreach::decide(OutreachCandidate &c, const MessageTemplate *withTemplate) const
{
    MessageComposer composer(m_db);
    auto choices = composer.channels(c.patientId, kPurpose);
    if (!choices)
        return fail(choices.error());
    const ChannelChoice *send = nullptr;
    const ChannelChoice *task = nullptr;
    const ChannelChoice *noAddress = nullptr;
    for (const ChannelChoice &choice : std::as_const(*choices)) {
        if (!send && choice.usable())
            send = &choice;
        if (!task && (choice.decision.action == ContactDecision::Action::CallTask ||
                      choice.decision.action == ContactDecision::Action::LetterTask))
            task = &choice;
        if (!noAddress && choice.decision.allowed && choice.address.isEmpty())
            noAddress = &choice;
    }
    if (send) {
        c.action = OutreachCandidate::Action::Send;
        c.channel = send->decision.channel;
        c.note = send->note();
    } else if (task) {
        const bool call = task->decision.action == ContactDecision::Action::CallTask;
        c.action =
            call ? OutreachCandidate::Action::CallTask : OutreachCandidate::Action::LetterTask;
        c.channel = call ? Recall::callKind() : Recall::letterKind();
        c.note = task->decision.reason;
        c.text = call ? tr("Call about the recall: %1").arg(c.reason)
                      : tr("Send a letter about the recall: %1").arg(c.reason);
        return {};
    } else {
        c.action = OutreachCandidate::Action::Refused;
        // Both channels refuse alike for an opt-out; otherwise the wanted channel says most.
        c.note = noAddress ? noAddress->note() : choices->value(0).note();
        return {};
    }
    if (!withTemplate)
        return {};
    if (withTemplate->channel != QLatin1String("any") && withTemplate->channel != c.channel) {
        c.action = OutreachCandidate::Action::Refused;
        c.note = tr("The template \"%1\" is written for %2; this patient is written to by %3.")
                     .arg(withTemplate->name, MessageLabels::channel(withTemplate->channel),
                          MessageLabels::channel(c.channel));
        return {};
    }
    auto context = composer.context(c.patientId, {});
    if (!context)
        return fail(context.error());
    auto rendered = TemplateRenderer::render(*withTemplate, *context, c.channel);
    if (!rendered) {
        c.action = OutreachCandidate::Action::Refused;
        c.note = rendered.error();
        return {};
    }
    c.subject = c.channel == QLatin1String("sms") ? QString() : rendered->subject;
    c.text = rendered->body;
    return {};
}

Result<QList<OutreachCandidate>> RecallOutreach::due(QDate day, int months,
                                                     const MessageTemplate *withTemplate) const
{
    if (months < 0 || months > maxMonths)
        return fail(tr("The months without a visit must be between 0 and %1.").arg(maxMonths));
    if (withTemplate) {
        if (auto s = usable(*withTemplate); !s)
            return fail(s.error());
    }
    RecallRepository recalls(m_db);
    PatientRepository patients(m_db);
    const ClinicSettings clinic(m_db);
    QList<OutreachCandidate> out;
    auto describe = [&](OutreachCandidate &c) -> Status {
        auto patient = patients.get(c.patientId);
        if (!patient)
            return fail(patient.error());
        c.patientName = patient->displayName();
        c.mrn = patient->mrn;
        c.phone = !patient->phoneMobile.trimmed().isEmpty() ? patient->phoneMobile.trimmed()
                                                            : patient->phoneHome.trimmed();
        return decide(c, withTemplate);
    };

    auto open = recalls.overdue(day.addDays(1));
    if (!open)
        return fail(open.error());
    for (const Recall &r : std::as_const(*open)) {
        if (r.contacted())
            continue;
        OutreachCandidate c;
        c.recallId = r.meta.id;
        c.patientId = r.patientId;
        c.dueOn = r.dueOn;
        c.reason = r.reason;
        if (auto s = describe(c); !s)
            return fail(s.error());
        out.append(c);
    }
    if (months == 0)
        return out;

    const QDate since = day.addMonths(-months);
    auto lapsed = recalls.lapsed(clinic.clinicTime().startOfDayUtc(since));
    if (!lapsed)
        return fail(lapsed.error());
    for (const LapsedPatient &p : std::as_const(*lapsed)) {
        OutreachCandidate c;
        c.patientId = p.patientId;
        c.lastVisitUtc = p.lastVisitUtc;
        c.dueOn = clinic.clinicTime().toLocal(p.lastVisitUtc).date().addMonths(months);
        c.reason = tr("No visit since %1.")
                       .arg(LocaleFormat::fullYearDate(
                           clinic.clinicTime().toLocal(p.lastVisitUtc).date()));
        if (auto s = describe(c); !s)
            return fail(s.error());
        out.append(c);
    }
    return out;
}

OutreachResult RecallOutreach::contact(const OutreachCandidate &c, const MessageTemplate &t,
                                       int months)
{
    OutreachResult result;
    result.candidate = c;
    result.recallId = c.recallId;
    if (!c.contactable()) {
        result.outcome = OutreachResult::Outcome::Refused;
        result.note = c.note;
        return result;
    }
    const ClinicSettings clinic(m_db);
    Status written = m_db.write([&]() -> Status {
        RecallRepository recalls(m_db);
        Recall recall;
        if (c.byAbsence()) {
            recall.patientId = c.patientId;
            recall.dueOn = c.dueOn;
            recall.reason = tr("No visit for %n month(s).", nullptr, months);
            if (auto s = recalls.save(recall); !s)
                return s;
        } else {
            auto stored = recalls.get(c.recallId);
            if (!stored)
                return fail(stored.error());
            // Another workstation or an earlier batch may have got there first.
            if (stored->contacted() || stored->status != Recall::open())
                return fail(tr("The recall was contacted or closed meanwhile."));
            recall = *stored;
        }
        if (c.action == OutreachCandidate::Action::Send) {
            MessageDraft draft;
            draft.patientId = c.patientId;
            draft.purpose = kPurpose;
            draft.channel = c.channel;
            draft.subject = t.subject;
            draft.body = t.body;
            draft.templateName = t.name;
            auto queued = MessageComposer(m_db).queue(draft);
            if (!queued)
                return fail(queued.error());
            result.outcome = OutreachResult::Outcome::Queued;
            result.recordId = queued->message.meta.id;
            result.note = queued->note;
        } else {
            Recall task;
            task.patientId = c.patientId;
            task.practitionerId = recall.practitionerId;
            task.kind = c.channel;
            task.dueOn = clinic.today();
            task.reason = c.text;
            if (auto s = recalls.save(task); !s)
                return s;
            result.outcome = OutreachResult::Outcome::Task;
            result.recordId = task.meta.id;
        }
        recall.contactedAt = clinic.nowUtc();
        recall.contactChannel = c.channel;
        recall.contactRef = result.recordId;
        if (auto s = recalls.save(recall); !s)
            return s;
        result.recallId = recall.meta.id;
        return {};
    });
    if (!written) {
        result.outcome = OutreachResult::Outcome::Failed;
        result.recordId.clear();
        result.recallId = c.recallId;
        result.note = written.error();
    }
    return result;
}

Result<QList<OutreachResult>> RecallOutreach::send(QDate day, int months, const MessageTemplate &t)
{
    auto candidates = due(day, months, &t);
    if (!candidates)
        return fail(candidates.error());
    QList<OutreachResult> results;
    for (const OutreachCandidate &c : std::as_const(*candidates))
        results.append(contact(c, t, months));
    return results;
}

} // namespace frontdesk
