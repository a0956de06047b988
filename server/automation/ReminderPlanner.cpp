#include "ReminderPlanner.h"

#include "AutomatedRecords.h"
#include "ClinicContext.h"
#include "ServerTexts.h"
#include "database/Database.h"
#include "domain/Recall.h"
#include "fhir/BookingMapping.h"
#include "fhir/CommunicationMapping.h"
#include "fhir/FhirMapping.h"
#include "fhir/MessageTemplateMapping.h"
#include "fhir/PatientRecordMapping.h"
#include "fhir/ScheduleMapping.h"
#include "messaging/TemplateRenderer.h"

#include <QJsonDocument>
#include <QSqlQuery>

#include <algorithm>
#include <limits>

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

QDateTime ReminderPlanner::followUpAt(const QDateTime &completedUtc, int delayMinutes,
                                      const ClinicTime &clinic)
{
    const int days = delayMinutes / minutesPerDay;
    const int rest = delayMinutes % minutesPerDay;
    return clinic.toLocal(completedUtc).addDays(days).addSecs(qint64(rest) * 60).toUTC();
}

Result<QList<PlannedReminder>> ReminderPlanner::due() const
{
    QList<PlannedReminder> out;
    auto rules = ReminderRules(m_db).all();
    if (!rules)
        return fail(rules.error());
    QList<ReminderRule> reminders;
    QList<ReminderRule> followUps;
    for (const ReminderRule &r : *rules) {
        if (r.active)
            (r.isFollowUp() ? followUps : reminders) << r;
    }
    if (reminders.isEmpty() && followUps.isEmpty())
        return out;
    auto clinic = ClinicContext::load(m_db);
    if (!clinic)
        return fail(clinic.error());
    if (auto s = dueReminders(reminders, *clinic, out); !s)
        return fail(s.error());
    if (auto s = dueFollowUps(followUps, *clinic, out); !s)
        return fail(s.error());
    return out;
}

Result<QList<ReminderPlanner::Candidate>>
ReminderPlanner::appointments(const QString &sql, const QVariantList &values) const
{
    auto q = m_db.query(sql, values);
    if (!q)
        return fail(q.error());
    QList<Candidate> out;
    while (q->next()) {
        Candidate c;
        c.id = q->value(0).toString();
        c.content = QJsonDocument::fromJson(q->value(1).toString().toUtf8()).object();
        auto a = ScheduleMapping::appointmentFromFhir(c.content);
        if (!a)
            return fail(tr("Appointment/%1 is stored but unreadable: %2").arg(c.id, a.error()));
        c.appointment = *a;
        c.appointment.meta.id = c.id;
        out << c;
    }
    return out;
}

Status ReminderPlanner::dueReminders(const QList<ReminderRule> &rules, const ClinicContext &clinic,
                                     QList<PlannedReminder> &out) const
{
    if (rules.isEmpty())
        return {};
    int longest = 0;
    for (const ReminderRule &r : rules)
        longest = std::max(longest, r.offsetMinutes);
    const qint64 now = m_db.clock().nowMs();
    auto candidates = appointments(
        QStringLiteral("SELECT s.id, r.content FROM appointment_slots s JOIN resources r ON "
                       "r.type = 'Appointment' AND r.id = s.id WHERE r.deleted = 0 AND "
                       "s.status IN ('booked', 'confirmed') AND s.start_ms > ? AND "
                       "s.start_ms <= ? ORDER BY s.start_ms, s.id"),
        {now, now + qint64(longest) * 60 * 1000 + dstMarginMs});
    if (!candidates)
        return fail(candidates.error());
    for (const Candidate &c : *candidates) {
        for (const ReminderRule &rule : rules) {
            if (!rule.appointmentType.isEmpty() && rule.appointmentType != c.appointment.type)
                continue;
            const QDateTime due = dueAt(c.appointment.start, rule.offsetMinutes, clinic.time);
            if (due.toMSecsSinceEpoch() > now)
                continue;
            if (auto s = planUnlessMade(rule, c, due, {}, clinic, out); !s)
                return s;
        }
    }
    return {};
}

