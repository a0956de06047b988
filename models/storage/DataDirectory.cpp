#include "DataDirectory.h"

#include "access/AuditLog.h"
#include "access/SystemJournal.h"
#include "database/DatabaseKeys.h"
#include "database/SecretStore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QScopeGuard>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace frontdesk {

namespace {

// rename() is atomic, but only durable once the file and its directory reach the disk.
bool syncPath(const QString &path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}

} // namespace

DataDirectory::DataDirectory(QString path, SecretStore &store)
    : m_path(QDir::cleanPath(QDir(path).absolutePath())), m_store(store)
{}

QString DataDirectory::databasePath() const
{
    return QDir(m_path).filePath(Database::fileName());
}

bool DataDirectory::databaseExists() const
{
    const QFileInfo info(databasePath());
    return info.exists() && info.size() > 0;
}

QString DataDirectory::rekeyCopyPath() const
{
    return databasePath() + QStringLiteral(".rekey");
}

Status DataDirectory::ensureDirectory() const
{
    QDir dir(m_path);
    if (!dir.exists()) {
        if (!QDir().mkpath(m_path))
            return fail(tr("Could not create the data directory %1. Check that its parent exists "
                           "and is writable.")
                            .arg(m_path));
        QFile::setPermissions(m_path, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                          QFileDevice::ExeOwner);
    }
    if (!QFileInfo(m_path).isDir())
        return fail(tr("%1 is not a directory.").arg(m_path));
    return {};
}

Result<std::unique_ptr<Database>> DataDirectory::openWithKey(const QByteArray &key,
                                                             const Database::Options &options) const
{
    return Database::open(databasePath(), key, options);
}

DataDirectory::Lock::~Lock()
{
    ::close(m_fd); // releases the flock
}

Result<std::shared_ptr<DataDirectory::Lock>> DataDirectory::lock(bool exclusive) const
{
    const QString path = QDir(m_path).filePath(QStringLiteral("frontdesk.lock"));
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) {
        const int error = errno;
        const QString why = QString::fromLocal8Bit(strerror(error));
        if (error == EROFS || error == EACCES || error == EPERM)
            return fail(tr("Frontdesk cannot write in its data directory %1 (%2). Make the "
                           "directory and its files writable by this user, or mount its disk "
                           "read-write, and try again. Nothing was changed.")
                            .arg(m_path, why));
        if (error == ENOSPC || error == EDQUOT)
            return fail(tr("The disk that holds the data directory %1 is full (%2). Free some "
                           "space and try again. Nothing was changed.")
                            .arg(m_path, why));
        return fail(tr("Could not open the lock file %1: %2").arg(path, why));
    }
    if (::flock(fd, (exclusive ? LOCK_EX : LOCK_SH) | LOCK_NB) != 0) {
        ::close(fd);
        return fail(
            exclusive ? tr("The database in %1 is in use by another program (is Frontdesk open on "
                           "this workstation?). Close it and try again.")
                            .arg(m_path)
                      : tr("The database in %1 is being re-keyed or wiped right now. Try again "
                           "when that has finished.")
                            .arg(m_path));
    }
    return std::make_shared<Lock>(fd);
}

Result<DataDirectory::Opened> DataDirectory::open(const Database::Options &options)
{
    if (auto s = ensureDirectory(); !s)
        return fail(s.error());
    auto shared = lock(false);
    if (!shared)
        return fail(shared.error());
    auto opened = openLocked(options);
    if (opened)
        opened->database->keepWhileOpen(*shared);
    return opened;
}

