#include "AuditedExport.h"

#include <QSaveFile>

#include <sys/stat.h>

namespace frontdesk {

Status AuditedExport::write(const QString &path, const QByteArray &content,
                            const std::function<Status()> &record)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(tr("Could not write %1: %2").arg(path, file.errorString()));
    // Narrowed before anything is written, and checked: a umask or a file system can widen what
    // was asked for, and an export holds patient data.
    struct stat info = {};
    if (!file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) ||
        ::fstat(file.handle(), &info) != 0 || (info.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
        file.cancelWriting();
        return fail(tr("Could not make %1 private to its owner (mode 0600), so nothing was "
                       "written.")
                        .arg(path));
    }
    if (file.write(content) != content.size()) {
        file.cancelWriting();
        return fail(tr("Could not write %1: %2").arg(path, file.errorString()));
    }
    if (auto recorded = record ? record() : Status{}; !recorded) {
        file.cancelWriting();
        return fail(tr("%1 was not written because the export could not be recorded in the "
                       "audit trail: %2")
                        .arg(path, recorded.error()));
    }
    if (!file.commit())
        return fail(tr("The export was recorded in the audit trail, but %1 could not be written: "
                       "%2")
                        .arg(path, file.errorString()));
    return {};
}

} // namespace frontdesk
