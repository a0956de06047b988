#pragma once

#include "core/Result.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace frontdesk {

class SecretStore;

// The workstation's own credential from enrollment: its id at the server and the secret it
// trades for tokens. Kept through the SecretStore (the OS keychain, or the key file where the
// database key is in one), one entry per data directory, never in the database.
struct WorkstationCredential
{
    Q_DECLARE_TR_FUNCTIONS(WorkstationCredential)
public:
    QString workstationId;
    QString secret;
    QString name;

    // "workstation-credential:" + the absolute data directory.
    static QString account(const QString &dataDir);
    static Result<std::optional<WorkstationCredential>> load(SecretStore &store,
                                                             const QString &dataDir);
    Status store(SecretStore &store, const QString &dataDir) const;
    static Status remove(SecretStore &store, const QString &dataDir);
};

} // namespace frontdesk
