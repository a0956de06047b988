#include "AppEnvironment.h"

#include "KeychainSecretStore.h"
#include "database/KeyFileSecretStore.h"

#include <QDir>
#include <QStandardPaths>

#include <pwd.h>
#include <unistd.h>

namespace frontdesk::AppEnvironment {

QString defaultDataDir()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation))
        .filePath(QStringLiteral("frontdesk"));
}

std::unique_ptr<SecretStore> secretStore(const QString &keyFile)
{
    if (!keyFile.isEmpty())
        return std::make_unique<KeyFileSecretStore>(keyFile);
    return std::make_unique<KeychainSecretStore>();
}

std::unique_ptr<SecretStore> anchorKeyStore(const QString &keyFile)
{
    if (!keyFile.isEmpty())
        return std::make_unique<KeyFileSecretStore>(keyFile + QStringLiteral(".anchor"));
    return std::make_unique<KeychainSecretStore>();
}

QString operatingSystemUser()
{
    if (const passwd *pw = ::getpwuid(::getuid()); pw && pw->pw_name)
        return QString::fromLocal8Bit(pw->pw_name);
    const QString user = qEnvironmentVariable("USER");
    return user.isEmpty() ? QStringLiteral("uid-%1").arg(::getuid()) : user;
}

} // namespace frontdesk::AppEnvironment
