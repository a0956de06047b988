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
    if (auto s = db->migrate(ServerSchema::migrations(db->dialect())); !s)
        return fail(s.error());
    db->setActor(Actor::system(QStringLiteral("frontdesk-server")));
    return db;
}

} // namespace frontdesk::server
