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

QString withFullYear(QString format)
{
    // "yy" (or a lone "y") becomes "yyyy"; a format with "yyyy" already stays as it is.
    static const QRegularExpression year(QStringLiteral("y+"));
    return format.replace(year, QStringLiteral("yyyy"));
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

QString LocaleFormat::fullYearDateFormat(const QLocale &locale)
{
    return withFullYear(locale.dateFormat(QLocale::ShortFormat));
}

QString LocaleFormat::fullYearDateTimeFormat(const QLocale &locale)
{
    return withFullYear(dateTimeFormat(locale));
}

QString LocaleFormat::fullYearDate(const QDate &d, const QLocale &locale)
{
    return d.isValid() ? locale.toString(d, fullYearDateFormat(locale)) : QString();
}

QString LocaleFormat::fullYearDateTime(const QDateTime &t, const QLocale &locale)
{
    return t.isValid() ? locale.toString(t, fullYearDateTimeFormat(locale)) : QString();
}

} // namespace frontdesk
