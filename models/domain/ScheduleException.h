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

    static QString kindName(Kind k);
    static std::optional<Kind> kindFromName(const QString &name);
};

} // namespace frontdesk
