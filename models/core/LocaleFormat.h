#pragma once

#include <QDateTime>
#include <QLocale>
#include <QString>

namespace frontdesk {

// Times as a person reads them: the locale's short format without seconds. Most locales' short
// format has none, but the C locale's (a session without LANG) and a few others' do, and "08:00:00"
// on a front desk is noise.
// Dates a person acts on (a recall due, a task, when a patient was contacted) carry a four-digit
// year: the locale's short date with "yy" made "yyyy", since "3/4/27" is no date to act on.
struct LocaleFormat
{
    static QString timeFormat(const QLocale &locale = QLocale());
    static QString dateTimeFormat(const QLocale &locale = QLocale());
    static QString time(const QTime &t, const QLocale &locale = QLocale());
    static QString dateTime(const QDateTime &t, const QLocale &locale = QLocale());

    static QString fullYearDateFormat(const QLocale &locale = QLocale());
    static QString fullYearDateTimeFormat(const QLocale &locale = QLocale());
    static QString fullYearDate(const QDate &d, const QLocale &locale = QLocale());
    static QString fullYearDateTime(const QDateTime &t, const QLocale &locale = QLocale());
};

} // namespace frontdesk
