#include "ReminderPlanner.h"

#include "AutomatedRecords.h"
#include "ClinicContext.h"
#include "database/Database.h"
#include "domain/Recall.h"
#include "fhir/CommunicationMapping.h"
#include "fhir/FhirMapping.h"
#include "fhir/MessageTemplateMapping.h"
#include "fhir/PatientRecordMapping.h"
#include "fhir/ScheduleMapping.h"
#include "messaging/TemplateRenderer.h"

#include <QJsonDocument>
#include <QSqlQuery>

#include <algorithm>

namespace frontdesk::server {

namespace {

constexpr int minutesPerDay = 24 * 60;
// How far a calendar day may be from 24 hours: appointments this much beyond the largest
// offset are looked at too.
constexpr qint64 dstMarginMs = 2LL * 24 * 60 * 60 * 1000;

} // namespace

QDateTime ReminderPlanner::dueAt(const QDateTime &startUtc, int offsetMinutes,
                                 const ClinicTime &clinic)
{
    const int days = offsetMinutes / minutesPerDay;
    const int rest = offsetMinutes % minutesPerDay;
    return clinic.toLocal(startUtc).addDays(-days).addSecs(-qint64(rest) * 60).toUTC();
}

Result<QList<PlannedReminder>> ReminderPlanner::due() const
{
    QList<PlannedReminder> out;
    auto rules = ReminderRules(m_db).all();
    if (!rules)
        return fail(rules.error());
    QList<ReminderRule> active;
    int longest = 0;
    for (const ReminderRule &r : *rules) {
        if (r.active) {
            active << r;
            longest = std::max(longest, r.offsetMinutes);
        }
    }
    if (active.isEmpty())
        return out;
    auto clinic = ClinicContext::load(m_db);
    if (!clinic)
        return fail(clinic.error());
    const qint64 now = m_db.clock().nowMs();
    auto q = m_db.query(
        QStringLiteral("SELECT s.id, r.content FROM appointment_slots s JOIN resources r ON "
                       "r.type = 'Appointment' AND r.id = s.id WHERE r.deleted = 0 AND "
                       "s.status IN ('booked', 'confirmed') AND s.start_ms > ? AND "
                       "s.start_ms <= ? ORDER BY s.start_ms, s.id"),
        {now, now + qint64(longest) * 60 * 1000 + dstMarginMs});
    if (!q)
        return fail(q.error());
    QList<std::pair<QString, QJsonObject>> appointments;
    while (q->next())
        appointments.append({q->value(0).toString(),
                             QJsonDocument::fromJson(q->value(1).toString().toUtf8()).object()});
    for (const auto &[id, content] : appointments) {
        auto a = ScheduleMapping::appointmentFromFhir(content);
        if (!a)
            return fail(tr("Appointment/%1 is stored but unreadable: %2").arg(id, a.error()));
        for (const ReminderRule &rule : active) {
            if (!rule.appointmentType.isEmpty() && rule.appointmentType != a->type)
                continue;
            if (dueAt(a->start, rule.offsetMinutes, clinic->time).toMSecsSinceEpoch() > now)
                continue;
            auto made = m_db.scalar(QStringLiteral("SELECT count(*) FROM reminders_made WHERE "
                                                   "appointment_id = ? AND rule_id = ? AND "
                                                   "start_ms = ?"),
                                    {id, rule.id, a->start.toMSecsSinceEpoch()});
            if (!made)
                return fail(made.error());
            if (made->toLongLong() > 0)
                continue;
            auto p = plan(rule, id, content, *clinic);
            if (!p)
                return fail(p.error());
            out << *p;
        }
    }
    return out;
}

Result<PlannedReminder> ReminderPlanner::plan(const ReminderRule &rule,
                                              const QString &appointmentId,
                                              const QJsonObject &content,
                                              const ClinicContext &clinic) const
{
    auto a = ScheduleMapping::appointmentFromFhir(content);
    if (!a)
        return fail(a.error());
    a->meta.id = appointmentId;
    PlannedReminder p;
    p.rule = rule;
    p.appointmentId = appointmentId;
    p.patientId = a->patientId;
    p.startUtc = a->start;
    p.dueUtc = dueAt(a->start, rule.offsetMinutes, clinic.time);
    const QDateTime now = m_db.clock().nowUtc();

    AutomatedRecords records(m_db);
    auto storedPatient = records.current(QStringLiteral("Patient"), a->patientId);
    if (!storedPatient)
        return fail(storedPatient.error());
    if (!storedPatient->has_value()) {
        p.reason = tr("The patient is not on this server.");
        return p;
    }
    auto patient = FhirMapping::patientFromFhir((*storedPatient)->content);
    if (!patient)
        return fail(patient.error());
    patient->meta.id = a->patientId;
    p.patientName = patient->givenName + QLatin1Char(' ') + patient->familyName;

    auto booked = m_db.scalar(QStringLiteral("SELECT min(last_updated) FROM resource_versions "
                                             "WHERE type = 'Appointment' AND id = ?"),
                              {appointmentId});
    if (!booked)
        return fail(booked.error());
    if (booked->toLongLong() > p.dueUtc.toMSecsSinceEpoch()) {
        p.reason = tr("Booked after this reminder's time.");
        return p;
    }

    // The patient's own preferred channel does not travel with the Patient: SMS to a mobile
    // number, else e-mail, stands for it; a reminder preference decides over both.
    const QString wanted = !patient->phoneMobile.trimmed().isEmpty() ? QStringLiteral("sms")
                           : !patient->email.trimmed().isEmpty()     ? QStringLiteral("email")
                                                                     : QStringLiteral("sms");
    auto facts = records.contactFacts(a->patientId, wanted);
    if (!facts)
        return fail(facts.error());
    QString channel = wanted;
    for (const CommunicationPreference &pref : facts->preferences) {
        if (pref.purpose == QLatin1String("reminder") &&
            ContactPolicy::sendChannels().contains(pref.channel))
            channel = pref.channel;
    }
    const ContactDecision decision =
        clinic.policy().decide(*facts, QStringLiteral("reminder"), channel, now);
    const QString when =
        QLocale().toString(clinic.time.toLocal(a->start), QStringLiteral("ddd yyyy-MM-dd HH:mm"));
    if (decision.action == ContactDecision::Action::CallTask ||
        decision.action == ContactDecision::Action::LetterTask) {
        const bool call = decision.action == ContactDecision::Action::CallTask;
        p.action = PlannedReminder::Action::Task;
        p.channel = call ? QStringLiteral("phone") : QStringLiteral("letter");
        p.body = call ? tr("Call to remind of the appointment on %1 (the patient prefers a call).")
                            .arg(when)
                      : tr("Send a letter to remind of the appointment on %1 (the patient "
                           "prefers letters).")
                            .arg(when);
        return p;
    }
    if (!decision.allowed) {
        p.reason = decision.reason;
        return p;
    }
    if (channel == QLatin1String("sms") && patient->phoneMobile.trimmed().isEmpty() &&
        patient->phoneHome.trimmed().isEmpty()) {
        p.reason = tr("The patient has no phone number.");
        return p;
    }
    if (channel == QLatin1String("email") && patient->email.trimmed().isEmpty()) {
        p.reason = tr("The patient has no e-mail address.");
        return p;
    }

    MessageTemplate text;
    text.purpose = QStringLiteral("reminder");
    text.subject = tr("Appointment reminder");
    text.body = rule.body;
    if (!rule.templateName.isEmpty()) {
        auto found = templateNamed(rule.templateName, channel);
        if (!found)
            return fail(found.error());
        if (!found->has_value()) {
            p.reason = tr("There is no active template \"%1\" for %2 on this server.")
                           .arg(rule.templateName, channel);
            p.ruleProblem = true;
            return p;
        }
        text = **found;
    }
    TemplateContext context;
    context.patient = *patient;
    context.appointment = *a;
    auto storedPractitioner = records.current(QStringLiteral("Practitioner"), a->practitionerId);
    if (!storedPractitioner)
        return fail(storedPractitioner.error());
    if (storedPractitioner->has_value()) {
        if (auto dr = ScheduleMapping::practitionerFromFhir((*storedPractitioner)->content); dr)
            context.practitioner = *dr;
    }
    context.clinicName = clinic.name;
    context.clinicPhone = clinic.phone;
    context.clinicTime = clinic.time;
    context.locale =
        patient->preferredLanguage.isEmpty() ? QLocale() : QLocale(patient->preferredLanguage);
    auto rendered = TemplateRenderer::render(text, context, channel);
    if (!rendered) {
        p.reason = rendered.error();
        return p;
    }
    p.action = PlannedReminder::Action::Queue;
    p.channel = channel;
    p.subject = channel == QLatin1String("email") ? rendered->subject : QString();
    p.body = rendered->body;
    if (decision.sendAtUtc > now)
        p.reason = decision.reason;
    return p;
}

Result<std::optional<MessageTemplate>> ReminderPlanner::templateNamed(const QString &name,
                                                                      const QString &channel) const
{
    auto stored = ResourceStore(m_db).ofType(QStringLiteral("Basic"));
    if (!stored)
        return fail(stored.error());
    for (const StoredResource &r : *stored) {
        if (!MessageTemplateMapping::isMessageTemplate(r.content))
            continue;
        auto t = MessageTemplateMapping::fromFhir(r.content);
        if (!t)
            return fail(tr("Basic/%1 is stored but unreadable: %2").arg(r.id, t.error()));
        if (t->active && t->name == name && t->fitsChannel(channel))
            return std::optional<MessageTemplate>(*t);
    }
    return std::optional<MessageTemplate>();
}

Result<QList<PlannedReminder>> ReminderPlanner::makeDue()
{
    auto planned = due();
    if (!planned)
        return fail(planned.error());
    auto clinic = ClinicContext::load(m_db);
    if (!clinic)
        return fail(clinic.error());
    QList<PlannedReminder> made;
    for (const PlannedReminder &p : *planned) {
        bool didMake = false;
        if (auto s = make(p, *clinic, &didMake); !s)
            return fail(s.error());
        if (didMake)
            made << p;
    }
    return made;
}

Status ReminderPlanner::make(const PlannedReminder &p, const ClinicContext &clinic, bool *made)
{
    *made = false;
    if (p.ruleProblem)
        return {};
    return m_db.write([&]() -> Status {
        // Inside the write lock: whichever process comes second finds the row and stops.
        auto exists = m_db.scalar(QStringLiteral("SELECT count(*) FROM reminders_made WHERE "
                                                 "appointment_id = ? AND rule_id = ? AND "
                                                 "start_ms = ?"),
                                  {p.appointmentId, p.rule.id, p.startUtc.toMSecsSinceEpoch()});
        if (!exists)
            return fail(exists.error());
        if (exists->toLongLong() > 0)
            return {};
        AutomatedRecords records(m_db);
        const QJsonObject detail{{QStringLiteral("automation"), QStringLiteral("reminder")},
                                 {QStringLiteral("rule"), p.rule.id},
                                 {QStringLiteral("appointment"), p.appointmentId}};
        QString recordType;
        QString recordId;
        QString outcome = QStringLiteral("skipped");
        if (p.action == PlannedReminder::Action::Queue) {
            Message m;
            m.patientId = p.patientId;
            m.appointmentId = p.appointmentId;
            m.channel = p.channel;
            m.purpose = QStringLiteral("reminder");
            m.subject = p.subject;
            m.body = p.body;
            // What the thread shows as having written it.
            m.authorName = AutomatedRecords::author();
            m.templateName = p.rule.templateName;
            m.ruleName = QStringLiteral("reminder %1 (%2 before)")
                             .arg(p.rule.id, ReminderRule::offsetText(p.rule.offsetMinutes));
            auto saved =
                records.save(QStringLiteral("Communication"), {}, CommunicationMapping::toFhir(m),
                             QStringLiteral("create"), detail);
            if (!saved)
                return fail(saved.error());
            recordType = saved->type;
            recordId = saved->id;
            outcome = QStringLiteral("queued");
        } else if (p.action == PlannedReminder::Action::Task) {
            Recall task;
            task.patientId = p.patientId;
            task.reason = p.body;
            task.kind =
                p.channel == QLatin1String("phone") ? Recall::callKind() : Recall::letterKind();
            task.dueOn = clinic.time.today(m_db.clock());
            auto saved =
                records.save(QStringLiteral("Task"), {}, PatientRecordMapping::toFhir(task),
                             QStringLiteral("create"), detail);
            if (!saved)
                return fail(saved.error());
            recordType = saved->type;
            recordId = saved->id;
            outcome = QStringLiteral("task");
        }
        if (auto q = m_db.query(QStringLiteral("INSERT INTO reminders_made (appointment_id, "
                                               "rule_id, start_ms, made_at, outcome, "
                                               "record_type, record_id, reason) VALUES (?, ?, ?, "
                                               "?, ?, ?, ?, ?)"),
                                {p.appointmentId, p.rule.id, p.startUtc.toMSecsSinceEpoch(),
                                 m_db.clock().nowMs(), outcome, recordType, recordId, p.reason});
            !q)
            return fail(q.error());
        *made = true;
        return {};
    });
}

} // namespace frontdesk::server
