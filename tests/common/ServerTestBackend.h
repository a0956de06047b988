#pragma once

#include "ServerSchema.h"
#include "SystemConnection.h"
#include "database/Database.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>
#include <QUuid>

#include <memory>

namespace frontdesk::test {

// The database a server test runs on: the SQLCipher file by default, or a fresh database in
// the PostgreSQL cluster at $FRONTDESK_TEST_POSTGRES_URL when FRONTDESK_SERVER_BACKEND is
// "postgresql" (scripts/test starts that cluster; without it those tests skip).
struct ServerTestBackend
{
    QTemporaryDir dir;
    QString postgresUrl; // of the fresh database, when on PostgreSQL
    QString adminUrl;
    QString databaseName;

    static bool wantsPostgres()
    {
        return qEnvironmentVariable("FRONTDESK_SERVER_BACKEND") == QLatin1String("postgresql");
    }
    static QString clusterUrl() { return qEnvironmentVariable("FRONTDESK_TEST_POSTGRES_URL"); }

    // A fresh PostgreSQL database in the test cluster; its URL, or empty after a QSKIP-worthy
    // problem described in *why.
    bool createPostgresDatabase(QString *why)
    {
        adminUrl = clusterUrl();
        if (adminUrl.isEmpty()) {
            *why = QStringLiteral("FRONTDESK_TEST_POSTGRES_URL is not set: run through "
                                  "scripts/test, which starts a throwaway PostgreSQL cluster");
            return false;
        }
        auto admin = Database::openPostgres(adminUrl);
        if (!admin) {
            *why = admin.error();
            return false;
        }
        databaseName =
            QStringLiteral("frontdesk_test_") + QUuid::createUuid().toString(QUuid::Id128).left(12);
        // CREATE DATABASE takes no bound name; this one is made of hex digits only.
        if (auto r = (*admin)->query(QStringLiteral("CREATE DATABASE %1").arg(databaseName)); !r) {
            *why = r.error();
            return false;
        }
        QUrl url(adminUrl);
        url.setPath(QLatin1Char('/') + databaseName);
        postgresUrl = url.toString();
        return true;
    }

    void dropPostgresDatabase()
    {
        if (databaseName.isEmpty())
            return;
        auto admin = Database::openPostgres(adminUrl);
        if (admin)
            (void)(*admin)->query(
                QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(databaseName));
    }

    // Opens and migrates the server's schema.
    std::unique_ptr<Database> open()
    {
        Result<std::unique_ptr<Database>> opened =
            postgresUrl.isEmpty()
                ? Database::open(dir.filePath(QStringLiteral("server.db")), QByteArray(32, '\x33'))
                : Database::openPostgres(postgresUrl);
        if (!opened) {
            qWarning("%s", qPrintable(opened.error()));
            return nullptr;
        }
        // As ServerStorage opens it: FhirApi checks each request's person itself.
        test::actAsTestSetUp(**opened);
        auto migrated = (*opened)->migrate(server::ServerSchema::migrations((*opened)->dialect()));
        if (!migrated) {
            qWarning("%s", qPrintable(migrated.error()));
            return nullptr;
        }
        return std::move(*opened);
    }
};

} // namespace frontdesk::test
