#include "ScheduleException.h"

namespace frontdesk {

bool ScheduleException::blocks(const QString &practitioner, const QDateTime &fromUtc,
                               const QDateTime &untilUtc) const
{
    return start < untilUtc && end > fromUtc &&
           (practitionerId.isEmpty() || practitionerId == practitioner);
}

QString ScheduleException::kindName(Kind k)
{
    switch (k) {
    case Kind::Holiday:
        return QStringLiteral("holiday");
    case Kind::Leave:
        return QStringLiteral("leave");
    case Kind::Blocked:
        return QStringLiteral("blocked");
    }
    return {};
}

std::optional<ScheduleException::Kind> ScheduleException::kindFromName(const QString &name)
{
    for (Kind k : {Kind::Holiday, Kind::Leave, Kind::Blocked}) {
        if (kindName(k) == name)
            return k;
    }
    return std::nullopt;
}

} // namespace frontdesk
