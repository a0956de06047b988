#include "SystemJournal.h"

#include <pwd.h>
#include <syslog.h>
#include <unistd.h>

namespace frontdesk {

void SystemJournal::record(const QString &message)
{
    const QByteArray utf8 = message.toUtf8();
    openlog("frontdesk", LOG_PID, LOG_AUTHPRIV);
    syslog(LOG_NOTICE, "%s", utf8.constData());
    closelog();
}

QString SystemJournal::operatingSystemUser()
{
    if (const passwd *pw = ::getpwuid(::geteuid()); pw && pw->pw_name)
        return QString::fromLocal8Bit(pw->pw_name);
    return QString::number(::geteuid());
}

} // namespace frontdesk
