#pragma once

#include "access/Role.h"

#include <QString>

#include <functional>

class QObject;

namespace frontdesk {

// What the server said about a sign-in: the password was right (with the account as the
// server has it), the server refused it (wrong password, disabled, locked: it does not say
// which), or no answer came (unreachable, timed out, a server error), so the workstation
// checks its own cache.
struct ServerVerdict
{
    enum class Kind
    {
        Accepted,
        Refused,
        Unreachable
    };
    Kind kind = Kind::Unreachable;
    QString displayName; // Accepted
    Role role = Role::Receptionist;
    QString problem; // Unreachable: why, for the audit trail
};

// Where staff passwords are checked once the workstation is enrolled: the server. The window
// never waits on it: prepare() runs on the thread that owns the database and gives a check to
// run anywhere (the sign-in screens run it on a thread of their own, frontdeskctl inline); an
// empty function when there is no server to ask (not enrolled), and sign-in is local only.
class AccountAuthority
{
public:
    using Check = std::function<ServerVerdict()>;
    virtual ~AccountAuthority() = default;
    // True when there is a server whose word counts (the workstation is enrolled).
    virtual bool enrolled() const = 0;
    virtual Check prepare(const QString &username, const QString &password) = 0;

    // Runs check on a thread of its own; done then runs on context's thread with the verdict,
    // unless context is gone by then.
    static void runInBackground(Check check, QObject *context,
                                std::function<void(const ServerVerdict &)> done);
};

} // namespace frontdesk
