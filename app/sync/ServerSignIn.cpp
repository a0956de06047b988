#include "ServerSignIn.h"

#include "ServerConnection.h"
#include "database/Database.h"

#include <QJsonDocument>

namespace frontdesk {

bool ServerSignIn::enrolled() const
{
    // Enrollment writes the workstation's id with the address; an address alone is not a
    // server this workstation belongs to.
    return !m_db.setting(QStringLiteral("sync_workstation_id")).isEmpty() &&
           !m_db.setting(QStringLiteral("sync_server_url")).isEmpty();
}

AccountAuthority::Check ServerSignIn::prepare(const QString &username, const QString &password)
{
    if (!enrolled())
        return {};
    auto endpoint = ServerEndpoint::fromSettings(m_db);
    if (!endpoint)
        return {};
    endpoint->timeoutMs = TimeoutMs;
    return [endpoint = *endpoint, username, password]() -> ServerVerdict {
        ServerConnection connection(endpoint);
        const QJsonObject body{{QStringLiteral("username"), username},
                               {QStringLiteral("password"), password}};
        auto reply = connection.send("POST", QStringLiteral("/auth/login"),
                                     QJsonDocument(body).toJson(QJsonDocument::Compact),
                                     {{"Content-Type", "application/json"}});
        ServerVerdict verdict;
        if (!reply) {
            verdict.problem = reply.error();
            return verdict;
        }
        if (reply->status == 401) {
            verdict.kind = ServerVerdict::Kind::Refused;
            return verdict;
        }
        const QJsonObject answer = reply->json();
        const auto role = Roles::fromName(answer.value(QStringLiteral("role")).toString());
        if (!reply->ok() || !role) {
            verdict.problem =
                reply->ok() ? tr("The server's answer names no known role.") : reply->problem();
            return verdict;
        }
        verdict.kind = ServerVerdict::Kind::Accepted;
        verdict.role = *role;
        verdict.displayName = answer.value(QStringLiteral("display_name")).toString();
        return verdict;
    };
}

} // namespace frontdesk
