#pragma once

#include "core/Result.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QList>
#include <QTimeZone>

namespace frontdesk {

// A rule for recurring appointments: every N weeks or every N months, until a date or for a
// number of occurrences. Expanded in the clinic's local time, so an appointment at 09:00
// stays at 09:00 across DST changes (its UTC instant moves instead).
//
// Month ends: a monthly series keeps the day of month of its first occurrence; in a month
// without that day it falls on the month's last day (Jan 31 -> Feb 28 or 29 -> Mar 31), always
// counted from the first occurrence, so one short month does not pull the rest earlier.
// A wall time that does not exist on a DST night (02:30 on a spring-forward Sunday) is moved
// forward by the gap (03:30); a repeated hour takes its first pass.
class Recurrence
{
    Q_DECLARE_TR_FUNCTIONS(Recurrence)
public:
    enum class Frequency
    {
        Weekly,
        Monthly
    };
    static constexpr int MaxOccurrences = 520;

    Frequency frequency = Frequency::Weekly;
    int interval = 1; // every N weeks / months
    QDate until;      // last day an occurrence may fall on (inclusive); or
    int count = 0;    // the number of occurrences, the first included

    struct Occurrence
    {
        int index = 0; // 0 = the first
        QDate localDate;
        QDateTime startUtc;
        QDateTime endUtc;
    };

    static QString frequencyName(Frequency f);
    static std::optional<Frequency> frequencyFromName(const QString &name);

    Status validate(QDate firstDate) const;
    // The local dates of the occurrences, the first one included.
    Result<QList<QDate>> dates(QDate firstDate) const;
    // Occurrences of an appointment at minuteOfDay local time lasting minutes.
    Result<QList<Occurrence>> expand(QDate firstDate, int minuteOfDay, int minutes,
                                     const QTimeZone &zone) const;
};

} // namespace frontdesk
