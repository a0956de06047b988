#pragma once

#include <QDateTime>
#include <QLocale>
#include <QString>

namespace frontdesk {

// Times as a person reads them: the locale's short format without seconds. Most locales' short
// format has none, but the C locale's (a session without LANG) and a few others' do, and "08:00:00"
// on a front desk is noise.
struct LocaleFormat
{
    static QString timeFormat(const QLocale &locale = QLocale());
    static QString dateTimeFormat(const QLocale &locale = QLocale());
    static QString time(const QTime &t, const QLocale &locale = QLocale());
    static QString dateTime(const QDateTime &t, const QLocale &locale = QLocale());
};

} // namespace frontdesk
