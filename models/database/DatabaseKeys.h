#pragma once

#include "SecretStore.h"

#include <QCoreApplication>

namespace frontdesk {

// The policy for the key of a data directory's database, whichever SecretStore holds it: a
// random 256-bit key made on first run, and never a new key over an existing database.
class DatabaseKeys
{
    Q_DECLARE_TR_FUNCTIONS(DatabaseKeys)

public:
    static constexpr qsizetype keySize = 32;

    DatabaseKeys(SecretStore &store, QString dataDir);

    QString dataDir() const { return m_dataDir; }
    // "database-key:" + the absolute data directory: one entry per data directory.
    QString account() const;
    // Where a rekey parks the new key until the database has been re-encrypted with it.
    QString pendingAccount() const;

    // keySize bytes from the OS CSPRNG; empty only if libsodium cannot initialise.
    static QByteArray generateKey();
    // Overwrites a copy of a key once it has been used (sodium_memzero). Best effort: Qt's
    // implicit sharing may hold another reference, so call it where the copy is the last.
    static void wipe(QByteArray &key);

    // The key for the data directory. Without an entry: a new key on first run
    // (databaseExists == false), a failure explaining what to do otherwise.
    Result<QByteArray> obtain(bool databaseExists);
    Status store(const QByteArray &key);

    Result<std::optional<QByteArray>> pending();
    Status storePending(const QByteArray &key);
    Status clearPending();

    // Both entries, for a secure wipe.
    Status removeAll();

private:
    Result<std::optional<QByteArray>> readKey(const QString &entry);
    Status writeKey(const QString &entry, const QByteArray &key);

    SecretStore &m_store;
    QString m_dataDir;
};

} // namespace frontdesk
