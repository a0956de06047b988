#pragma once

#include "ServerConfig.h"
#include "database/Database.h"

#include <QCoreApplication>

#include <memory>

namespace frontdesk::server {

// Opens the server's database and brings its schema up to date: PostgreSQL when a URL is
// configured, otherwise the SQLCipher file <data-dir>/frontdesk-server.db, whose key is the
// systemd credential "frontdesk-database-key" when $CREDENTIALS_DIRECTORY has one, or else a
// 0600 key file beside the database (made on first start).
class ServerStorage
{
    Q_DECLARE_TR_FUNCTIONS(ServerStorage)
public:
    static QString databaseFileName() { return QStringLiteral("frontdesk-server.db"); }
    static QString keyFileName() { return QStringLiteral("frontdesk-server.key"); }
    static QString credentialName() { return QStringLiteral("frontdesk-database-key"); }

    static Result<std::unique_ptr<Database>> open(const ServerConfig &config);
    // Where the data lives, for log lines (never the password).
    static QString describe(const ServerConfig &config);
    // The key of the PostgreSQL advisory lock every server process holds while it migrates.
    static qint64 migrationLockKey() { return Q_INT64_C(0x66726f6e7464736b); }

private:
    static Result<QByteArray> fileKey(const QString &dataDir, bool databaseExists);
    static Status migrate(Database &db);
};

} // namespace frontdesk::server