Status ReminderPlanner::dueFollowUps(const QList<ReminderRule> &rules, const ClinicContext &clinic,
                                     QList<PlannedReminder> &out) const
{
    if (rules.isEmpty())
        return {};
    int longest = 0;
    qint64 oldestRule = std::numeric_limits<qint64>::max();
    for (const ReminderRule &r : rules) {
        longest = std::max(longest, r.offsetMinutes);
        oldestRule = std::min(oldestRule, r.createdAtMs);
    }
    const qint64 now = m_db.clock().nowMs();
    const qint64 lateMs = qint64(kLateDays) * minutesPerDay * 60 * 1000;
    // A visit is completed after it began, so its start bounds the completions worth reading:
    // none of a visit that began before the oldest rule was added, or so long ago that even a
    // completion a late window after the start would be past its follow-up's time.
    const qint64 from =
        std::max(oldestRule - lateMs, now - qint64(longest) * 60 * 1000 - dstMarginMs - 2 * lateMs);
    auto candidates = appointments(
        QStringLiteral("SELECT s.id, r.content FROM appointment_slots s JOIN resources r ON "
                       "r.type = 'Appointment' AND r.id = s.id WHERE r.deleted = 0 AND "
                       "s.status = 'completed' AND s.start_ms >= ? AND s.start_ms <= ? "
                       "ORDER BY s.start_ms, s.id"),
        {from, now});
    if (!candidates)
        return fail(candidates.error());
    for (const Candidate &c : *candidates) {
        QDateTime completed;
        for (const ReminderRule &rule : rules) {
            if (!rule.appointmentType.isEmpty() && rule.appointmentType != c.appointment.type)
                continue;
            if (!completed.isValid()) {
                auto at = completedAt(c);
                if (!at)
                    return fail(at.error());
                completed = *at;
            }
            if (completed.toMSecsSinceEpoch() < rule.createdAtMs)
                continue;
            const QDateTime due = followUpAt(completed, rule.offsetMinutes, clinic.time);
            if (due.toMSecsSinceEpoch() > now || now - due.toMSecsSinceEpoch() > lateMs)
                continue;
            if (auto s = planUnlessMade(rule, c, due, completed, clinic, out); !s)
                return s;
        }
    }
    return {};
}

Result<QDateTime> ReminderPlanner::completedAt(const Candidate &visit) const
{
    auto changes =
        AutomatedRecords(m_db).ofPatient(QStringLiteral("Provenance"), visit.appointment.patientId);
    if (!changes)
        return fail(changes.error());
    qint64 at = 0;
    for (const StoredResource &r : *changes) {
        auto c = BookingMapping::statusChangeFromFhir(r.content);
        if (!c)
            return fail(tr("Provenance/%1 is stored but unreadable: %2").arg(r.id, c.error()));
        if (c->appointmentId == visit.id && c->to == AppointmentStatus::Completed)
            at = std::max(at, c->changedAtMs);
    }
    // An appointment another FHIR client stored as completed without saying when: its end
    // stands for the completion.
    if (at == 0)
        return visit.appointment.end.toUTC();
    return QDateTime::fromMSecsSinceEpoch(at, QTimeZone::utc());
}

Status ReminderPlanner::planUnlessMade(const ReminderRule &rule, const Candidate &c,
                                       const QDateTime &due, const QDateTime &completed,
                                       const ClinicContext &clinic,
                                       QList<PlannedReminder> &out) const
{
    auto made = m_db.scalar(QStringLiteral("SELECT count(*) FROM reminders_made WHERE "
                                           "appointment_id = ? AND rule_id = ? AND start_ms = ?"),
                            {c.id, rule.id, c.appointment.start.toMSecsSinceEpoch()});
    if (!made)
        return fail(made.error());
    if (made->toLongLong() > 0)
        return {};
    auto p = plan(rule, c, due, clinic);
    if (!p)
        return fail(p.error());
    p->completedUtc = completed;
    out << *p;
    return {};
}

