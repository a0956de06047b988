#include "SecretStore.h"

namespace frontdesk {

// Defined out of line so the vtable is emitted in one translation unit.
SecretStore::~SecretStore() = default;

} // namespace frontdesk
