#pragma once

#include "access/Permission.h"
#include "access/Role.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace frontdesk {

// THE permission table: the only place that says which role may do what. The models check it
// before they read or write (AccessGuard); the server will check the same table on every call.
class Permissions
{
    Q_DECLARE_TR_FUNCTIONS(Permissions)
public:
    static bool allows(Role role, Permission permission);
    static QList<Permission> all();
    // A stable name, e.g. "view-clinical", for the audit trail and the command line.
    static QString name(Permission permission);
    // What a person reads when they are refused, e.g. "see clinical notes".
    static QString describe(Permission permission);

    // The permission needed to read or change records of a resource type (a FHIR name, or the
    // outbox's name for a record FHIR has no resource for). Clinical resources need the clinical
    // permissions, the schedule's the schedule permissions, messages the message permissions,
    // the rest about a patient the demographics permissions. A type the table does not list has
    // none: it is refused, never taken for demographics.
    static std::optional<Permission> toRead(const QString &resourceType);
    static std::optional<Permission> toWrite(const QString &resourceType);
};

} // namespace frontdesk
