// The key file (--key-file): whatever bytes are in it, reading gives a key or a message.

#include "FuzzSupport.h"
#include "database/KeyFileSecretStore.h"

#include <QFile>
#include <QTemporaryDir>

using namespace frontdesk;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz::ensureApplication();
    static QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("key"));
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return 0;
        file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        file.write(fuzz::bytes(data, size));
    }
    KeyFileSecretStore store(path);
    // A key of the wrong size is DatabaseKeys' to refuse; here only crashes and leaks count.
    (void)store.read(QStringLiteral("database-key:/var/lib/frontdesk"));
    return 0;
}
