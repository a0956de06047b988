#pragma once

// frontdeskctl signs in like everyone else: a test adds the demo accounts after `init` and runs
// every other command as one of them, with the password in a private (0600) file.

#include <QFile>
#include <QString>
#include <QStringList>

namespace frontdesk::testing {

// The password `frontdeskctl user demo-accounts` gives the demo accounts.
inline QString demoPassword()
{
    return QStringLiteral("Frontdesk demo only!");
}

// Writes password and a newline into path, readable by the owner only.
inline bool writePasswordFile(const QString &path, const QString &password = demoPassword())
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    if (!file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner))
        return false;
    return file.write(password.toUtf8() + '\n') > 0 && file.flush();
}

// The global options that sign a frontdeskctl command in as user.
inline QStringList signedInAs(const QString &user, const QString &passwordFile)
{
    return {QStringLiteral("--user"), user, QStringLiteral("--password-file"), passwordFile};
}

} // namespace frontdesk::testing