Result<DataDirectory::Opened> DataDirectory::openLocked(const Database::Options &options)
{
    DatabaseKeys keys(m_store, m_path);
    const bool exists = databaseExists();
    auto key = keys.obtain(exists);
    if (!key)
        return fail(key.error());
    // The connection keeps its own copy; these go when this function returns, whichever way.
    const auto wipeKey = qScopeGuard([&key] { DatabaseKeys::wipe(*key); });
    Opened opened;
    auto pending = keys.pending();
    if (!pending)
        return fail(pending.error());
    const auto wipePending = qScopeGuard([&pending] {
        if (pending->has_value())
            DatabaseKeys::wipe(**pending);
    });

    auto db = openWithKey(*key, options);
    if (pending->has_value() && **pending == *key) {
        // The rotation finished; only the clean-up of the pending entry was cut short.
        if (auto s = keys.clearPending(); !s)
            return fail(s.error());
    } else if (pending->has_value()) {
        if (db) {
            // The rotation stopped before the re-encrypted copy replaced the database.
            if (auto s = keys.clearPending(); !s)
                return fail(s.error());
            QFile::remove(rekeyCopyPath());
            opened.notes
                << tr("An interrupted key rotation was found. The database still uses its "
                      "previous key, which remains in %1; the unfinished copy was removed. "
                      "Run the rotation again.")
                       .arg(m_store.description());
        } else {
            // The copy replaced the database, but the new key was not yet promoted.
            auto withNew = openWithKey(**pending, options);
            if (!withNew)
                return fail(tr("Neither stored key opens %1.\nWith the current key: %2\nWith the "
                               "key of an interrupted rotation: %3")
                                .arg(databasePath(), db.error(), withNew.error()));
            if (auto s = keys.store(**pending); !s)
                return fail(s.error());
            if (auto s = keys.clearPending(); !s)
                return fail(s.error());
            opened.notes << tr("An interrupted key rotation was completed: the database uses the "
                               "new key, now stored in %1.")
                                .arg(m_store.description());
            db = std::move(withNew);
        }
    }
    if (!db)
        return fail(db.error());
    if (!options.readOnly) {
        // Before the migrations, which may name an index that a large first pull stopped
        // halfway had set aside. One that cannot be made (a full disk) only slows this
        // workstation down: it opens, says so, and tries again at the next open.
        if (auto s = (*db)->restoreIndexes(); !s)
            opened.notes << s.error();
        if (auto s = (*db)->migrate(); !s)
            return fail(s.error());
    }
    opened.database = std::move(*db);
    return opened;
}

