#include "ReminderScheduler.h"

#include "ReminderPlanner.h"

#include <QLoggingCategory>

namespace frontdesk::server {

Q_LOGGING_CATEGORY(lcReminders, "frontdesk.server.reminders")

ReminderScheduler::ReminderScheduler(Database &db, int intervalMs, QObject *parent)
    : QObject(parent), m_db(db)
{
    m_timer.setInterval(intervalMs);
    connect(&m_timer, &QTimer::timeout, this, &ReminderScheduler::tick);
}

void ReminderScheduler::start()
{
    m_timer.start();
    QTimer::singleShot(0, this, &ReminderScheduler::tick);
}

void ReminderScheduler::tick()
{
    auto made = ReminderPlanner(m_db).makeDue();
    if (!made) {
        qCWarning(lcReminders).noquote()
            << "could not make the due reminders and follow-ups:" << made.error();
        return;
    }
    for (const PlannedReminder &r : *made) {
        switch (r.action) {
        case PlannedReminder::Action::Queue:
            qCInfo(lcReminders).noquote()
                << r.rule.displayName() << QStringLiteral("Appointment/") + r.appointmentId
                << r.purpose << "queued by" << r.channel;
            break;
        case PlannedReminder::Action::Task:
            qCInfo(lcReminders).noquote()
                << r.rule.displayName() << QStringLiteral("Appointment/") + r.appointmentId
                << "task made: the patient wants" << r.channel;
            break;
        case PlannedReminder::Action::Skip:
            qCInfo(lcReminders).noquote()
                << r.rule.displayName() << QStringLiteral("Appointment/") + r.appointmentId
                << "nothing sent:" << r.reason;
            break;
        }
    }
}

} // namespace frontdesk::server
