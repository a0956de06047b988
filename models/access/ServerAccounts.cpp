#include "ServerAccounts.h"

#include "access/AuditLog.h"
#include "access/PasswordHash.h"
#include "access/StaffAccountRepository.h"
#include "database/Database.h"

#include <QHash>
#include <QJsonObject>
#include <QUuid>

namespace frontdesk {

namespace {

QJsonObject changeOf(const QJsonValue &before, const QJsonValue &after)
{
    return {{QStringLiteral("before"), before}, {QStringLiteral("after"), after}};
}

// The fields both sides keep, before and after, for the audit entry's "changes".
QJsonObject changes(const StaffAccount &before, const QString &displayName, Role role, bool active)
{
    QJsonObject c;
    if (before.displayName != displayName)
        c.insert(QStringLiteral("display_name"), changeOf(before.displayName, displayName));
    if (before.role != role)
        c.insert(QStringLiteral("role"), changeOf(Roles::name(before.role), Roles::name(role)));
    if (before.active != active)
        c.insert(QStringLiteral("active"), changeOf(before.active, active));
    return c;
}

} // namespace

Result<QList<ServerAccounts::State>> ServerAccounts::parse(const QJsonArray &staff)
{
    QList<State> out;
    for (const QJsonValue &v : staff) {
        const QJsonObject o = v.toObject();
        State s;
        s.username = o.value(QStringLiteral("username")).toString();
        if (auto valid = StaffAccountRepository::validateUsername(s.username); !valid)
            return fail(
                tr("The server's list of staff accounts is not usable: %1").arg(valid.error()));
        const auto role = Roles::fromName(o.value(QStringLiteral("role")).toString());
        if (!role)
            return fail(tr("The server's list of staff accounts gives %1 the unknown role "
                           "\"%2\"; no account was changed here.")
                            .arg(s.username, o.value(QStringLiteral("role")).toString().left(40)));
        s.role = *role;
        s.displayName = o.value(QStringLiteral("display_name")).toString().trimmed();
        if (s.displayName.isEmpty())
            s.displayName = s.username;
        s.disabled = o.value(QStringLiteral("disabled")).toBool();
        s.lockedUntil = qint64(o.value(QStringLiteral("locked_until")).toDouble());
        out << s;
    }
    return out;
}

Status ServerAccounts::audit(const QString &action, const QString &accountId,
                             const QJsonObject &detail)
{
    AuditEntry entry;
    entry.action = action;
    entry.entityType = QStringLiteral("StaffAccount");
    entry.entityId = accountId;
    entry.detail = detail;
    entry.detail.insert(QStringLiteral("source"), QStringLiteral("server"));
    if (auto a = AuditLog(m_db).append(entry); !a)
        return fail(a.error());
    return {};
}

Result<StaffAccount> ServerAccounts::adopt(const QString &username, const ServerVerdict &accepted,
                                           const QString &password)
{
    if (auto s = StaffAccountRepository::validateUsername(username); !s)
        return fail(s.error());
    auto found = StaffAccountRepository(m_db).find(username);
    if (!found)
        return fail(found.error());
    auto hash = PasswordHash::make(password);
    if (!hash)
        return fail(hash.error());
    const qint64 now = m_db.clock().nowMs();
    const QString displayName =
        accepted.displayName.trimmed().isEmpty() ? username : accepted.displayName.trimmed();

    StaffAccount account;
    if (found->has_value()) {
        account = **found;
    } else {
        account.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        account.username = username;
        account.createdAt = now;
    }
    const QJsonObject changed = changes(account, displayName, accepted.role, true);
    const bool isNew = !found->has_value();
    account.displayName = displayName;
    account.role = accepted.role;
    account.active = true;
    account.updatedAt = now;
    account.failedAttempts = 0;
    account.lockedUntil = 0;

    const Status s = m_db.write([&]() -> Status {
        if (isNew) {
            if (auto q = m_db.query(QStringLiteral("INSERT INTO staff_accounts (id, username, "
                                                   "display_name, role, active, created_at, "
                                                   "updated_at) VALUES (?, ?, ?, ?, 1, ?, ?)"),
                                    {account.id, account.username, account.displayName,
                                     Roles::name(account.role), now, now});
                !q)
                return fail(q.error());
            if (auto a = audit(QStringLiteral("user-create"), account.id,
                               {{QStringLiteral("after"),
                                 QJsonObject{{QStringLiteral("username"), account.username},
                                             {QStringLiteral("display_name"), displayName},
                                             {QStringLiteral("role"), Roles::name(account.role)},
                                             {QStringLiteral("active"), true}}}});
                !a)
                return a;
        } else if (!changed.isEmpty()) {
            if (auto q = m_db.query(QStringLiteral("UPDATE staff_accounts SET display_name = ?, "
                                                   "role = ?, active = 1, updated_at = ? "
                                                   "WHERE id = ?"),
                                    {displayName, Roles::name(account.role), now, account.id});
                !q)
                return fail(q.error());
            if (auto a = audit(QStringLiteral("user-update"), account.id,
                               {{QStringLiteral("changes"), changed}});
                !a)
                return a;
        }
        // The credentials row is replaced whole: a fresh hash, no failures, no lock-out.
        if (auto q = m_db.query(QStringLiteral("DELETE FROM staff_credentials WHERE "
                                               "account_id = ?"),
                                {account.id});
            !q)
            return fail(q.error());
        if (auto q = m_db.query(QStringLiteral("INSERT INTO staff_credentials (account_id, "
                                               "password_hash, password_changed_at) "
                                               "VALUES (?, ?, ?)"),
                                {account.id, *hash, now});
            !q)
            return fail(q.error());
        return {};
    });
    if (!s)
        return fail(tr("The server accepted the password of %1, but it could not be kept here: "
                       "%2")
                        .arg(username, s.error()));
    return account;
}

Result<ServerAccounts::Applied> ServerAccounts::apply(const QList<State> &server)
{
    QHash<QString, State> byName;
    for (const State &s : server)
        byName.insert(s.username.toCaseFolded(), s);
    auto local = StaffAccountRepository(m_db).list();
    if (!local)
        return fail(local.error());
    const qint64 now = m_db.clock().nowMs();
    Applied applied;
    const Status s = m_db.write([&]() -> Status {
        for (const StaffAccount &mine : std::as_const(*local)) {
            const auto it = byName.constFind(mine.username.toCaseFolded());
            const bool known = it != byName.constEnd();
            const QString displayName = known ? it->displayName : mine.displayName;
            const Role role = known ? it->role : mine.role;
            const bool active = known && !it->disabled;
            QJsonObject changed = changes(mine, displayName, role, active);
            // A lock-out the server has and this workstation does not (yet) is kept here too,
            // so that it refuses also offline while it lasts.
            const bool lock = known && it->lockedUntil > now && it->lockedUntil > mine.lockedUntil;
            if (lock)
                changed.insert(QStringLiteral("locked_until"),
                               changeOf(mine.lockedUntil, it->lockedUntil));
            if (changed.isEmpty())
                continue;
            if (auto q = m_db.query(QStringLiteral("UPDATE staff_accounts SET display_name = ?, "
                                                   "role = ?, active = ?, updated_at = ? "
                                                   "WHERE id = ?"),
                                    {displayName, Roles::name(role), active ? 1 : 0, now, mine.id});
                !q)
                return fail(q.error());
            if (lock) {
                if (auto q = m_db.query(QStringLiteral("UPDATE staff_credentials SET "
                                                       "locked_until = ? WHERE account_id = ?"),
                                        {it->lockedUntil, mine.id});
                    !q)
                    return fail(q.error());
            }
            QJsonObject detail{{QStringLiteral("changes"), changed}};
            if (!known)
                detail.insert(QStringLiteral("reason"), QStringLiteral("unknown-at-server"));
            if (auto a = audit(QStringLiteral("user-update"), mine.id, detail); !a)
                return a;
            ++applied.changed;
            if (mine.active && !active)
                applied.disabled << mine.username;
        }
        return {};
    });
    if (!s)
        return fail(
            tr("The staff accounts from the server could not be written here: %1").arg(s.error()));
    return applied;
}

} // namespace frontdesk
