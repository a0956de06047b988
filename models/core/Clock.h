#pragma once

#include <QDateTime>

namespace frontdesk {

// The one source of "now". Product code gets it injected; tests use TestClock to move time.
class Clock
{
public:
    virtual ~Clock() = default;
    virtual QDateTime nowUtc() const = 0;
    qint64 nowMs() const { return nowUtc().toMSecsSinceEpoch(); }

    // The process-wide system clock, for wiring in main() and frontdeskctl.
    static const Clock &system();
};

class SystemClock final : public Clock
{
public:
    QDateTime nowUtc() const override { return QDateTime::currentDateTimeUtc(); }
};

class TestClock final : public Clock
{
public:
    explicit TestClock(QDateTime start) : m_now(start.toUTC()) {}
    QDateTime nowUtc() const override { return m_now; }
    void set(const QDateTime &t) { m_now = t.toUTC(); }
    void advanceSecs(qint64 s) { m_now = m_now.addSecs(s); }
    void advanceMs(qint64 ms) { m_now = m_now.addMSecs(ms); }

private:
    QDateTime m_now;
};

} // namespace frontdesk
