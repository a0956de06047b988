#pragma once

#include <QDateTime>
#include <QObject>

#include <functional>

class QTimer;

namespace frontdesk {

// How long a passing message (an info bar's, the status bar's) stays: information 10 s, or
// longer at a reading pace for a long one; an error 30 s, unless the next action replaces or
// clears it first. Time is read from the injected "now" (the database's Clock), so that a test
// moves it instead of waiting; the timer only wakes the check.
class MessageLifetime : public QObject
{
    Q_OBJECT
public:
    enum class Kind
    {
        Info,
        Error
    };
    using Now = std::function<QDateTime()>;

    explicit MessageLifetime(Now now, QObject *parent = nullptr);

    static qint64 lifetimeMs(Kind kind, const QString &text);

    // Starts over for a new message.
    void start(Kind kind, const QString &text);
    void stop();
    bool isRunning() const { return m_expiresAt.isValid(); }
    QDateTime expiresAt() const { return m_expiresAt; }
    // The timer calls it; a test that moved the clock too.
    void expireIfDue();

signals:
    void expired();

private:
    void wakeAt(const QDateTime &when);

    Now m_now;
    QTimer *m_timer;
    QDateTime m_expiresAt;
};

} // namespace frontdesk
