#include "PasswordHash.h"

#include <sodium.h>

#include <atomic>

namespace frontdesk {

namespace {

// The UTF-8 copy of the password is wiped as soon as it has been used.
struct WipedUtf8
{
    explicit WipedUtf8(const QString &text) : bytes(text.toUtf8()) {}
    ~WipedUtf8() { sodium_memzero(bytes.data(), static_cast<size_t>(bytes.size())); }
    WipedUtf8(const WipedUtf8 &) = delete;
    WipedUtf8 &operator=(const WipedUtf8 &) = delete;
    QByteArray bytes;
};

std::atomic<qint64> verifyCalls{0};

} // namespace

qint64 PasswordHash::verifications()
{
    return verifyCalls.load();
}

Result<QString> PasswordHash::make(const QString &password)
{
    if (sodium_init() < 0)
        return fail(tr("Could not hash the password: libsodium failed to initialise."));
    WipedUtf8 utf8(password);
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(
            out, utf8.bytes.constData(), static_cast<unsigned long long>(utf8.bytes.size()),
            crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE,
            crypto_pwhash_ALG_ARGON2ID13) != 0)
        return fail(tr("Could not hash the password: not enough memory for Argon2id."));
    return QString::fromLatin1(out);
}

bool PasswordHash::verify(const QString &hash, const QString &password)
{
    ++verifyCalls;
    if (sodium_init() < 0)
        return false;
    const QByteArray stored = hash.toLatin1();
    WipedUtf8 utf8(password);
    return crypto_pwhash_str_verify(stored.constData(), utf8.bytes.constData(),
                                    static_cast<unsigned long long>(utf8.bytes.size())) == 0;
}

} // namespace frontdesk
