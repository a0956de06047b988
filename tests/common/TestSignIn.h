#pragma once

// A person's sign-in at a frontdesk-server on loopback (POST /auth/login over plain HTTP), as
// the sync tests and the sync benchmark use it: the transport then acts for that person.

#include "ServerConnection.h"
#include "ServerTransport.h"

#include <QJsonObject>
#include <QUrl>

#include <cstdio>
#include <memory>

namespace frontdesk::testing {

// nullptr (the reason on stderr) when the server refused or could not be reached.
inline std::unique_ptr<SyncTransport> signInAt(const QString &url, const QString &user,
                                               const QString &password)
{
    ServerEndpoint endpoint;
    endpoint.url = QUrl(url);
    endpoint.insecure = true;
    auto connection = std::make_unique<ServerConnection>(endpoint);
    auto answer = connection->sendJson(
        "POST", QStringLiteral("/auth/login"),
        QJsonObject{{QStringLiteral("username"), user}, {QStringLiteral("password"), password}});
    if (!answer) {
        std::fprintf(stderr, "sign-in of %s: %s\n", qPrintable(user), qPrintable(answer.error()));
        return nullptr;
    }
    connection->setBearerToken(answer->value(QStringLiteral("access_token")).toString().toUtf8());
    return std::make_unique<ServerTransport>(std::move(connection), false);
}

} // namespace frontdesk::testing
