#include "TestClock.h"
// The clinic's time zone as an admin types it (`frontdeskctl init --time-zone`, the setting
// clinic_time_zone) and the clinic's calendar built on it. Input: the zone name, then after a
// NUL byte a UTC instant in seconds (decimal text). Invariants: any name gives a valid zone (an
// unknown one falls back to the workstation's); "now" lies within the clinic's today. (Not how
// long a day is: history has days of 22 and 26 hours, and days that were skipped.)

#include "FuzzSupport.h"
#include "core/Clock.h"
#include "domain/ClinicTime.h"

#include <cstdlib>

using namespace frontdesk;

namespace {

void require(bool condition)
{
    if (!condition)
        __builtin_trap();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz::ensureApplication();
    const QList<QByteArray> parts = fuzz::bytes(data, size).split('\0');
    const QString name = QString::fromUtf8(parts.value(0));
    // 1900 to 2100: the years a clinic's appointments and birth dates are in.
    const qint64 seconds = parts.value(1).toLongLong() % (200LL * 365 * 86400);
    const QDateTime now =
        QDateTime(QDate(1900, 1, 1), QTime(0, 0), Qt::UTC).addSecs(std::abs(seconds));
    const TestClock clock(now);

    const ClinicTime clinic = ClinicTime::fromZoneName(name);
    require(clinic.zone().isValid());
    const QDate today = clinic.today(clock);
    require(today.isValid());
    const QDateTime start = clinic.startOfDayUtc(today);
    const QDateTime end = clinic.startOfDayUtc(today.addDays(1));
    require(start.isValid() && start <= now);
    require(!end.isValid() || now < end);
    return 0;
}
