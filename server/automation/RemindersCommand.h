#pragma once

#include "ServerConfig.h"

#include <QCoreApplication>
#include <QStringList>

namespace frontdesk::server {

// `frontdesk-server [storage options] reminders|followups ...`: the reminder and follow-up rules,
// managed by the administrator on the server machine as the staff accounts are (whoever may read
// the server's configuration and key), each change in the trail with the operating-system user:
//   reminders list [--json]
//   reminders add --before 48h [--type TYPE] (--text TEXT | --template NAME) [--paused]
//   reminders pause ID | resume ID | remove ID
//   reminders --dry-run [--json]   what the scheduler would make now, and why not
//   followups ... the same, with --after 1d instead of --before and [--survey QUESTION]
class RemindersCommand
{
    Q_DECLARE_TR_FUNCTIONS(RemindersCommand)
public:
    explicit RemindersCommand(ServerConfig config) : m_config(std::move(config)) {}
    // arguments: "reminders" or "followups" and what follows. 0 done, 1 failed, 2 a usage error.
    int run(const QStringList &arguments);

private:
    ServerConfig m_config;
};

} // namespace frontdesk::server
