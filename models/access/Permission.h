#pragma once

#include <QList>
#include <QString>

namespace frontdesk {

// Everything the permission table (Permissions) decides about.
enum class Permission
{
    ViewSchedule,
    EditSchedule,
    ViewDemographics,
    EditDemographics,
    ViewMessages,
    SendMessages,
    ViewClinical,
    EditClinical,
    ViewDashboards,
    ViewAuditLog,
    OverrideDoubleBooking,
    ManageUsers,
    ManageSettings,
    WipeWorkstation,
    UnlockOtherSessions,
};

} // namespace frontdesk
