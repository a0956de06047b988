#pragma once

#include "database/Database.h"

namespace frontdesk::test {

// Marks a connection a test, benchmark or test tool sets data up on as the system's: the models'
// checks let it pass (AccessGuard), unless a Session is on it, which then decides as it does in
// the app. A test of the checks themselves signs in, or opens a connection without this mark.
inline void actAsTestSetUp(Database &db)
{
    db.actAsSystem(QStringLiteral("test set-up"));
}

} // namespace frontdesk::test
