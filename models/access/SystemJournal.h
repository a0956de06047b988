#pragma once

#include <QString>

namespace frontdesk {

// The operating system's log (syslog, the systemd journal on most Linux systems), for what the
// audit trail cannot hold: the wipe of the database that holds the trail.
class SystemJournal
{
public:
    static void record(const QString &message);
    // The operating-system account this process runs as.
    static QString operatingSystemUser();
};

} // namespace frontdesk
