#pragma once

#include "core/Result.h"
#include "domain/ClinicTime.h"
#include "messaging/ContactPolicy.h"

#include <QCoreApplication>

namespace frontdesk {
class Database;
}

namespace frontdesk::server {

// The clinic's settings frontdesk-server's automation needs, from Organization/clinic (the
// workstations' shared settings, ClinicSettingsMapping): its time zone and quiet hours. A server
// whose clinic has not synced them yet works in UTC with the default quiet hours
// (ContactPolicy::defaultClinicQuietHours) and says so once in its log; an unreadable value is
// replaced by its default the same way.
struct ClinicContext
{
    Q_DECLARE_TR_FUNCTIONS(ClinicContext)
public:
    ClinicTime time{QTimeZone::utc()};
    QuietHours quietHours;
    QString name;
    QString phone;

    ContactPolicy policy() const { return ContactPolicy(time, quietHours); }
    static Result<ClinicContext> load(Database &db);
};

} // namespace frontdesk::server
