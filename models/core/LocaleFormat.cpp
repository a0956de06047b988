#include "LocaleFormat.h"

#include <QRegularExpression>

namespace frontdesk {

namespace {

QString withoutSeconds(QString format)
{
    // ":ss" or ".ss" with any fraction after it; "s" alone is seconds too.
    static const QRegularExpression seconds(QStringLiteral("[:.]s{1,2}(\\.z+)?"));
    return format.remove(seconds);
}

} // namespace

QString LocaleFormat::timeFormat(const QLocale &locale)
{
    return withoutSeconds(locale.timeFormat(QLocale::ShortFormat));
}

QString LocaleFormat::dateTimeFormat(const QLocale &locale)
{
    return withoutSeconds(locale.dateTimeFormat(QLocale::ShortFormat));
}

QString LocaleFormat::time(const QTime &t, const QLocale &locale)
{
    return t.isValid() ? locale.toString(t, timeFormat(locale)) : QString();
}

QString LocaleFormat::dateTime(const QDateTime &t, const QLocale &locale)
{
    return t.isValid() ? locale.toString(t, dateTimeFormat(locale)) : QString();
}

} // namespace frontdesk
