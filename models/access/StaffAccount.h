#pragma once

#include "access/Role.h"

#include <QString>

namespace frontdesk {

// A person who signs in at the workstation. The password hash is not part of it: it stays in
// staff_credentials and never leaves StaffAccountRepository and SignIn.
struct StaffAccount
{
    QString id;
    QString username;
    QString displayName;
    Role role = Role::Receptionist;
    bool active = true;
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
    // Sign-in state, for lists: failed tries in a row and the lock-out's end (UTC ms, 0: none).
    int failedAttempts = 0;
    qint64 lockedUntil = 0;
};

} // namespace frontdesk
