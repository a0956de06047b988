#include "SignIn.h"

#include "access/AuditLog.h"
#include "access/PasswordHash.h"
#include "access/ServerAccounts.h"
#include "access/StaffAccountRepository.h"
#include "database/Database.h"

#include <QJsonObject>
#include <QLocale>

namespace frontdesk {

namespace {

// Checked when the user name is unknown, so that an unknown name takes as long as a wrong
// password and timing does not tell which names exist.
const QString &decoyHash()
{
    static const QString hash = [] {
        auto made = PasswordHash::make(QStringLiteral("decoy password for unknown users"));
        return made ? *made : QString();
    }();
    return hash;
}

} // namespace

Status SignIn::audit(const QString &action, const QString &actorName, const QString &accountId,
                     const QString &outcome, const QJsonObject &detail)
{
    const Actor previous = m_db.actor();
    if (!actorName.isEmpty())
        m_db.setActor(Actor::staff(actorName));
    AuditEntry entry;
    entry.action = action;
    entry.entityType = QStringLiteral("StaffAccount");
    entry.entityId = accountId;
    entry.outcome = outcome;
    entry.detail = detail;
    for (auto it = m_mode.begin(); it != m_mode.end(); ++it)
        entry.detail.insert(it.key(), it.value());
    auto appended = AuditLog(m_db).append(entry);
    m_db.setActor(previous);
    if (!appended)
        return fail(appended.error());
    return {};
}

SignIn::SignIn(Database &db) : m_db(db)
{
    // Made here, not at the first unknown name: that attempt would otherwise take twice as long.
    (void)decoyHash();
}

Status SignIn::countFailure(const QString &action, const StaffAccount &account, qint64 lastFailedAt,
                            const QString &reason)
{
    const qint64 now = m_db.clock().nowMs();
    // Tries further apart than the lock-out period are not a guessing run: count afresh.
    const bool countAfresh = now - lastFailedAt >= qint64(LockoutSeconds) * 1000;
    const int failures = (countAfresh ? 0 : account.failedAttempts) + 1;
    const bool lockNow = failures >= MaxFailures;
    const qint64 lockedUntil = lockNow ? now + qint64(LockoutSeconds) * 1000 : 0;
    return m_db.write([&]() -> Status {
        if (auto q = m_db.query(QStringLiteral("UPDATE staff_credentials SET "
                                               "failed_attempts = ?, locked_until = ?, "
                                               "last_failed_at = ? WHERE account_id = ?"),
                                {lockNow ? 0 : failures, lockedUntil, now, account.id});
            !q)
            return fail(q.error());
        QJsonObject detail{{QStringLiteral("reason"), reason},
                           {QStringLiteral("failures"), failures}};
        if (lockNow)
            detail.insert(QStringLiteral("locked_until"), lockedUntil);
        return audit(action, account.username, account.id, QStringLiteral("failure"), detail);
    });
}

Result<StaffAccount> SignIn::acceptOnline(const QString &username, const QString &password,
                                          const QString &action, const ServerVerdict &accepted)
{
    Result<StaffAccount> adopted = fail(QString());
    const Status s = m_db.write([&]() -> Status {
        adopted = ServerAccounts(m_db).adopt(username, accepted, password);
        if (!adopted)
            return fail(adopted.error());
        return audit(action, adopted->username, adopted->id, QStringLiteral("success"),
                     {{QStringLiteral("role"), Roles::name(adopted->role)}});
    });
    if (!s)
        return fail(s.error());
    return adopted;
}

Result<StaffAccount> SignIn::attempt(const QString &username, const QString &password,
                                     const QString &action,
                                     const std::optional<ServerVerdict> &server)
{
    m_mode = {};
    if (server) {
        const bool online = server->kind != ServerVerdict::Kind::Unreachable;
        m_mode.insert(QStringLiteral("mode"),
                      online ? QStringLiteral("online") : QStringLiteral("offline"));
        if (!online && !server->problem.isEmpty())
            m_mode.insert(QStringLiteral("server_problem"), server->problem.left(200));
        if (server->kind == ServerVerdict::Kind::Accepted)
            return acceptOnline(username.trimmed(), password, action, *server);
    }
    const bool refusedByServer = server && server->kind == ServerVerdict::Kind::Refused;
    // One answer for an unknown name, a wrong password, a disabled and a locked account, each
    // after exactly one Argon2id check: neither the message nor the time tells them apart. Why
    // it failed is in the audit trail, for an administrator.
    const QString wrong = tr("The user name or the password is wrong.");
    StaffAccountRepository accounts(m_db);
    auto found = accounts.find(username);
    if (!found)
        return fail(found.error());
    if (!found->has_value()) {
        if (!refusedByServer)
            (void)PasswordHash::verify(decoyHash(), password);
        if (auto s = audit(
                action, {}, {}, QStringLiteral("failure"),
                {{QStringLiteral("reason"), refusedByServer ? QStringLiteral("refused-by-server")
                                                            : QStringLiteral("unknown-user")},
                 {QStringLiteral("username"), username.left(64)}});
            !s)
            return fail(s.error());
        return fail(wrong);
    }
    const StaffAccount account = **found;
    const qint64 now = m_db.clock().nowMs();
    auto credentials = m_db.query(QStringLiteral("SELECT password_hash, last_failed_at FROM "
                                                 "staff_credentials WHERE account_id = ?"),
                                  {account.id});
    if (!credentials)
        return fail(credentials.error());
    const bool hasHash = credentials->next();
    const QString hash = hasHash ? credentials->value(0).toString() : QString();
    const qint64 lastFailedAt = hasHash ? credentials->value(1).toLongLong() : 0;
    // The server's no needs no check here: the time it took tells nothing about the account.
    const bool good =
        !refusedByServer && PasswordHash::verify(hasHash ? hash : decoyHash(), password) && hasHash;

    if (account.lockedUntil > now) {
        if (auto s = audit(action, account.username, account.id, QStringLiteral("failure"),
                           {{QStringLiteral("reason"), QStringLiteral("locked-out")},
                            {QStringLiteral("locked_until"), account.lockedUntil}});
            !s)
            return fail(s.error());
        return fail(wrong);
    }

    if (!good) {
        if (auto s = countFailure(action, account, lastFailedAt,
                                  refusedByServer ? QStringLiteral("refused-by-server")
                                                  : QStringLiteral("wrong-password"));
            !s)
            return fail(s.error());
        return fail(wrong);
    }
    if (!account.active) {
        if (auto s = audit(action, account.username, account.id, QStringLiteral("failure"),
                           {{QStringLiteral("reason"), QStringLiteral("disabled")}});
            !s)
            return fail(s.error());
        return fail(wrong);
    }
    const Status s = m_db.write([&]() -> Status {
        if (auto q = m_db.query(QStringLiteral("UPDATE staff_credentials SET failed_attempts = 0, "
                                               "locked_until = 0 WHERE account_id = ?"),
                                {account.id});
            !q)
            return fail(q.error());
        return audit(action, account.username, account.id, QStringLiteral("success"),
                     {{QStringLiteral("role"), Roles::name(account.role)}});
    });
    if (!s)
        return fail(s.error());
    StaffAccount signedIn = account;
    signedIn.failedAttempts = 0;
    signedIn.lockedUntil = 0;
    return signedIn;
}

} // namespace frontdesk
