#include "Role.h"

namespace frontdesk {

QList<Role> Roles::all()
{
    return {Role::Receptionist, Role::Nurse, Role::Manager, Role::Admin};
}

QString Roles::name(Role role)
{
    switch (role) {
    case Role::Receptionist:
        return QStringLiteral("receptionist");
    case Role::Nurse:
        return QStringLiteral("nurse");
    case Role::Manager:
        return QStringLiteral("manager");
    case Role::Admin:
        return QStringLiteral("admin");
    }
    return {};
}

std::optional<Role> Roles::fromName(const QString &name)
{
    for (Role role : all()) {
        if (Roles::name(role).compare(name.trimmed(), Qt::CaseInsensitive) == 0)
            return role;
    }
    return std::nullopt;
}

QString Roles::displayName(Role role)
{
    switch (role) {
    case Role::Receptionist:
        return tr("Receptionist");
    case Role::Nurse:
        return tr("Nurse");
    case Role::Manager:
        return tr("Manager");
    case Role::Admin:
        return tr("Administrator");
    }
    return {};
}

} // namespace frontdesk