Result<PlannedReminder> ReminderPlanner::plan(const ReminderRule &rule, const Candidate &c,
                                              QDateTime dueUtc, const ClinicContext &clinic) const
{
    const Appointment *a = &c.appointment;
    PlannedReminder p;
    p.rule = rule;
    p.appointmentId = c.id;
    p.patientId = a->patientId;
    p.startUtc = a->start;
    p.dueUtc = dueUtc;
    p.purpose = rule.isFollowUp() ? QStringLiteral("follow-up") : QStringLiteral("reminder");
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

    if (!rule.isFollowUp()) {
        auto booked = m_db.scalar(QStringLiteral("SELECT min(last_updated) FROM "
                                                 "resource_versions WHERE type = 'Appointment' "
                                                 "AND id = ?"),
                                  {c.id});
        if (!booked)
            return fail(booked.error());
        if (booked->toLongLong() > p.dueUtc.toMSecsSinceEpoch()) {
            p.reason = tr("Booked after this reminder's time.");
            return p;
        }
    }

    // The patient's own preferred channel does not travel with the Patient: SMS to a mobile
    // number, else e-mail, stands for it; a preference for the purpose decides over both.
    const QString wanted = !patient->phoneMobile.trimmed().isEmpty() ? QStringLiteral("sms")
                           : !patient->email.trimmed().isEmpty()     ? QStringLiteral("email")
                                                                     : QStringLiteral("sms");
    auto facts = records.contactFacts(a->patientId, wanted);
    if (!facts)
        return fail(facts.error());
    QString channel = wanted;
    for (const CommunicationPreference &pref : facts->preferences) {
        if (pref.purpose == p.purpose && ContactPolicy::sendChannels().contains(pref.channel))
            channel = pref.channel;
    }
    const ContactPolicy policy = clinic.policy();
    ContactDecision decision = policy.decide(*facts, p.purpose, channel, now);
    const QString when = ServerTexts::when(clinic.time.toLocal(a->start));
    if (decision.action == ContactDecision::Action::CallTask ||
        decision.action == ContactDecision::Action::LetterTask) {
        const bool call = decision.action == ContactDecision::Action::CallTask;
        p.action = PlannedReminder::Action::Task;
        p.channel = call ? QStringLiteral("phone") : QStringLiteral("letter");
        if (rule.isFollowUp())
            p.body = ServerTexts::text(call ? ServerTexts::Text::CallForFollowUp
                                            : ServerTexts::Text::LetterForFollowUp)
                         .arg(when);
        else
            p.body = ServerTexts::text(call ? ServerTexts::Text::CallForReminder
                                            : ServerTexts::Text::LetterForReminder)
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
    // The survey is answered by an SMS reply: an e-mail follow-up carries none, and a patient
    // who declined surveys gets the follow-up without the question.
    bool survey = false;
    QString surveyRefused;
    if (rule.asksSurvey() && channel == QLatin1String("sms")) {
        const ContactDecision asked = policy.decide(*facts, QStringLiteral("survey"), channel, now);
        survey = asked.allowed && asked.action == ContactDecision::Action::Send;
        if (survey)
            decision = asked;
        else
            surveyRefused = tr("Without the survey: %1").arg(asked.reason);
    }

    MessageTemplate text;
    text.purpose = p.purpose;
    text.subject = ServerTexts::text(rule.isFollowUp() ? ServerTexts::Text::FollowUpSubject
                                                       : ServerTexts::Text::ReminderSubject);
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
    if (survey)
        text.body = text.body.trimmed() + QLatin1Char('\n') + rule.surveyQuestion;
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
    if (survey)
        p.purpose = QStringLiteral("survey");
    p.subject = channel == QLatin1String("email") ? rendered->subject : QString();
    p.body = rendered->body;
    QStringList notes;
    if (!surveyRefused.isEmpty())
        notes << surveyRefused;
    if (decision.sendAtUtc > now)
        notes << decision.reason;
    p.reason = notes.join(QLatin1Char(' '));
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
        const QJsonObject detail{{QStringLiteral("automation"), p.rule.isFollowUp()
                                                                    ? QStringLiteral("follow-up")
                                                                    : QStringLiteral("reminder")},
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
            m.purpose = p.purpose;
            m.subject = p.subject;
            m.body = p.body;
            // What the thread shows as having written it.
            m.authorName = AutomatedRecords::author();
            m.templateName = p.rule.templateName;
            m.ruleName = p.rule.displayName();
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
