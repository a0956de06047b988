#include "SignIn.h"

#include "access/AuditLog.h"
#include "access/PasswordHash.h"
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
    auto appended = AuditLog(m_db).append(entry);
    m_db.setActor(previous);
    if (!appended)
        return fail(appended.error());
    return {};
}

Result<StaffAccount> SignIn::attempt(const QString &username, const QString &password,
                                     const QString &action)
{
    const QString wrong = tr("The user name or the password is wrong.");
    StaffAccountRepository accounts(m_db);
    auto found = accounts.find(username);
    if (!found)
        return fail(found.error());
    if (!found->has_value()) {
        (void)PasswordHash::verify(decoyHash(), password);
        if (auto s = audit(action, {}, {}, QStringLiteral("failure"),
                           {{QStringLiteral("reason"), QStringLiteral("unknown-user")},
                            {QStringLiteral("username"), username.left(64)}});
            !s)
            return fail(s.error());
        return fail(wrong);
    }
    const StaffAccount account = **found;
    const qint64 now = m_db.clock().nowMs();
    if (account.lockedUntil > now) {
        if (auto s = audit(action, account.username, account.id, QStringLiteral("failure"),
                           {{QStringLiteral("reason"), QStringLiteral("locked-out")},
                            {QStringLiteral("locked_until"), account.lockedUntil}});
            !s)
            return fail(s.error());
        const qint64 minutes = (account.lockedUntil - now + 59'999) / 60'000;
        return fail(tr("Too many failed sign-ins: the account %1 is locked for %n more "
                       "minute(s). An administrator can set a new password to unlock it now.",
                       nullptr, static_cast<int>(minutes))
                        .arg(account.username));
    }
    auto hash = m_db.scalar(
        QStringLiteral("SELECT password_hash FROM staff_credentials WHERE account_id = ?"),
        {account.id});
    if (!hash)
        return fail(hash.error());
    const bool good = hash->isValid() && PasswordHash::verify(hash->toString(), password);

    if (!good) {
        const int failures = account.failedAttempts + 1;
        const bool lockNow = failures >= MaxFailures;
        const qint64 lockedUntil = lockNow ? now + qint64(LockoutSeconds) * 1000 : 0;
        const Status s = m_db.write([&]() -> Status {
            if (auto q = m_db.query(QStringLiteral("UPDATE staff_credentials SET "
                                                   "failed_attempts = ?, locked_until = ? "
                                                   "WHERE account_id = ?"),
                                    {lockNow ? 0 : failures, lockedUntil, account.id});
                !q)
                return fail(q.error());
            QJsonObject detail{{QStringLiteral("reason"), QStringLiteral("wrong-password")},
                               {QStringLiteral("failures"), failures}};
            if (lockNow)
                detail.insert(QStringLiteral("locked_until"), lockedUntil);
            return audit(action, account.username, account.id, QStringLiteral("failure"), detail);
        });
        if (!s)
            return fail(s.error());
        if (lockNow)
            return fail(tr("The password is wrong. After %1 failed tries the account %2 is "
                           "locked for %3 minutes.")
                            .arg(MaxFailures)
                            .arg(account.username)
                            .arg(LockoutSeconds / 60));
        return fail(wrong);
    }
    if (!account.active) {
        if (auto s = audit(action, account.username, account.id, QStringLiteral("failure"),
                           {{QStringLiteral("reason"), QStringLiteral("disabled")}});
            !s)
            return fail(s.error());
        return fail(tr("The account %1 is disabled. Ask an administrator.").arg(account.username));
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
