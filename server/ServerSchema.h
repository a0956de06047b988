#pragma once

#include "database/Database.h"
#include "database/Migration.h"

#include <QList>

namespace frontdesk::server {

// frontdesk-server's migrations (server/schema/NNN_name.sql), written once for both databases:
// the few differences are marked in the scripts and resolved here, the one place that knows
// both dialects.
class ServerSchema
{
public:
    static QList<Migration> migrations(Database::Dialect dialect);
    // One script as the given database runs it.
    static QString forDialect(const QString &script, Database::Dialect dialect);
};

} // namespace frontdesk::server
