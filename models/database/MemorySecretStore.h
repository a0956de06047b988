#pragma once

#include "SecretStore.h"

#include <QCoreApplication>
#include <QMap>

namespace frontdesk {

// Keeps secrets in memory only: for unit tests. It can be told to fail, so the error paths of
// code using a SecretStore can be tested without a broken keychain.
class MemorySecretStore final : public SecretStore
{
    Q_DECLARE_TR_FUNCTIONS(MemorySecretStore)

public:
    Result<std::optional<QByteArray>> read(const QString &account) override;
    Status write(const QString &account, const QByteArray &secret) override;
    Status remove(const QString &account) override;
    QString description() const override;

    // Every call fails with this message, as when no keychain service answers.
    // An empty message makes the store available again.
    void setUnavailable(QString message);
    // Reads succeed, writes and removals fail with this message, as when the keychain is locked
    // for writing. An empty message allows writes again.
    void setReadOnly(QString message);

    // What the store holds, so tests can check that nothing was written.
    QMap<QString, QByteArray> entries() const { return m_entries; }

private:
    QMap<QString, QByteArray> m_entries;
    QString m_unavailable;
    QString m_readOnly;
};

} // namespace frontdesk
