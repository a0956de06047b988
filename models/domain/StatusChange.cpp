#include "StatusChange.h"

namespace frontdesk {

QString cancelledByName(CancelledBy by)
{
    switch (by) {
    case CancelledBy::Nobody:
        return QString();
    case CancelledBy::Patient:
        return QStringLiteral("patient");
    case CancelledBy::Clinic:
        return QStringLiteral("clinic");
    }
    return QString();
}

std::optional<CancelledBy> cancelledByFromName(const QString &name)
{
    if (name.isEmpty())
        return CancelledBy::Nobody;
    if (name == QLatin1String("patient"))
        return CancelledBy::Patient;
    if (name == QLatin1String("clinic"))
        return CancelledBy::Clinic;
    return std::nullopt;
}

} // namespace frontdesk
