#include "MemorySecretStore.h"

namespace frontdesk {

Result<std::optional<QByteArray>> MemorySecretStore::read(const QString &account)
{
    if (!m_unavailable.isEmpty())
        return fail(m_unavailable);
    const auto it = m_entries.constFind(account);
    if (it == m_entries.constEnd())
        return std::optional<QByteArray>();
    return std::optional<QByteArray>(*it);
}

Status MemorySecretStore::write(const QString &account, const QByteArray &secret)
{
    if (!m_unavailable.isEmpty())
        return fail(m_unavailable);
    if (!m_readOnly.isEmpty())
        return fail(m_readOnly);
    m_entries.insert(account, secret);
    return {};
}

Status MemorySecretStore::remove(const QString &account)
{
    if (!m_unavailable.isEmpty())
        return fail(m_unavailable);
    if (!m_readOnly.isEmpty())
        return fail(m_readOnly);
    m_entries.remove(account);
    return {};
}

QString MemorySecretStore::description() const
{
    return tr("the in-memory secret store");
}

void MemorySecretStore::setUnavailable(QString message)
{
    m_unavailable = std::move(message);
}

void MemorySecretStore::setReadOnly(QString message)
{
    m_readOnly = std::move(message);
}

} // namespace frontdesk
