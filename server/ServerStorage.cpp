#include "ServerStorage.h"

#include "ServerSchema.h"
#include "database/DatabaseKeys.h"
#include "database/KeyFileSecretStore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QUrl>

namespace frontdesk::server {

QString ServerStorage::describe(const ServerConfig &config)
{
    if (!config.databaseUrl.isEmpty())
        return QUrl(config.databaseUrl).toString(QUrl::RemovePassword);
    return QDir(config.dataDir).filePath(databaseFileName());
}

Result<QByteArray> ServerStorage::fileKey(const QString &dataDir, bool databaseExists)
{
    const QString credentials = qEnvironmentVariable("CREDENTIALS_DIRECTORY");
    const QString credential = QDir(credentials).filePath(credentialName());
    if (!credentials.isEmpty() && QFileInfo::exists(credential)) {
        QFile f(credential);
        if (!f.open(QIODevice::ReadOnly))
            return fail(
                tr("Could not read the credential %1: %2").arg(credential, f.errorString()));
        const QByteArray text = f.readAll().trimmed();
        const QByteArray key =
            text.size() == 2 * Database::KeyBytes ? QByteArray::fromHex(text) : text;
        if (key.size() != Database::KeyBytes)
            return fail(tr("The credential %1 must hold a %2-byte key, raw or as %3 hex digits.")
                            .arg(credential)
                            .arg(Database::KeyBytes)
                            .arg(2 * Database::KeyBytes));
        return key;
    }
    KeyFileSecretStore store(QDir(dataDir).filePath(keyFileName()));
    return DatabaseKeys(store, dataDir).obtain(databaseExists);
}

Status ServerStorage::migrate(Database &db)
{
    if (db.dialect() != Database::Dialect::PostgreSql)
        return db.migrate(ServerSchema::migrations(db.dialect()));
    // Several processes may start at once against one empty database (a load balancer's pool,
    // systemd restarting all of them): without one lock, two would both see version 0 and the
    // second would fail half-way creating tables the first just made. The lock is the
    // session's, so it holds across the migrations' own transactions and ends with the
    // connection should the process die.
    const qint64 key = migrationLockKey();
    if (auto r = db.query(QStringLiteral("SELECT pg_advisory_lock(?)"), {key}); !r)
        return fail(tr("Could not take the migration lock: %1").arg(r.error()));
    const Status migrated = db.migrate(ServerSchema::migrations(db.dialect()));
    auto unlocked = db.query(QStringLiteral("SELECT pg_advisory_unlock(?)"), {key});
    if (!migrated)
        return migrated;
    if (!unlocked)
        return fail(tr("Could not release the migration lock: %1").arg(unlocked.error()));
    return {};
}

Result<std::unique_ptr<Database>> ServerStorage::open(const ServerConfig &config)
{
    std::unique_ptr<Database> db;
    if (!config.databaseUrl.isEmpty()) {
        auto opened = Database::openPostgres(config.databaseUrl);
        if (!opened)
            return fail(opened.error());
        db = std::move(*opened);
    } else {
        if (!QDir().mkpath(config.dataDir))
            return fail(tr("Could not create the data directory %1.").arg(config.dataDir));
        QFile::setPermissions(config.dataDir, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                  QFileDevice::ExeOwner);
        const QString path = QDir(config.dataDir).filePath(databaseFileName());
        auto key = fileKey(config.dataDir, QFileInfo::exists(path));
        if (!key)
            return fail(key.error());
        auto opened = Database::open(path, *key);
        if (!opened)
            return fail(tr("Could not open %1: %2").arg(path, opened.error()));
        db = std::move(*opened);
    }
    if (auto s = migrate(*db); !s)
        return fail(s.error());
    // No one signs in on the server's own connection: FhirApi checks each request's person
    // against the permission table before it reads or writes, and names them in the trail.
    db->actAsSystem(QStringLiteral("frontdesk-server"));
    return db;
}

} // namespace frontdesk::server
