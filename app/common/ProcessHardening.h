#pragma once

#include <QString>

namespace frontdesk::ProcessHardening {

// Called first in main() of frontdesk and frontdeskctl: a core dump would write the database
// key, decrypted patient data and typed passwords to disk in clear. PR_SET_DUMPABLE 0 also keeps
// other processes of the same user from attaching with ptrace. Returns what could not be done
// (empty when all of it was), for a warning: the program still runs, as it would on a kernel
// without prctl.
QString forbidCoreDumps();

} // namespace frontdesk::ProcessHardening
