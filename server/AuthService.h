#pragma once

#include "HttpExchange.h"
#include "access/Role.h"
#include "core/Result.h"

#include <QCoreApplication>

namespace frontdesk {
class Database;
}

namespace frontdesk::server {

// Who a request comes from, as its bearer token says.
struct Principal
{
    QString accountId;
    QString username;
    Role role = Role::Receptionist;
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
    // The principal of an "Authorization: Bearer ..." header; a failure (no, unknown, expired
    // token, or an account disabled since) reads as a 401.
    Result<Principal> authenticate(const QByteArray &authorization) const;

    static QString hashToken(const QByteArray &token);

private:
    Database &m_db;
    Settings m_settings;
};

} // namespace frontdesk::server
