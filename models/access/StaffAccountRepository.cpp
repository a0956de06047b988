#include "StaffAccountRepository.h"

#include "access/AccessGuard.h"
#include "access/AuditLog.h"
#include "access/PasswordHash.h"
#include "access/PasswordPolicy.h"
#include "database/Database.h"

#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlRecord>
#include <QUuid>

namespace frontdesk {

namespace {

const QString kSelect = QStringLiteral(
    "SELECT a.id, a.username, a.display_name, a.role, a.active, a.created_at, a.updated_at, "
    "coalesce(c.failed_attempts, 0), coalesce(c.locked_until, 0) "
    "FROM staff_accounts a LEFT JOIN staff_credentials c ON c.account_id = a.id ");

StaffAccount fromQuery(const QSqlQuery &q)
{
    StaffAccount a;
    a.id = q.value(0).toString();
    a.username = q.value(1).toString();
    a.displayName = q.value(2).toString();
    a.role = Roles::fromName(q.value(3).toString()).value_or(Role::Receptionist);
    a.active = q.value(4).toInt() != 0;
    a.createdAt = q.value(5).toLongLong();
    a.updatedAt = q.value(6).toLongLong();
    a.failedAttempts = q.value(7).toInt();
    a.lockedUntil = q.value(8).toLongLong();
    return a;
}

QJsonObject fields(const StaffAccount &a)
{
    return {{QStringLiteral("username"), a.username},
            {QStringLiteral("display_name"), a.displayName},
            {QStringLiteral("role"), Roles::name(a.role)},
            {QStringLiteral("active"), a.active}};
}

} // namespace

Status StaffAccountRepository::validateUsername(const QString &username)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$"));
    if (!pattern.match(username).hasMatch())
        return fail(tr("A user name has 2 to 64 letters, digits, dots, dashes or underscores "
                       "and starts with a letter or digit; \"%1\" does not.")
                        .arg(username));
    return {};
}

Result<StaffAccount> StaffAccountRepository::create(const QString &username, Role role,
                                                    const QString &password,
                                                    const QString &displayName)
{
    if (auto s = validateUsername(username); !s)
        return fail(s.error());
    // The very first account (an administrator, at the first start) needs nobody signed in.
    auto accounts = count();
    if (!accounts)
        return fail(accounts.error());
    if (*accounts > 0 || role != Role::Admin) {
        if (auto s = AccessGuard(m_db).require(Permission::ManageUsers); !s)
            return fail(s.error());
    }
    auto existing = find(username);
    if (!existing)
        return fail(existing.error());
    if (existing->has_value())
        return fail(tr("There is already an account named %1.").arg((*existing)->username));
    if (auto s = PasswordPolicy::check(password, username); !s)
        return fail(s.error());
    auto hash = PasswordHash::make(password);
    if (!hash)
        return fail(hash.error());

    StaffAccount account;
    account.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    account.username = username;
    account.displayName = displayName.trimmed().isEmpty() ? username : displayName.trimmed();
    account.role = role;
    account.createdAt = account.updatedAt = m_db.clock().nowMs();
    const Status s = m_db.write([&]() -> Status {
        if (auto q = m_db.query(QStringLiteral("INSERT INTO staff_accounts (id, username, "
                                               "display_name, role, active, created_at, "
                                               "updated_at) VALUES (?, ?, ?, ?, 1, ?, ?)"),
                                {account.id, account.username, account.displayName,
                                 Roles::name(role), account.createdAt, account.updatedAt});
            !q)
            return fail(tr("Could not save the account %1: %2").arg(username, q.error()));
        if (auto q = m_db.query(QStringLiteral("INSERT INTO staff_credentials (account_id, "
                                               "password_hash, password_changed_at) "
                                               "VALUES (?, ?, ?)"),
                                {account.id, *hash, account.createdAt});
            !q)
            return fail(tr("Could not save the password of %1: %2").arg(username, q.error()));
        AuditEntry entry;
        entry.action = QStringLiteral("user-create");
        entry.entityType = QStringLiteral("StaffAccount");
        entry.entityId = account.id;
        entry.detail = {{QStringLiteral("after"), fields(account)}};
        if (auto a = AuditLog(m_db).append(entry); !a)
            return fail(a.error());
        return {};
    });
    if (!s)
        return fail(s.error());
    return account;
}

Result<QList<StaffAccount>> StaffAccountRepository::list() const
{
    auto q = m_db.query(kSelect + QStringLiteral("ORDER BY a.username COLLATE NOCASE"));
    if (!q)
        return fail(q.error());
    QList<StaffAccount> out;
    while (q->next())
        out << fromQuery(*q);
    return out;
}

