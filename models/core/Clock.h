#pragma once

#include <QDateTime>

namespace frontdesk {

// The one source of "now". Product code gets it injected; tests use TestClock
// (tests/common) to move time.
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

} // namespace frontdesk
