#pragma once

#include "core/Clock.h"

namespace frontdesk {

// A clock the test moves by hand, so that times, expiries and lock-outs are exact.
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
