#pragma once

#include "access/StaffAccount.h"
#include "core/Result.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace frontdesk {

class Database;

// Checks a staff member's password against the local Argon2id hash. Five failed tries in a
// row lock the account for five minutes (by the database's injected clock); tries further
// apart than that start the count over. Every attempt, good or bad, leaves an audit entry.
// An unknown name, a wrong password, a disabled and a locked account get the same message
// after the same single Argon2id check, so neither tells which names exist or how they stand.
class SignIn
{
    Q_DECLARE_TR_FUNCTIONS(SignIn)
public:
    static constexpr int MaxFailures = 5;
    static constexpr int LockoutSeconds = 5 * 60;

    explicit SignIn(Database &db);

    // action names the audit entry: "login" at the sign-in screen, "unlock" at the lock screen.
    Result<StaffAccount> attempt(const QString &username, const QString &password,
                                 const QString &action = QStringLiteral("login"));

private:
    Status audit(const QString &action, const QString &actorName, const QString &accountId,
                 const QString &outcome, const QJsonObject &detail);

    Database &m_db;
};

} // namespace frontdesk
