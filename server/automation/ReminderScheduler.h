#pragma once

#include <QObject>
#include <QTimer>

namespace frontdesk {
class Database;
}

namespace frontdesk::server {

// The reminder and follow-up rules at work in the server process: every interval, the due
// reminders and follow-ups are made (ReminderPlanner::makeDue) and the log says what, without
// patient data. Every process on a database may run one; each message is still made once.
class ReminderScheduler : public QObject
{
    Q_OBJECT
public:
    ReminderScheduler(Database &db, int intervalMs, QObject *parent = nullptr);
    void start();

private:
    void tick();

    Database &m_db;
    QTimer m_timer;
};

} // namespace frontdesk::server
