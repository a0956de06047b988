#pragma once

// A private mount namespace for tests that fill a small tmpfs (a full disk) without touching the
// host: entered in main() before Qt starts a thread, since unshare(CLONE_NEWNS) needs a
// single-threaded process. Used by tst_fulldisk and tst_errorrecovery.

#include <QByteArray>
#include <QString>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sched.h>
#include <sys/mount.h>
#include <unistd.h>

namespace frontdesk::test {

struct PrivateMounts
{
    bool available = false; // whether mount(2) is ours to use
    QString note;           // how the process was isolated, or why not

    static PrivateMounts enter()
    {
        PrivateMounts result;
        const uid_t uid = geteuid();
        const gid_t gid = getegid();
        if (unshare(CLONE_NEWNS) == 0) {
            result.note = QStringLiteral("mount namespace");
        } else if (unshare(CLONE_NEWUSER | CLONE_NEWNS) == 0) {
            // Root inside, the same user outside: enough to mount a tmpfs, nothing more.
            writeProcFile("/proc/self/setgroups", "deny");
            writeProcFile("/proc/self/uid_map", QByteArray("0 ") + QByteArray::number(uid) + " 1");
            writeProcFile("/proc/self/gid_map", QByteArray("0 ") + QByteArray::number(gid) + " 1");
            result.note = QStringLiteral("user + mount namespace");
        } else {
            result.note =
                QStringLiteral("no namespace (%1)").arg(QString::fromLocal8Bit(strerror(errno)));
            return result;
        }
        // Our mounts must not leak to the host, and the host's must not be changed by us.
        result.available = mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) == 0;
        return result;
    }

private:
    static bool writeProcFile(const char *path, const QByteArray &text)
    {
        const int fd = ::open(path, O_WRONLY | O_CLOEXEC);
        if (fd < 0)
            return false;
        const bool ok = ::write(fd, text.constData(), size_t(text.size())) == text.size();
        ::close(fd);
        return ok;
    }
};

} // namespace frontdesk::test
