#pragma once

#include "database/SecretStore.h"

#include <QString>

#include <memory>

namespace frontdesk {

// Wiring shared by frontdesk and frontdeskctl.
namespace AppEnvironment {

// The platform's app-data location, e.g. ~/.local/share/frontdesk on Linux.
QString defaultDataDir();
// The OS keychain, or the key file when one was given (the weaker choice, for headless servers).
std::unique_ptr<SecretStore> secretStore(const QString &keyFile);
// The name of the operating-system user running this process, for the audit trail.
QString operatingSystemUser();

} // namespace AppEnvironment
} // namespace frontdesk
