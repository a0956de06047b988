#pragma once

#include "access/AccountAuthority.h"

#include <QCoreApplication>

namespace frontdesk {

class Database;

// The enrolled workstation's AccountAuthority: the password goes to the server (POST
// /auth/login over ServerConnection, as enrollment set it up: TLS, CA file, pin) with a short
// timeout, so an unreachable server delays a sign-in by seconds at most before the cache here
// decides. 2xx: accepted, with the account as the server has it; 401: refused; anything else
// (no answer, a timeout, a 5xx, a 429, a server that is not frontdesk-server): unreachable.
class ServerSignIn final : public AccountAuthority
{
    Q_DECLARE_TR_FUNCTIONS(ServerSignIn)
public:
    static constexpr int TimeoutMs = 4000;

    explicit ServerSignIn(Database &db) : m_db(db) {}

    bool enrolled() const override;
    Check prepare(const QString &username, const QString &password) override;

private:
    Database &m_db;
};

} // namespace frontdesk
