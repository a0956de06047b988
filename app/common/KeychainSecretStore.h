#pragma once

#include "database/SecretStore.h"

#include <QCoreApplication>

#include <chrono>

namespace frontdesk {

// Secrets in the OS keychain through QtKeychain: the Secret Service (gnome-keyring, KWallet) on
// Linux, Keychain on macOS, the Credential Manager on Windows. Never falls back to storing
// secrets in plain text.
//
// QtKeychain is asynchronous; each call here waits for its job in a local event loop, so use it
// from the main thread, with a QCoreApplication, and never from inside a keychain callback.
class KeychainSecretStore final : public SecretStore
{
    Q_DECLARE_TR_FUNCTIONS(KeychainSecretStore)

public:
    // A keychain can sit on an unlock prompt nobody sees; startup must not wait on it forever.
    static constexpr std::chrono::milliseconds defaultTimeout = std::chrono::seconds(30);

    explicit KeychainSecretStore(QString service = QStringLiteral("frontdesk"));

    QString service() const { return m_service; }
    std::chrono::milliseconds timeout() const { return m_timeout; }
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }

    Result<std::optional<QByteArray>> read(const QString &account) override;
    Status write(const QString &account, const QByteArray &secret) override;
    Status remove(const QString &account) override;
    QString description() const override;

private:
    // Fails before QtKeychain is asked when it could only hang or start a bus of its own.
    Status checkEnvironment() const;

    QString m_service;
    std::chrono::milliseconds m_timeout = defaultTimeout;
};

} // namespace frontdesk
