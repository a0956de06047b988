#pragma once

#include "core/Result.h"

#include <QCoreApplication>

namespace frontdesk {

class Database;

// Local retention of messages: a workstation keeps messages for N days (settings key
// message_retention_days; unset or 0 keeps them all) and then removes its copy. Only messages
// the server already has (synced) or demo data go; a message still waiting to be sent, or in
// conflict, stays until it is resolved. The server's copy is not affected.
class MessageRetention
{
    Q_DECLARE_TR_FUNCTIONS(MessageRetention)
public:
    static QString key() { return QStringLiteral("message_retention_days"); }
    static constexpr int MaximumDays = 3650;

    static int days(const Database &db);
    // Needs the manage-settings permission when someone is signed in; audited.
    static Status setDays(Database &db, int days);
    // Removes the local copies older than the retention period; returns how many. Audited.
    static Result<qint64> purge(Database &db);
};

} // namespace frontdesk
