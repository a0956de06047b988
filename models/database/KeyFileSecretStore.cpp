#include "KeyFileSecretStore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

namespace frontdesk {

namespace {

constexpr QFileDevice::Permissions ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

QString octalMode(mode_t mode)
{
    return QStringLiteral("0%1").arg(mode & 07777, 3, 8, QLatin1Char('0'));
}

// Best effort: QByteArray may have handed out shared copies we cannot reach.
void zero(QByteArray &bytes)
{
    if (!bytes.isEmpty())
        sodium_memzero(bytes.data(), static_cast<size_t>(bytes.size()));
}

// Overwrites what an open key file holds with zeros, on the disk, so the keys it held are not
// left in freed blocks once its name is gone. On a copy-on-write or flash file system the old
// blocks may survive anyway; the README says so.
bool overwrite(int fd)
{
    struct stat info = {};
    if (::fstat(fd, &info) != 0)
        return false;
    const QByteArray zeros(64 * 1024, '\0');
    off_t done = 0;
    while (done < info.st_size) {
        const size_t chunk =
            static_cast<size_t>(qMin<off_t>(info.st_size - done, off_t(zeros.size())));
        const ssize_t n = ::pwrite(fd, zeros.constData(), chunk, done);
        if (n <= 0)
            return false;
        done += n;
    }
    return ::fsync(fd) == 0;
}

} // namespace

KeyFileSecretStore::KeyFileSecretStore(QString filePath)
    : m_filePath(QDir::cleanPath(QFileInfo(filePath).absoluteFilePath()))
{}

QString KeyFileSecretStore::description() const
{
    return tr("the key file %1").arg(m_filePath);
}

Result<QJsonObject> KeyFileSecretStore::load() const
{
    QFile file(m_filePath);
    if (!file.open(QIODevice::ReadOnly)) {
        if (!file.exists())
            return QJsonObject();
        return fail(tr("Could not open the key file %1: %2").arg(m_filePath, file.errorString()));
    }

    // Checked on the open descriptor, so the file cannot be swapped between check and read.
    struct stat info = {};
    if (::fstat(file.handle(), &info) != 0)
        return fail(tr("Could not check the permissions of the key file %1.").arg(m_filePath));
    if (!S_ISREG(info.st_mode))
        return fail(tr("The key file %1 is not a regular file.").arg(m_filePath));
    if ((info.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
        return fail(tr("The key file %1 has mode %2, which lets other users read it, so Frontdesk "
                       "refuses to use it. Make it private to its owner with: chmod 600 %1")
                        .arg(m_filePath, octalMode(info.st_mode)));
    }

    QByteArray content = file.readAll();
    if (file.error() != QFileDevice::NoError) {
        zero(content);
        return fail(tr("Could not read the key file %1: %2").arg(m_filePath, file.errorString()));
    }
    // An empty file is how a careful admin prepares one (`install -m 600 /dev/null FILE`).
    if (content.trimmed().isEmpty())
        return QJsonObject();

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(content, &parseError);
    zero(content);
    const QString untouched =
        tr("Frontdesk leaves it untouched; restore it from a backup or move it aside.");
    if (parseError.error != QJsonParseError::NoError) {
        return fail(tr("The key file %1 is not valid JSON (%2 at offset %3). %4")
                        .arg(m_filePath, parseError.errorString(),
                             QString::number(parseError.offset), untouched));
    }
    if (!document.isObject()) {
        return fail(tr("The key file %1 does not hold a JSON object of account names and keys. %2")
                        .arg(m_filePath, untouched));
    }
    const QJsonObject entries = document.object();
    for (auto it = entries.constBegin(); it != entries.constEnd(); ++it) {
        const bool valid = it.value().isString() &&
                           QByteArray::fromBase64Encoding(it.value().toString().toLatin1(),
                                                          QByteArray::AbortOnBase64DecodingErrors)
                                   .decodingStatus == QByteArray::Base64DecodingStatus::Ok;
        if (!valid) {
            return fail(tr("The key file %1 has an invalid entry \"%2\": its value is not a "
                           "base64 string. %3")
                            .arg(m_filePath, it.key(), untouched));
        }
    }
    return entries;
}

Status KeyFileSecretStore::save(const QJsonObject &entries) const
{
    QSaveFile file(m_filePath);
    if (!file.open(QIODevice::WriteOnly)) {
        return fail(tr("Could not create the key file %1: %2").arg(m_filePath, file.errorString()));
    }
    // A new file is created with the umask's permissions; narrow them before any secret is in
    // it, and check, because a umask or a file system can quietly widen what we asked for.
    struct stat info = {};
    if (!file.setPermissions(ownerOnly) || ::fstat(file.handle(), &info) != 0 ||
        (info.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
        file.cancelWriting();
        return fail(
            tr("Could not make the key file %1 private to its owner (mode 0600).").arg(m_filePath));
    }

    QByteArray content = QJsonDocument(entries).toJson(QJsonDocument::Indented);
    const bool written = file.write(content) == content.size();
    zero(content);
    // The file being replaced still holds every key it had, removed ones too: kept open across
    // the rename, it is overwritten once the new file has taken its name.
    const int previous = ::open(QFile::encodeName(m_filePath).constData(), O_WRONLY | O_CLOEXEC);
    if (!written || !file.commit()) {
        if (previous >= 0)
            ::close(previous);
        return fail(tr("Could not write the key file %1: %2").arg(m_filePath, file.errorString()));
    }
    if (previous >= 0) {
        const bool wiped = overwrite(previous);
        ::close(previous);
        if (!wiped)
            return fail(tr("The key file %1 was rewritten, but its previous content could not be "
                           "overwritten on the disk.")
                            .arg(m_filePath));
    }
    return {};
}

Result<std::optional<QByteArray>> KeyFileSecretStore::read(const QString &account)
{
    const Result<QJsonObject> entries = load();
    if (!entries)
        return fail(entries.error());
    const QJsonValue value = entries->value(account);
    if (value.isUndefined())
        return std::optional<QByteArray>();
    return std::optional<QByteArray>(QByteArray::fromBase64(value.toString().toLatin1()));
}

Status KeyFileSecretStore::write(const QString &account, const QByteArray &secret)
{
    Result<QJsonObject> entries = load();
    if (!entries)
        return fail(entries.error());
    entries->insert(account, QString::fromLatin1(secret.toBase64()));
    return save(*entries);
}

Status KeyFileSecretStore::remove(const QString &account)
{
    Result<QJsonObject> entries = load();
    if (!entries)
        return fail(entries.error());
    if (!entries->contains(account))
        return {};
    entries->remove(account);
    if (!entries->isEmpty())
        return save(*entries);
    // The last entry: nothing is left to keep, so the file is overwritten where it is, then
    // unlinked.
    const int fd = ::open(QFile::encodeName(m_filePath).constData(), O_WRONLY | O_CLOEXEC);
    if (fd < 0)
        return fail(tr("Could not open the key file %1 to overwrite it.").arg(m_filePath));
    const bool wiped = overwrite(fd);
    ::close(fd);
    if (!wiped)
        return fail(tr("Could not overwrite the key file %1.").arg(m_filePath));
    if (!QFile::remove(m_filePath))
        return fail(
            tr("The key file %1 was overwritten but could not be removed.").arg(m_filePath));
    return {};
}

} // namespace frontdesk
