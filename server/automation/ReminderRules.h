#pragma once

#include "core/Result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace frontdesk {
class Database;
}

namespace frontdesk::server {

// One reminder rule (table reminder_rules).
struct ReminderRule
{
    QString id;
    QString appointmentType; // empty: every type
    int offsetMinutes = 0;   // before the start
    QString templateName;    // the synced template; empty: the rule's own body
    QString body;
    bool active = true;

    // "48h", "2h", "90m", "2d" or "1d12h": days, hours and minutes, at least one minute.
    static Result<int> parseOffset(const QString &text);
    static QString offsetText(int minutes);
};

// The reminder rules at the server: managed by `frontdesk-server reminders`, read by the
// scheduler (ReminderPlanner). Each change is in the server's audit trail.
class ReminderRules
{
    Q_DECLARE_TR_FUNCTIONS(ReminderRules)
public:
    explicit ReminderRules(Database &db) : m_db(db) {}

    Result<QList<ReminderRule>> all() const;
    // Checks and stores a new rule; its id.
    Result<QString> add(ReminderRule rule);
    Status setActive(const QString &id, bool active);
    // The rule is gone; the record of what it made stays (reminders_made).
    Status remove(const QString &id);

private:
    Status audit(const QString &action, const ReminderRule &rule);

    Database &m_db;
};

} // namespace frontdesk::server
