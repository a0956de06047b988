#pragma once

#include "access/AccountAuthority.h"
#include "access/StaffAccount.h"
#include "core/Result.h"

#include <QCoreApplication>
#include <QJsonObject>

#include <optional>

namespace frontdesk {

class Database;

// Checks a staff member's password against the local Argon2id hash. Five failed tries in a
// row lock the account for five minutes (by the database's injected clock); tries further
// apart than that start the count over. Every attempt, good or bad, leaves an audit entry.
// An unknown name, a wrong password, a disabled and a locked account get the same message
// after the same single Argon2id check, so neither tells which names exist or how they stand.
//
// On an enrolled workstation the server decides first (AccountAuthority): its yes makes the
// account here what the server says, with a fresh hash of the password (ServerAccounts::adopt);
// its no is a failed try here too, with the same message; without an answer the local hash
// decides, as before enrollment. The audit entry says which ("mode": online or offline).
class SignIn
{
    Q_DECLARE_TR_FUNCTIONS(SignIn)
public:
    static constexpr int MaxFailures = 5;
    static constexpr int LockoutSeconds = 5 * 60;

    explicit SignIn(Database &db);

    // action names the audit entry: "login" at the sign-in screen, "unlock" at the lock screen.
    // server: the server's verdict on this very password; nullopt when the workstation is not
    // enrolled (sign-in is local only).
    Result<StaffAccount> attempt(const QString &username, const QString &password,
                                 const QString &action = QStringLiteral("login"),
                                 const std::optional<ServerVerdict> &server = std::nullopt);

private:
    Status audit(const QString &action, const QString &actorName, const QString &accountId,
                 const QString &outcome, const QJsonObject &detail);
    // One more failed try of account (a wrong password here, or the server's refusal): counted,
    // and the account locked at the fifth in a row; audited with reason.
    Status countFailure(const QString &action, const StaffAccount &account, qint64 lastFailedAt,
                        const QString &reason);
    Result<StaffAccount> acceptOnline(const QString &username, const QString &password,
                                      const QString &action, const ServerVerdict &accepted);

    Database &m_db;
    // Added to every audit entry of this attempt: online or offline, on an enrolled workstation.
    QJsonObject m_mode;
};

} // namespace frontdesk
