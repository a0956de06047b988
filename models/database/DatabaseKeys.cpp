#include "DatabaseKeys.h"

#include <QDir>

#include <sodium.h>

namespace frontdesk {

namespace {

// Best effort: QByteArray may have handed out shared copies we cannot reach.
void zero(QByteArray &bytes)
{
    if (!bytes.isEmpty())
        sodium_memzero(bytes.data(), static_cast<size_t>(bytes.size()));
    bytes.clear();
}

} // namespace

DatabaseKeys::DatabaseKeys(SecretStore &store, QString dataDir)
    : m_store(store), m_dataDir(QDir::cleanPath(QDir(dataDir).absolutePath()))
{}

QString DatabaseKeys::account() const
{
    return QStringLiteral("database-key:") + m_dataDir;
}

QString DatabaseKeys::pendingAccount() const
{
    return account() + QStringLiteral("#pending");
}

QByteArray DatabaseKeys::generateKey()
{
    if (sodium_init() < 0)
        return {};
    QByteArray key(keySize, Qt::Uninitialized);
    randombytes_buf(key.data(), static_cast<size_t>(key.size()));
    return key;
}

Result<std::optional<QByteArray>> DatabaseKeys::readKey(const QString &entry)
{
    Result<std::optional<QByteArray>> secret = m_store.read(entry);
    if (!secret) {
        return fail(tr("Could not read the database key for %1 from %2: %3")
                        .arg(m_dataDir, m_store.description(), secret.error()));
    }
    if (secret->has_value() && (*secret)->size() != keySize) {
        const qsizetype size = (*secret)->size();
        zero(**secret);
        return fail(tr("The entry \"%1\" in %2 is not a database key: it holds %3 bytes instead "
                       "of %4. Frontdesk will not open the database in %5 with it.")
                        .arg(entry, m_store.description(), QString::number(size),
                             QString::number(keySize), m_dataDir));
    }
    return secret;
}

void DatabaseKeys::wipe(QByteArray &key)
{
    if (!key.isEmpty())
        sodium_memzero(key.data(), static_cast<size_t>(key.size()));
}

Status DatabaseKeys::writeKey(const QString &entry, const QByteArray &key)
{
    if (key.size() != keySize) {
        return fail(tr("Refusing to store a database key of %1 bytes; it must be %2 bytes.")
                        .arg(key.size())
                        .arg(keySize));
    }
    const Status written = m_store.write(entry, key);
    if (!written) {
        return fail(tr("Could not store the database key for %1 in %2: %3")
                        .arg(m_dataDir, m_store.description(), written.error()));
    }
    return {};
}

Result<QByteArray> DatabaseKeys::obtain(bool databaseExists)
{
    Result<std::optional<QByteArray>> existing = readKey(account());
    if (!existing)
        return fail(existing.error());
    if (existing->has_value())
        return std::move(**existing);

    if (databaseExists) {
        return fail(
            tr("The database in %1 exists, but its key (entry \"%2\") is missing from %3.\n"
               "Frontdesk will not create a new key over existing data: the data could never be "
               "read again.\n"
               "To go on, do one of these:\n"
               "- restore the keychain entry (for example from a backup of the keychain), then "
               "start Frontdesk again;\n"
               "- if the key was saved to a key file, start Frontdesk with --key-file PATH "
               "pointing to that file;\n"
               "- or run `frontdeskctl wipe` to delete this database and start over. All data in "
               "it is lost.")
                .arg(m_dataDir, account(), m_store.description()));
    }

    QByteArray key = generateKey();
    if (key.size() != keySize)
        return fail(tr("Could not generate a database key: libsodium failed to initialise."));
    if (Status stored = store(key); !stored) {
        zero(key);
        return fail(stored.error());
    }

    // Some keychains accept a write and keep nothing (a locked or read-only collection); better
    // to find that out now than after the database has been encrypted with a key we lost.
    Result<std::optional<QByteArray>> readBack = readKey(account());
    const bool kept = readBack && readBack->has_value() &&
                      sodium_memcmp((*readBack)->constData(), key.constData(), keySize) == 0;
    if (readBack && readBack->has_value())
        zero(**readBack);
    if (!kept) {
        zero(key);
        QString reason;
        if (!readBack)
            reason = readBack.error();
        else if (!readBack->has_value())
            reason = tr("reading it back found no entry");
        else
            reason = tr("reading it back gave a different key");
        // Nothing has been encrypted with it yet, so removing it only avoids confusion later.
        (void)m_store.remove(account());
        return fail(tr("The new database key for %1 was not kept by %2: %3")
                        .arg(m_dataDir, m_store.description(), reason));
    }
    return key;
}

Status DatabaseKeys::store(const QByteArray &key)
{
    return writeKey(account(), key);
}

Result<std::optional<QByteArray>> DatabaseKeys::pending()
{
    return readKey(pendingAccount());
}

Status DatabaseKeys::storePending(const QByteArray &key)
{
    return writeKey(pendingAccount(), key);
}

Status DatabaseKeys::clearPending()
{
    const Status removed = m_store.remove(pendingAccount());
    if (!removed) {
        return fail(tr("Could not remove the pending database key for %1 from %2: %3")
                        .arg(m_dataDir, m_store.description(), removed.error()));
    }
    return {};
}

Status DatabaseKeys::removeAll()
{
    // Both removals are attempted even if the first fails, so a wipe leaves as little as it can.
    const Status pendingRemoved = clearPending();
    const Status removed = m_store.remove(account());
    if (!removed) {
        return fail(tr("Could not remove the database key for %1 from %2: %3")
                        .arg(m_dataDir, m_store.description(), removed.error()));
    }
    return pendingRemoved;
}

} // namespace frontdesk