Result<std::optional<StaffAccount>> StaffAccountRepository::find(const QString &username) const
{
    auto q = m_db.query(kSelect + QStringLiteral("WHERE a.username = ?"), {username.trimmed()});
    if (!q)
        return fail(q.error());
    if (!q->next())
        return std::optional<StaffAccount>();
    return std::optional<StaffAccount>(fromQuery(*q));
}

Result<qint64> StaffAccountRepository::count() const
{
    auto v = m_db.scalar(QStringLiteral("SELECT count(*) FROM staff_accounts"));
    if (!v)
        return fail(v.error());
    return v->toLongLong();
}

Result<qint64> StaffAccountRepository::activeAdmins() const
{
    auto v = m_db.scalar(
        QStringLiteral("SELECT count(*) FROM staff_accounts WHERE role = ? AND active = 1"),
        {Roles::name(Role::Admin)});
    if (!v)
        return fail(v.error());
    return v->toLongLong();
}

Result<StaffAccount> StaffAccountRepository::require(const QString &username) const
{
    auto found = find(username);
    if (!found)
        return fail(found.error());
    if (!found->has_value())
        return fail(tr("There is no account named %1.").arg(username));
    return **found;
}

Status StaffAccountRepository::change(const StaffAccount &before, const StaffAccount &after)
{
    if (auto s = AccessGuard(m_db).require(Permission::ManageUsers); !s)
        return s;
    const QJsonObject b = fields(before);
    const QJsonObject a = fields(after);
    QJsonObject changes;
    for (auto it = a.begin(); it != a.end(); ++it) {
        if (b.value(it.key()) != it.value())
            changes.insert(it.key(), QJsonObject{{QStringLiteral("before"), b.value(it.key())},
                                                 {QStringLiteral("after"), it.value()}});
    }
    if (changes.isEmpty())
        return {};
    return m_db.write([&]() -> Status {
        if (auto q = m_db.query(QStringLiteral("UPDATE staff_accounts SET display_name = ?, "
                                               "role = ?, active = ?, updated_at = ? WHERE id = ?"),
                                {after.displayName, Roles::name(after.role), after.active ? 1 : 0,
                                 m_db.clock().nowMs(), after.id});
            !q)
            return fail(tr("Could not save the account %1: %2").arg(after.username, q.error()));
        AuditEntry entry;
        entry.action = QStringLiteral("user-update");
        entry.entityType = QStringLiteral("StaffAccount");
        entry.entityId = after.id;
        entry.detail = {{QStringLiteral("changes"), changes}};
        if (auto r = AuditLog(m_db).append(entry); !r)
            return fail(r.error());
        return {};
    });
}

Status StaffAccountRepository::setActive(const QString &username, bool active)
{
    auto account = require(username);
    if (!account)
        return fail(account.error());
    if (!active && account->role == Role::Admin && account->active) {
        auto admins = activeAdmins();
        if (!admins)
            return fail(admins.error());
        if (*admins <= 1)
            return fail(tr("%1 is the last active administrator; make another administrator "
                           "first, or nobody could manage accounts.")
                            .arg(account->username));
    }
    StaffAccount after = *account;
    after.active = active;
    return change(*account, after);
}

Status StaffAccountRepository::setRole(const QString &username, Role role)
{
    auto account = require(username);
    if (!account)
        return fail(account.error());
    if (account->role == Role::Admin && role != Role::Admin && account->active) {
        auto admins = activeAdmins();
        if (!admins)
            return fail(admins.error());
        if (*admins <= 1)
            return fail(tr("%1 is the last active administrator; make another administrator "
                           "first.")
                            .arg(account->username));
    }
    StaffAccount after = *account;
    after.role = role;
    return change(*account, after);
}

Status StaffAccountRepository::setPassword(const QString &username, const QString &password)
{
    if (auto s = AccessGuard(m_db).require(Permission::ManageUsers); !s)
        return s;
    auto account = require(username);
    if (!account)
        return fail(account.error());
    if (auto s = PasswordPolicy::check(password, account->username); !s)
        return s;
    auto hash = PasswordHash::make(password);
    if (!hash)
        return fail(hash.error());
    return m_db.write([&]() -> Status {
        if (auto q = m_db.query(QStringLiteral("UPDATE staff_credentials SET password_hash = ?, "
                                               "password_changed_at = ?, failed_attempts = 0, "
                                               "locked_until = 0 WHERE account_id = ?"),
                                {*hash, m_db.clock().nowMs(), account->id});
            !q)
            return fail(
                tr("Could not save the password of %1: %2").arg(account->username, q.error()));
        AuditEntry entry;
        entry.action = QStringLiteral("password-change");
        entry.entityType = QStringLiteral("StaffAccount");
        entry.entityId = account->id;
        entry.detail = {{QStringLiteral("username"), account->username}};
        if (auto r = AuditLog(m_db).append(entry); !r)
            return fail(r.error());
        return {};
    });
}

} // namespace frontdesk
