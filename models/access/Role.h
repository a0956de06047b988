#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace frontdesk {

// What a staff member does at the clinic; Permissions says what each role may do.
enum class Role
{
    Receptionist,
    Nurse,
    Manager,
    Admin
};

class Roles
{
    Q_DECLARE_TR_FUNCTIONS(Roles)
public:
    static QList<Role> all();
    // The stable name stored in the database and sent to the server.
    static QString name(Role role);
    static std::optional<Role> fromName(const QString &name);
    // The name a person reads.
    static QString displayName(Role role);
};

} // namespace frontdesk
