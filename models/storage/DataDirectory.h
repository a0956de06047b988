#pragma once

#include "core/Result.h"
#include "database/Database.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

namespace frontdesk {

class SecretStore;

// A workstation's data directory: the encrypted database in it and the key that opens it.
// Opening creates the key on first run, finishes or rolls back an interrupted key rotation,
// and migrates the schema.
class DataDirectory
{
    Q_DECLARE_TR_FUNCTIONS(DataDirectory)
public:
    DataDirectory(QString path, SecretStore &store);

    QString path() const { return m_path; }
    QString databasePath() const;
    bool databaseExists() const;

    // An flock on <data-dir>/frontdesk.lock: shared while a program has the database open,
    // exclusive for rekey and wipe, which must not run under a program that is using it.
    class Lock
    {
    public:
        explicit Lock(int fd) : m_fd(fd) {}
        ~Lock();
        Lock(const Lock &) = delete;
        Lock &operator=(const Lock &) = delete;

    private:
        int m_fd;
    };

    struct Opened
    {
        std::unique_ptr<Database> database;
        QStringList notes; // things the user should be told, e.g. a recovered key rotation
    };
    Result<Opened> open(const Database::Options &options = {});

    // The steps of a key rotation, for tests that stop it part-way as a crash would.
    enum class RekeyStep
    {
        PendingKeyStored,
        CopyWritten,
        CopyInPlace,
        KeyPromoted
    };
    // Re-encrypts the database with a new random key. A crash at any point leaves a database
    // that one of the two stored keys opens; the next open() finishes the job and says which.
    // Return false from the hook to stop right after that step.
    Result<QString> rekey(const std::function<bool(RekeyStep)> &hook = {});

    // Removes the key first and checks that it is gone (without it the files are unreadable
    // wherever copies of them are), then the database with its WAL and journal files. A key that
    // stays fails loudly, after the files were removed all the same. The audit trail goes
    // with the database, so the wipe is recorded in the system log instead, naming the
    // operating-system user and requestedBy (e.g. the staff member who asked for it).
    Status wipe(const QString &requestedBy = {});

private:
    Status ensureDirectory() const;
    Result<std::shared_ptr<Lock>> lock(bool exclusive) const;
    Result<Opened> openLocked(const Database::Options &options);
    QString rekeyCopyPath() const;
    Result<std::unique_ptr<Database>> openWithKey(const QByteArray &key,
                                                  const Database::Options &options) const;

    QString m_path;
    SecretStore &m_store;
};

} // namespace frontdesk
