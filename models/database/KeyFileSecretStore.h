#pragma once

#include "SecretStore.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace frontdesk {

// Secrets in one file holding a JSON object {account: base64 secret}: the weaker alternative to
// the OS keychain for headless servers (--key-file PATH). The file must be private to its owner
// (mode 0600); one that others can read is refused rather than used, because anyone who can read
// it can read the database.
class KeyFileSecretStore final : public SecretStore
{
    Q_DECLARE_TR_FUNCTIONS(KeyFileSecretStore)

public:
    explicit KeyFileSecretStore(QString filePath);

    QString filePath() const { return m_filePath; }

    Result<std::optional<QByteArray>> read(const QString &account) override;
    Status write(const QString &account, const QByteArray &secret) override;
    Status remove(const QString &account) override;
    QString description() const override;

private:
    // A missing file holds no entries.
    Result<QJsonObject> load() const;
    Status save(const QJsonObject &entries) const;

    QString m_filePath;
};

} // namespace frontdesk
