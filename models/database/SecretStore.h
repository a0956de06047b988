#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace frontdesk {

// Where secrets such as the database key are kept. Behind this small interface so the product
// uses the OS keychain, headless servers a key file, and unit tests an in-memory store, while
// the key policy (DatabaseKeys) stays the same for all of them.
class SecretStore
{
public:
    virtual ~SecretStore();

    // nullopt: there is no such entry. A failure means the store itself could not be asked.
    virtual Result<std::optional<QByteArray>> read(const QString &account) = 0;
    virtual Status write(const QString &account, const QByteArray &secret) = 0;
    // Succeeds when the entry is already absent.
    virtual Status remove(const QString &account) = 0;
    // Names the store in messages, e.g. "the OS keychain (Secret Service, service 'frontdesk')".
    virtual QString description() const = 0;
};

} // namespace frontdesk
