#pragma once

#include "access/AccountAuthority.h"
#include "access/StaffAccount.h"
#include "core/Result.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QList>
#include <QStringList>

namespace frontdesk {

class Database;

// The server's word on staff accounts, written here once the workstation is enrolled: after an
// online sign-in (the account as the server has it, with a fresh Argon2id hash of the password
// the server just accepted: the cache for offline sign-in) and at each sync (every account's
// state: name, role, disabled, lock-out). Nobody here makes these changes, the server does, so
// they need no signed-in person; each is audited ("source": "server") in the same transaction.
// The accounts stay local-only records: nothing of them goes into the outbox.
class ServerAccounts
{
    Q_DECLARE_TR_FUNCTIONS(ServerAccounts)
public:
    // One account as GET /auth/staff lists it.
    struct State
    {
        QString username;
        QString displayName;
        Role role = Role::Receptionist;
        bool disabled = false;
        qint64 lockedUntil = 0; // UTC ms; 0: not locked
    };
    struct Applied
    {
        int changed = 0;      // accounts changed here
        QStringList disabled; // of them, those disabled here by this sync
    };

    explicit ServerAccounts(Database &db) : m_db(db) {}

    // The "staff" array of GET /auth/staff, checked entry by entry: one bad entry refuses the
    // whole list, so a garbled answer changes nothing here.
    static Result<QList<State>> parse(const QJsonArray &staff);

    // After the server accepted username's password: the local account created or updated to
    // the server's name and role, enabled, its lock-out lifted, the password's hash renewed.
    Result<StaffAccount> adopt(const QString &username, const ServerVerdict &accepted,
                               const QString &password);

    // Every local account set to the server's state in one transaction: display name, role,
    // disabled, and a lock-out the server has that lasts longer than the one here. An account
    // the server does not know is disabled here (kept, so the trail's names stay readable).
    // Accounts only the server has are not created: they arrive at their first online sign-in.
    Result<Applied> apply(const QList<State> &server);

private:
    Status audit(const QString &action, const QString &accountId, const QJsonObject &detail);

    Database &m_db;
};

} // namespace frontdesk
