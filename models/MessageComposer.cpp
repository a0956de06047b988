#include "MessageComposer.h"

#include "ClinicSettings.h"
#include "access/Session.h"
#include "core/LocaleFormat.h"
#include "domain/AppointmentLabels.h"
#include "domain/MessageLabels.h"
#include "messaging/MessageTemplateRepository.h"
#include "messaging/SmsSegments.h"
#include "storage/AppointmentRepository.h"
#include "storage/AppointmentTypeRepository.h"
#include "storage/CommunicationPreferenceRepository.h"
#include "storage/ConsentRepository.h"
#include "storage/MessageRepository.h"
#include "storage/PatientRepository.h"
#include "storage/PractitionerRepository.h"

#include <QLocale>

namespace frontdesk {

QString ChannelChoice::note() const
{
    if (!decision.reason.isEmpty())
        return decision.reason;
    if (decision.allowed && address.isEmpty())
        return decision.channel == QLatin1String("sms")
                   ? MessageComposer::tr("The patient's record has no mobile phone number.")
                   : MessageComposer::tr("The patient's record has no e-mail address.");
    return {};
}

Result<QString> MessageComposer::recipient(const QString &patientId) const
{
    auto patient = PatientRepository(m_db).get(patientId);
    if (!patient)
        return fail(patient.error());
    return tr("%1 (%2)").arg(patient->displayName(), patient->mrn);
}

Result<QList<ChannelChoice>> MessageComposer::channels(const QString &patientId,
                                                       const QString &purpose) const
{
    auto patient = PatientRepository(m_db).get(patientId);
    if (!patient)
        return fail(patient.error());
    ContactFacts facts;
    facts.preferredChannel = patient->preferredChannel;
    auto preferences = CommunicationPreferenceRepository(m_db).forPatient(patientId);
    if (!preferences)
        return fail(preferences.error());
    facts.preferences = *preferences;
    auto consents = ConsentRepository(m_db).forPatient(patientId);
    if (!consents)
        return fail(consents.error());
    facts.consents = *consents;

    const ClinicSettings clinic(m_db);
    auto quiet = clinic.quietHours();
    if (!quiet)
        return fail(quiet.error());
    const ContactPolicy policy(clinic.clinicTime(), *quiet);
    QList<ChannelChoice> choices;
    for (const ContactDecision &decision : policy.decideAll(facts, purpose, clinic.nowUtc())) {
        ChannelChoice choice{decision, {}};
        choice.address = decision.channel == QLatin1String("sms") ? patient->phoneMobile.trimmed()
                                                                  : patient->email.trimmed();
        choices.append(choice);
    }
    return choices;
}

QString MessageComposer::appointmentLabel(Database &db, const ClinicSettings &clinic,
                                          const Appointment &a)
{
    QStringList parts{LocaleFormat::fullYearDateTime(clinic.clinicTime().toLocal(a.start))};
    auto type = AppointmentTypeRepository(db).byCode(a.type);
    parts << (type && *type ? (*type)->name : AppointmentLabels::type(a.type));
    if (auto who = PractitionerRepository(db).get(a.practitionerId))
        parts << who->displayName();
    return parts.join(QStringLiteral(" · "));
}

Result<QList<AppointmentChoice>> MessageComposer::appointments(const QString &patientId) const
{
    auto all = AppointmentRepository(m_db).forPatient(patientId);
    if (!all)
        return fail(all.error());
    const ClinicSettings clinic(m_db);
    const QDateTime since = clinic.nowUtc().addDays(-recentDays);
    QList<AppointmentChoice> choices;
    for (const Appointment &a : std::as_const(*all)) {
        if (a.meta.deleted || a.start < since || a.status == AppointmentStatus::Cancelled)
            continue;
        choices.append(
            {a.meta.id, a.start, a.start >= clinic.nowUtc(), appointmentLabel(m_db, clinic, a)});
    }
    std::sort(
        choices.begin(), choices.end(),
        [](const AppointmentChoice &x, const AppointmentChoice &y) { return x.start < y.start; });
    return choices;
}

Result<QList<MessageTemplate>> MessageComposer::templates(const QString &purpose,
                                                          const QString &channel) const
{
    return MessageTemplateRepository(m_db).active(purpose, channel);
}

Result<TemplateContext> MessageComposer::context(const QString &patientId,
                                                 const QString &appointmentId) const
{
    const ClinicSettings clinic(m_db);
    TemplateContext c;
    c.clinicName = clinic.clinicName();
    c.clinicPhone = clinic.clinicPhone();
    c.clinicTime = clinic.clinicTime();
    c.locale = QLocale();
    if (!patientId.isEmpty()) {
        auto patient = PatientRepository(m_db).get(patientId);
        if (!patient)
            return fail(patient.error());
        c.patient = *patient;
    }
    if (appointmentId.isEmpty())
        return c;
    auto appointment = AppointmentRepository(m_db).get(appointmentId);
    if (!appointment)
        return fail(appointment.error());
    if (!patientId.isEmpty() && appointment->patientId != patientId)
        return fail(tr("The appointment chosen is another patient's."));
    c.appointment = *appointment;
    if (!appointment->practitionerId.isEmpty()) {
        auto practitioner = PractitionerRepository(m_db).get(appointment->practitionerId);
        if (!practitioner)
            return fail(practitioner.error());
        c.practitioner = *practitioner;
    }
    auto type = AppointmentTypeRepository(m_db).byCode(appointment->type);
    if (!type)
        return fail(type.error());
    c.appointmentTypeName = *type ? (*type)->name : AppointmentLabels::type(appointment->type);
    return c;
}

Result<RenderedMessage> MessageComposer::fill(const MessageDraft &draft) const
{
    if (draft.templateName.isEmpty())
        return fill(draft, TemplateContext{});
    auto c = context(draft.patientId, draft.appointmentId);
    if (!c)
        return fail(c.error());
    return fill(draft, *c);
}

Result<RenderedMessage> MessageComposer::fill(const MessageDraft &draft,
                                              const TemplateContext &context)
{
    if (draft.templateName.isEmpty())
        return RenderedMessage{draft.subject.trimmed(), draft.body.trimmed()};
    MessageTemplate t;
    t.name = draft.templateName;
    t.purpose = draft.purpose;
    t.channel = draft.channel;
    t.subject = draft.subject;
    t.body = draft.body;
    return TemplateRenderer::render(t, context, draft.channel);
}

Result<QueuedMessage> MessageComposer::queue(const MessageDraft &draft)
{
    if (draft.patientId.isEmpty())
        return fail(tr("Choose the patient the message is for."));
    auto filled = fill(draft);
    if (!filled)
        return fail(filled.error());
    const QString body = filled->body;
    if (body.isEmpty())
        return fail(tr("The message is empty; write what the patient should read."));
    auto choices = channels(draft.patientId, draft.purpose);
    if (!choices)
        return fail(choices.error());
    const auto found = std::find_if(choices->cbegin(), choices->cend(), [&](const auto &c) {
        return c.decision.channel == draft.channel;
    });
    if (found == choices->cend())
        return fail(tr("A message goes by SMS or e-mail; \"%1\" is neither.").arg(draft.channel));
    if (!found->usable())
        return fail(tr("%1 cannot be used for this patient: %2")
                        .arg(MessageLabels::channel(draft.channel), found->note()));
    const bool sms = draft.channel == QLatin1String("sms");
    if (sms) {
        const SmsSegments parts = SmsSegments::count(body);
        if (parts.segments > maxSmsSegments)
            return fail(tr("This SMS would be sent in %1 parts; at most %2 are allowed. Shorten "
                           "it, or send it by e-mail.")
                            .arg(parts.segments)
                            .arg(maxSmsSegments));
    } else if (filled->subject.isEmpty()) {
        return fail(tr("An e-mail needs a subject."));
    }

    QueuedMessage queued;
    Message &m = queued.message;
    m.patientId = draft.patientId;
    m.appointmentId = draft.appointmentId;
    m.direction = QStringLiteral("outbound");
    m.channel = draft.channel;
    m.purpose = draft.purpose;
    m.subject = sms ? QString() : filled->subject;
    m.body = body;
    m.status = QStringLiteral("queued");
    m.templateName = draft.templateName;
    if (const Session *session = Session::of(m_db); session && session->account()) {
        m.authorId = session->account()->id;
        m.authorName = session->account()->displayName.isEmpty() ? session->account()->username
                                                                 : session->account()->displayName;
    }
    if (auto s = MessageRepository(m_db).save(m); !s)
        return fail(s.error());
    queued.sendAtUtc = found->decision.sendAtUtc;
    queued.note = found->note();
    return queued;
}

} // namespace frontdesk