Result<QString> DataDirectory::rekey(const std::function<bool(RekeyStep)> &hook)
{
    const auto stopAfter = [&](RekeyStep step) { return hook && !hook(step); };
    if (!databaseExists())
        return fail(tr("There is no database in %1 to rotate the key of.").arg(m_path));
    auto exclusive = lock(true);
    if (!exclusive)
        return fail(exclusive.error());
    auto opened = openLocked({});
    if (!opened)
        return fail(opened.error());
    std::unique_ptr<Database> db = std::move(opened->database);
    DatabaseKeys keys(m_store, m_path);

    // Everything must be in the main file before it is copied, and nobody else may be writing.
    bool checkpointed = false;
    {
        auto checkpoint = db->query(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
        checkpointed = checkpoint && checkpoint->next() && checkpoint->value(0).toInt() == 0;
    }
    if (!checkpointed)
        return fail(tr("The database is in use by another program (is Frontdesk open on this "
                       "workstation?). Close it and run the rotation again."));

    QByteArray newKey = DatabaseKeys::generateKey();
    const auto wipeNewKey = qScopeGuard([&newKey] { DatabaseKeys::wipe(newKey); });
    if (newKey.size() != Database::KeyBytes)
        return fail(tr("Could not make a new random key."));
    if (auto s = keys.storePending(newKey); !s)
        return fail(s.error());
    if (stopAfter(RekeyStep::PendingKeyStored))
        return QString();

    QFile::remove(rekeyCopyPath());
    if (auto s = db->exportTo(rekeyCopyPath(), newKey); !s) {
        QFile::remove(rekeyCopyPath());
        (void)keys.clearPending();
        return fail(s.error());
    }
    {
        auto copy = Database::open(rekeyCopyPath(), newKey);
        if (copy) {
            // Recorded in the copy, so the entry exists exactly when the rotation does.
            (*copy)->setActor(Actor::osUser(SystemJournal::operatingSystemUser()));
            AuditEntry rotated;
            rotated.action = QStringLiteral("key-rotation");
            rotated.entityType = QStringLiteral("Database");
            if (auto a = AuditLog(**copy).append(rotated); !a)
                copy = fail(a.error());
        }
        auto problems = copy ? (*copy)->check() : Result<QStringList>(fail(copy.error()));
        if (!problems || !problems->isEmpty()) {
            copy = fail(QString());
            QFile::remove(rekeyCopyPath());
            (void)keys.clearPending();
            return fail(tr("The re-encrypted copy failed its check; the database was left as it "
                           "was. %1")
                            .arg(problems ? problems->join(QLatin1Char('\n')) : problems.error()));
        }
    }
    if (!syncPath(rekeyCopyPath()))
        return fail(tr("Could not flush %1 to disk.").arg(rekeyCopyPath()));
    if (stopAfter(RekeyStep::CopyWritten))
        return QString();

    db.reset(); // closes the connection; the emptied WAL goes with it
    for (const QString &companion : Database::companionFiles(databasePath()).mid(1))
        QFile::remove(companion);
    if (std::rename(QFile::encodeName(rekeyCopyPath()).constData(),
                    QFile::encodeName(databasePath()).constData()) != 0)
        return fail(tr("Could not put the re-encrypted database in place; the previous key still "
                       "opens it."));
    syncPath(m_path);
    if (stopAfter(RekeyStep::CopyInPlace))
        return QString();

    if (auto s = keys.store(newKey); !s)
        return fail(tr("The database was re-encrypted, but the new key could not be stored as "
                       "the current one (%1). It is kept as the pending key; the next start "
                       "finishes the rotation.")
                        .arg(s.error()));
    if (stopAfter(RekeyStep::KeyPromoted))
        return QString();
    if (auto s = keys.clearPending(); !s)
        return fail(s.error());
    return tr("The database key was rotated; the new key is stored in %1.")
        .arg(m_store.description());
}

Status DataDirectory::wipe(const QString &requestedBy)
{
    if (!QFileInfo(m_path).isDir())
        return fail(tr("There is no data directory %1.").arg(m_path));
    auto exclusive = lock(true);
    if (!exclusive)
        return fail(exclusive.error());
    // The key first: once it is gone the files are unreadable wherever copies of them are
    // (backups, freed blocks), so it is checked, not assumed.
    DatabaseKeys keys(m_store, m_path);
    QString keyProblem;
    if (auto s = keys.removeAll(); !s) {
        keyProblem = s.error();
    } else {
        for (const QString &entry : {keys.account(), keys.pendingAccount()}) {
            auto left = m_store.read(entry);
            if (!left)
                keyProblem = tr("Could not check that the key is gone: %1").arg(left.error());
            else if (left->has_value())
                keyProblem = tr("The entry %1 is still there after it was removed.").arg(entry);
        }
    }
    // The files go even when the key could not: what a wipe can remove, it removes.
    QStringList failed;
    const QStringList files = Database::companionFiles(databasePath()) << rekeyCopyPath();
    for (const QString &file : files) {
        if (QFileInfo::exists(file) && !QFile::remove(file))
            failed << file;
    }
    if (!keyProblem.isEmpty())
        return fail(tr("THE DATABASE KEY WAS NOT REMOVED from %1: anyone with a copy of the "
                       "database can still read it. Remove the key by hand. %2%3")
                        .arg(m_store.description(), keyProblem,
                             failed.isEmpty()
                                 ? QString()
                                 : QLatin1Char(' ') + tr("These files could not be removed either: "
                                                         "%1")
                                                          .arg(failed.join(QStringLiteral(", ")))));
    if (!failed.isEmpty())
        return fail(tr("The key is gone, so the data can no longer be decrypted, but these files "
                       "could not be removed: %1")
                        .arg(failed.join(QStringLiteral(", "))));
    SystemJournal::record(
        QStringLiteral("data directory %1 wiped (database, WAL, journal and key removed) by "
                       "operating-system user %2%3")
            .arg(m_path, SystemJournal::operatingSystemUser(),
                 requestedBy.isEmpty() ? QString() : QStringLiteral(" for ") + requestedBy));
    return {};
}

} // namespace frontdesk
