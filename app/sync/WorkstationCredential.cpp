#include "WorkstationCredential.h"

#include "database/SecretStore.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>

namespace frontdesk {

QString WorkstationCredential::account(const QString &dataDir)
{
    return QStringLiteral("workstation-credential:") + QDir(dataDir).absolutePath();
}

Result<std::optional<WorkstationCredential>> WorkstationCredential::load(SecretStore &store,
                                                                         const QString &dataDir)
{
    auto read = store.read(account(dataDir));
    if (!read)
        return fail(read.error());
    if (!read->has_value())
        return std::optional<WorkstationCredential>();
    const QJsonObject o = QJsonDocument::fromJson(**read).object();
    WorkstationCredential c;
    c.workstationId = o.value(QStringLiteral("workstation_id")).toString();
    c.secret = o.value(QStringLiteral("secret")).toString();
    c.name = o.value(QStringLiteral("name")).toString();
    if (c.workstationId.isEmpty() || c.secret.isEmpty())
        return fail(tr("The workstation credential in %1 is damaged; enroll the workstation "
                       "again.")
                        .arg(store.description()));
    return std::optional(c);
}

Status WorkstationCredential::store(SecretStore &secrets, const QString &dataDir) const
{
    const QByteArray json =
        QJsonDocument(QJsonObject{{QStringLiteral("workstation_id"), workstationId},
                                  {QStringLiteral("secret"), secret},
                                  {QStringLiteral("name"), name}})
            .toJson(QJsonDocument::Compact);
    if (auto s = secrets.write(account(dataDir), json); !s)
        return fail(tr("The workstation credential could not be kept in %1: %2")
                        .arg(secrets.description(), s.error()));
    return {};
}

Status WorkstationCredential::remove(SecretStore &store, const QString &dataDir)
{
    return store.remove(account(dataDir));
}

} // namespace frontdesk
