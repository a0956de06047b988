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
// Where the audit anchor's key is kept (AuditAnchor): the OS keychain beside the database key,
// or, with a key file, a file of its own beside it (<key file>.anchor), so that a copy of the key
// file alone does not let anyone re-sign the anchor.
std::unique_ptr<SecretStore> anchorKeyStore(const QString &keyFile);
// The name of the operating-system user running this process, for the audit trail.
QString operatingSystemUser();

} // namespace AppEnvironment
} // namespace frontdesk
