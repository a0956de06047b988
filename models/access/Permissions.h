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

    // The permission needed to read or change records of a FHIR resource type. Clinical
    // resources need the clinical permissions; anything else about a patient needs the
    // demographics permissions.
    static Permission toRead(const QString &resourceType);
    static Permission toWrite(const QString &resourceType);
};

} // namespace frontdesk
