#pragma once

#include <QString>

namespace frontdesk {

// Who does something, as the audit trail records it.
struct Actor
{
    enum class Kind
    {
        Staff,
        OperatingSystemUser,
        System
    };
    QString name;
    Kind kind = Kind::System;

    static Actor system(QString name = QStringLiteral("frontdesk"))
    {
        return {std::move(name), Kind::System};
    }
    static Actor osUser(QString name) { return {std::move(name), Kind::OperatingSystemUser}; }
    static Actor staff(QString name) { return {std::move(name), Kind::Staff}; }

    QString kindName() const
    {
        switch (kind) {
        case Kind::Staff:
            return QStringLiteral("staff");
        case Kind::OperatingSystemUser:
            return QStringLiteral("os-user");
        case Kind::System:
            return QStringLiteral("system");
        }
        return {};
    }
};

} // namespace frontdesk
