#pragma once

#include "ServerConfig.h"

#include <QCoreApplication>
#include <QStringList>
#include <QTextStream>

namespace frontdesk::server {

// `frontdesk-server workstation list [--json]` and `workstation revoke ID`: the enrolled
// workstations, on the server's own database, by whoever may read its configuration and key
// (as for `frontdesk-server user`). Exit codes as frontdeskctl's: 0 done, 1 usage, 2 failure.
class ServerWorkstationCommand
{
    Q_DECLARE_TR_FUNCTIONS(ServerWorkstationCommand)
public:
    explicit ServerWorkstationCommand(ServerConfig config);

    // arguments: "workstation", the sub-command and its options.
    int run(const QStringList &arguments);

private:
    int usage(const QString &problem);
    int failure(const QString &message);

    ServerConfig m_config;
    QTextStream m_out;
    QTextStream m_err;
};

} // namespace frontdesk::server
