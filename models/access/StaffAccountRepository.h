#pragma once

#include "access/StaffAccount.h"
#include "core/Result.h"

#include <QCoreApplication>
#include <QList>

#include <optional>

namespace frontdesk {

class Database;

// Staff accounts kept in the local database. They are local-only records: not queued in the
// outbox, because the server will become the authority for accounts and roles and feed them
// here; password hashes never leave this workstation at all. Every change is audited in the
// same transaction, with before/after of the changed fields (never the hash).
class StaffAccountRepository
{
    Q_DECLARE_TR_FUNCTIONS(StaffAccountRepository)
public:
    explicit StaffAccountRepository(Database &db) : m_db(db) {}

    // Creates an account; the password must pass PasswordPolicy. Needs the manage-users
    // permission, except for the first administrator of a database without accounts.
    Result<StaffAccount> create(const QString &username, Role role, const QString &password,
                                const QString &displayName = {});
    Result<QList<StaffAccount>> list() const;
    Result<std::optional<StaffAccount>> find(const QString &username) const;
    Result<qint64> count() const;
    Result<qint64> activeAdmins() const;

    Status setActive(const QString &username, bool active);
    Status setRole(const QString &username, Role role);
    // Sets a new password (checked by PasswordPolicy) and lifts any lock-out.
    Status setPassword(const QString &username, const QString &password);

    static Status validateUsername(const QString &username);

private:
    Result<StaffAccount> require(const QString &username) const;
    Status change(const StaffAccount &before, const StaffAccount &after);

    Database &m_db;
};

} // namespace frontdesk
