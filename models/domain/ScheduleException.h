#pragma once

#include "domain/RecordMeta.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace frontdesk {

// Time that cannot be booked: a holiday (for the whole clinic when practitionerId is empty),
// a practitioner's leave, or blocked time.
struct ScheduleException
{
    enum class Kind
    {
        Holiday,
        Leave,
        Blocked
    };
    RecordMeta meta;
    QString practitionerId; // empty: everyone
    Kind kind = Kind::Blocked;
    QDateTime start; // UTC
    QDateTime end;   // UTC, exclusive
    QString note;

    // The booking rule's test, shared by the workstation (BookingService) and the server: the
    // time off takes [fromUtc, untilUtc) away from practitionerId when the two overlap and it
    // is the clinic's or that practitioner's.
    bool blocks(const QString &practitioner, const QDateTime &fromUtc,
                const QDateTime &untilUtc) const;

    static QString kindName(Kind k);
    static std::optional<Kind> kindFromName(const QString &name);
};

} // namespace frontdesk
