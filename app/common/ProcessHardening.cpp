#include "ProcessHardening.h"

#include <QCoreApplication>

#include <cerrno>
#include <cstring>
#include <sys/prctl.h>
#include <sys/resource.h>

namespace frontdesk::ProcessHardening {

QString forbidCoreDumps()
{
    QStringList problems;
    const rlimit none{0, 0};
    if (::setrlimit(RLIMIT_CORE, &none) != 0)
        problems << QCoreApplication::translate("ProcessHardening",
                                                "Could not turn core dumps off (RLIMIT_CORE): %1")
                        .arg(QString::fromLocal8Bit(std::strerror(errno)));
#if !defined(__SANITIZE_ADDRESS__)
    // LeakSanitizer stops the process with ptrace, which a non-dumpable process refuses; the
    // asan build keeps only the core limit.
    if (::prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0)
        problems << QCoreApplication::translate("ProcessHardening",
                                                "Could not make the process non-dumpable: %1")
                        .arg(QString::fromLocal8Bit(std::strerror(errno)));
#endif
    return problems.join(QLatin1Char('\n'));
}

} // namespace frontdesk::ProcessHardening
