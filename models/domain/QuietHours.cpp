#include "QuietHours.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace frontdesk {

namespace {

constexpr int minutesPerDay = 24 * 60;

QString clock(int minute)
{
    return QStringLiteral("%1:%2")
        .arg(minute / 60 % 24, 2, 10, QLatin1Char('0'))
        .arg(minute % 60, 2, 10, QLatin1Char('0'));
}

} // namespace

bool QuietHours::contains(int minuteOfDay) const
{
    if (isEmpty())
        return false;
    if (startMinute < endMinute)
        return minuteOfDay >= startMinute && minuteOfDay < endMinute;
    return minuteOfDay >= startMinute || minuteOfDay < endMinute;
}

Result<QuietHours> QuietHours::parse(const QString &text)
{
    if (text.trimmed().isEmpty())
        return QuietHours{};
    static const QRegularExpression pattern(
        QStringLiteral("^\\s*(\\d{1,2}):(\\d{2})\\s*[-\u2013]\\s*(\\d{1,2}):(\\d{2})\\s*$"));
    const QRegularExpressionMatch m = pattern.match(text);
    const auto minute = [&m](int hourGroup) {
        const int h = m.captured(hourGroup).toInt();
        const int min = m.captured(hourGroup + 1).toInt();
        return (h > 24 || min > 59 || (h == 24 && min != 0)) ? -1 : h * 60 + min;
    };
    if (!m.hasMatch() || minute(1) < 0 || minute(3) < 0)
        return fail(QCoreApplication::translate(
                        "ContactPolicy", "Quiet hours \"%1\" are not of the form 20:00-08:00.")
                        .arg(text));
    return QuietHours{minute(1) % minutesPerDay, minute(3) % minutesPerDay};
}

QString QuietHours::toString() const
{
    return isEmpty() ? QString() : clock(startMinute) + QLatin1Char('-') + clock(endMinute);
}

} // namespace frontdesk
