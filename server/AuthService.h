#pragma once

#include "HttpExchange.h"
#include "access/Role.h"
#include "core/Actor.h"
#include "core/Result.h"

#include <QCoreApplication>
#include <QJsonObject>

#include <optional>

namespace frontdesk {
class Database;
}

namespace frontdesk::server {

// Who a request comes from, as its bearer token says: a staff member, or an enrolled
// workstation, alone or acting for the staff member its request names (X-Frontdesk-Staff).
struct Principal
{
    QString accountId;
    QString username;
    Role role = Role::Receptionist;
    QString workstationId;
    QString workstationName;

    bool isWorkstation() const { return !workstationId.isEmpty(); }
    // A workstation's token naming nobody: it may pull everything (the workstation holds the
    // whole clinic) but change nothing, since every change names the person who made it.
    bool isWorkstationAlone() const { return isWorkstation() && accountId.isEmpty(); }
    // Who the trail names: the person, or the workstation when it acts alone.
    Actor actor() const
    {
        return isWorkstationAlone()
                   ? Actor::system(
                         QStringLiteral("workstation %1 (%2)").arg(workstationName, workstationId))
                   : Actor::staff(username);
    }
};

// POST /auth/login and bearer tokens. Passwords are checked by the workstation's own SignIn
// (the same Argon2id hashes, the same lock-out after five failed tries, the same audit
// entries). Tokens and the per-address rate limit live in the database, so every server
// process on it shares them.
class AuthService
{
    Q_DECLARE_TR_FUNCTIONS(AuthService)
public:
    struct Settings
    {
        int tokenLifetimeMinutes = 8 * 60;
        int attemptsPerMinute = 10;
    };

    AuthService(Database &db, Settings settings) : m_db(db), m_settings(settings) {}

    HttpResponse login(const HttpRequest &request);
    // POST /auth/token: an enrolled workstation's id and secret for a workstation bearer token.
    HttpResponse workstationToken(const HttpRequest &request);
    // GET /auth/staff: every staff account's name, display name, role, whether it is disabled
    // and until when it is locked (UTC ms, 0: not locked), never a hash. For enrolled
    // workstations (which keep their accounts to it at each sync) and administrators.
    HttpResponse staffList(const Principal &who) const;
    // The principal of an "Authorization: Bearer ..." header, a staff member's or a
    // workstation's token; a failure (no, unknown, expired token, an account disabled or a
    // workstation revoked since) reads as a 401.
    Result<Principal> authenticate(const QByteArray &authorization) const;
    // The staff member a workstation's request names (X-Frontdesk-Staff, UTF-8): that person's
    // role and account state decide what the request may change. A failure reads as a 403.
    Result<Principal> actingFor(const Principal &workstation, const QString &staff) const;

    static QString hashToken(const QByteArray &token);

private:
    // The sign-in rate limit per client address, shared by login and workstation tokens: an
    // answer when this try, made at `at`, is one too many (or could not be counted).
    std::optional<HttpResponse> throttle(const QString &remote, qint64 at);
    // A try that succeeded no longer counts against its address: the limit is for guessing,
    // and many workstations may sign in through one address (NAT, a load balancer).
    Status forgive(const QString &remote, qint64 at);
    // A new random token, stored hashed in table (auth_tokens or workstation_tokens) for owner.
    Result<QByteArray> issueToken(const QString &table, const QString &ownerColumn,
                                  const QString &owner, qint64 expires);
    static HttpResponse tokenResponse(const QByteArray &token, int lifetimeMinutes, qint64 expires,
                                      QJsonObject extra);

    Database &m_db;
    Settings m_settings;
};

} // namespace frontdesk::server
