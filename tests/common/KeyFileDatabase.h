#pragma once

// A data directory's database opened with the key from its key file, as someone who copied
// that file could: to look at or tamper with what frontdeskctl left behind.

#include "database/Database.h"
#include "database/DatabaseKeys.h"
#include "database/KeyFileSecretStore.h"

#include <QDir>

#include <memory>

namespace frontdesk::testing {

inline std::unique_ptr<Database> openWithKeyFile(const QString &dataDir, const QString &keyFile)
{
    KeyFileSecretStore store(keyFile);
    auto key = DatabaseKeys(store, QDir(dataDir).absolutePath()).obtain(true);
    if (!key)
        return nullptr;
    auto db = Database::open(QDir(dataDir).filePath(Database::fileName()), *key);
    return db ? std::move(*db) : nullptr;
}

} // namespace frontdesk::testing
