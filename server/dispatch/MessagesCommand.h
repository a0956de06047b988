#pragma once

#include "ServerConfig.h"

#include <QCoreApplication>
#include <QStringList>

namespace frontdesk::server {

// `frontdesk-server [storage options] messages [--json]`: the dispatch queue as the
// administrator needs it: how many email and SMS are due, being sent, sent, failed or of unknown
// outcome, and the newest that failed, whose outcome is unknown, or that are being retried,
// with the reason (which may quote the relay, and so an address: this is for the server's
// operator, never for a log).
class MessagesCommand
{
    Q_DECLARE_TR_FUNCTIONS(MessagesCommand)
public:
    explicit MessagesCommand(ServerConfig config) : m_config(std::move(config)) {}
    // arguments: what follows "messages". 0 done, 1 failed, 2 a usage error.
    int run(const QStringList &arguments);

private:
    ServerConfig m_config;
};

} // namespace frontdesk::server
