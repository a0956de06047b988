#pragma once

#include "core/Result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace frontdesk {
class Database;
}

namespace frontdesk::server {

// One rule of the server's automated messages (table reminder_rules): a reminder before an
// appointment, or a follow-up after a completed visit (which may ask the 1-5 survey question).
struct ReminderRule
{
    enum class Kind
    {
        Reminder,
        FollowUp
    };
    QString id;
    Kind kind = Kind::Reminder;
    QString appointmentType; // empty: every type
    int offsetMinutes =
        0;                // a reminder's time before the start, a follow-up's delay after the visit
    QString templateName; // the synced template; empty: the rule's own body
    QString body;
    bool active = true;
    QString surveyQuestion; // a follow-up's survey question; empty: no survey
    qint64 createdAtMs = 0;

    bool isFollowUp() const { return kind == Kind::FollowUp; }
    bool asksSurvey() const { return isFollowUp() && !surveyQuestion.trimmed().isEmpty(); }
    static QString kindName(Kind kind); // "reminder" | "followup"
    // What a message made by the rule shows as its rule: "reminder ID (2d before)",
    // "follow-up ID (1d after)".
    QString displayName() const;

    // "48h", "2h", "90m", "2d" or "1d12h": days, hours and minutes, at least one minute.
    static Result<int> parseOffset(const QString &text, Kind kind = Kind::Reminder);
    static QString offsetText(int minutes);
};

// The reminder and follow-up rules at the server: managed by `frontdesk-server reminders` and
// `frontdesk-server followups`, read by the scheduler (ReminderPlanner). Each change is in the
// server's audit trail. Each call names the kind it manages: a follow-up rule's id is not a
// reminder's to pause.
class ReminderRules
{
    Q_DECLARE_TR_FUNCTIONS(ReminderRules)
public:
    explicit ReminderRules(Database &db) : m_db(db) {}

    // Every rule of both kinds.
    Result<QList<ReminderRule>> all() const;
    Result<QList<ReminderRule>> all(ReminderRule::Kind kind) const;
    // Checks and stores a new rule; its id.
    Result<QString> add(ReminderRule rule);
    Status setActive(const QString &id, bool active,
                     ReminderRule::Kind kind = ReminderRule::Kind::Reminder);
    // The rule is gone; the record of what it made stays (reminders_made).
    Status remove(const QString &id, ReminderRule::Kind kind = ReminderRule::Kind::Reminder);

private:
    QString noSuchRule(const QString &id, ReminderRule::Kind kind) const;
    Status audit(const QString &action, const ReminderRule &rule);

    Database &m_db;
};

} // namespace frontdesk::server
