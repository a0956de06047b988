#pragma once

#include "ReminderRules.h"
#include "core/Result.h"
#include "domain/Appointment.h"
#include "domain/ClinicTime.h"
#include "domain/MessageTemplate.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>

#include <optional>

namespace frontdesk {
class Database;
}

namespace frontdesk::server {

struct ClinicContext;

// One reminder or follow-up due now: for which appointment and rule, and what making it does.
struct PlannedReminder
{
    enum class Action
    {
        Queue, // an outbound Communication (of `purpose`) the dispatcher sends
        Task,  // the patient wants a call or a letter: a Task for the front desk
        Skip   // none, for `reason`
    };
    ReminderRule rule;
    QString appointmentId;
    QString patientId;
    QString patientName;
    QDateTime startUtc;
    QDateTime completedUtc; // a follow-up's: when the visit was completed
    QDateTime dueUtc;
    Action action = Action::Skip;
    QString purpose; // reminder, follow-up, or survey when the follow-up asks the question
    QString channel; // sms | email for Queue, phone | letter for Task
    QString subject; // an e-mail's
    QString body;    // the rendered text for Queue, the task for Task
    QString reason;  // why skipped, or that an SMS will be held for quiet hours
    // Skipped for a problem of the rule, not of this patient (its template is missing): not
    // recorded as made, so the reminder goes once the rule is mended.
    bool ruleProblem = false;
};

// Turns the active reminder and follow-up rules into messages, each exactly once per
// appointment, rule and
// start time (reminders_made's key; every process may run it on one database, and a
// rescheduled appointment has another start, so it is reminded again). A booked or confirmed
// appointment of the rule's type gets the rule's reminder once its time has come and while it
// has not begun; one booked after that time gets none from that rule (it was booked too late
// for it). The channel is the contact rule's (ContactPolicy, purpose reminder): the patient's
// reminder preference, else SMS to a mobile number, else e-mail; a call or letter preference
// makes a Task instead, and a refusal is recorded with its reason.
//
// The time: an offset's whole days go back on the clinic's calendar keeping the local time of
// day, the rest is elapsed time. "48 h before" Monday 09:00 is Saturday 09:00 local, also when
// the clocks change on the Sunday between (elapsed time would say 08:00 or 10:00); "2 h
// before" is two real hours before.
//
// Follow-ups are the same machinery after the visit: a completed appointment (its status became
// completed: the time of the Provenance that says so) of the rule's type gets the rule's
// follow-up once the delay after the completion has passed (whole days forward on the clinic's
// calendar, as above), through the contact rule for purpose follow-up. A rule with a survey
// question asks it in an SMS, by the contact rule for purpose survey (the message's purpose is
// then survey, and ReplyHandler records the 1-5 answer); an e-mail follow-up carries no survey.
// A rule follows up visits completed after it was added, and not once kLateDays have passed
// since its time (a server that was down for a fortnight does not follow up old visits).
class ReminderPlanner
{
    Q_DECLARE_TR_FUNCTIONS(ReminderPlanner)
public:
    static constexpr int kLateDays = 7;

    explicit ReminderPlanner(Database &db) : m_db(db) {}

    static QDateTime dueAt(const QDateTime &startUtc, int offsetMinutes, const ClinicTime &clinic);
    static QDateTime followUpAt(const QDateTime &completedUtc, int delayMinutes,
                                const ClinicTime &clinic);

    // What would be made now, without making it (frontdesk-server reminders --dry-run).
    Result<QList<PlannedReminder>> due() const;
    // Makes every due reminder once; what was made.
    Result<QList<PlannedReminder>> makeDue();

private:
    struct Candidate
    {
        QString id;
        QJsonObject content;
        Appointment appointment;
    };
    Result<QList<Candidate>> appointments(const QString &sql, const QVariantList &values) const;
    Status dueReminders(const QList<ReminderRule> &rules, const ClinicContext &clinic,
                        QList<PlannedReminder> &out) const;
    Status dueFollowUps(const QList<ReminderRule> &rules, const ClinicContext &clinic,
                        QList<PlannedReminder> &out) const;
    // When the visit was completed: the newest Provenance that made it completed.
    Result<QDateTime> completedAt(const Candidate &visit) const;
    // Plans the rule's message for c into out, unless reminders_made says it was made.
    Status planUnlessMade(const ReminderRule &rule, const Candidate &c, const QDateTime &due,
                          const QDateTime &completed, const ClinicContext &clinic,
                          QList<PlannedReminder> &out) const;
    Result<PlannedReminder> plan(const ReminderRule &rule, const Candidate &c, QDateTime dueUtc,
                                 const ClinicContext &clinic) const;
    Status make(const PlannedReminder &p, const ClinicContext &clinic, bool *made);
    // The synced template (FHIR Basic, MessageTemplateMapping) of this name for the channel.
    Result<std::optional<MessageTemplate>> templateNamed(const QString &name,
                                                         const QString &channel) const;

    Database &m_db;
};

} // namespace frontdesk::server
