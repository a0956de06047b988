#pragma once

#include "core/Result.h"

#include <QCoreApplication>
#include <QString>

namespace frontdesk {

// Argon2id password hashes through libsodium's crypto_pwhash_str, with its "interactive"
// limits (about 64 MiB and a fraction of a second per attempt): cheap for one sign-in,
// expensive for someone guessing against a stolen database.
class PasswordHash
{
    Q_DECLARE_TR_FUNCTIONS(PasswordHash)
public:
    // The self-describing string ("$argon2id$v=19$m=...") to store.
    static Result<QString> make(const QString &password);
    static bool verify(const QString &hash, const QString &password);
    // How many verify() calls this process has made: sign-in does exactly one per attempt
    // whatever the outcome, which tests check instead of timing it.
    static qint64 verifications();
};

} // namespace frontdesk
