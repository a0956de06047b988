// Migration::splitStatements: a migration script cut into statements.

#include "FuzzSupport.h"
#include "database/Migration.h"

using namespace frontdesk;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QStringList statements = Migration::splitStatements(fuzz::text(data, size));
    for (const QString &s : statements) {
        if (s.trimmed().isEmpty())
            __builtin_trap(); // empty statements are dropped, never returned
    }
    return 0;
}
