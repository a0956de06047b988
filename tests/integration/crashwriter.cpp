// frontdesk_crashwriter: a writer for tst_crashconsistency to kill at random moments.
//
//   frontdesk_crashwriter write DIR KEYFILE PREFIX COUNT
//       saves patients PREFIX-1 ... PREFIX-COUNT through PatientRepository, one transaction
//       each, and prints each MRN on stdout (flushed) only AFTER its transaction committed.
//   frontdesk_crashwriter make-v1 DIR KEYFILE
//       creates the data directory's key and a database migrated to schema version 1 only, so
//       the next open has migrations to run.

#include "SystemConnection.h"

#include "database/DatabaseKeys.h"
#include "database/KeyFileSecretStore.h"
#include "storage/DataDirectory.h"
#include "storage/PatientRepository.h"

#include <QCoreApplication>
#include <QDir>

#include <cstdio>

using namespace frontdesk;

namespace {

int failWith(const QString &message)
{
    std::fprintf(stderr, "frontdesk_crashwriter: %s\n", qPrintable(message));
    return 2;
}

int writePatients(const QString &dir, const QString &keyFile, const QString &prefix, int count)
{
    KeyFileSecretStore store(keyFile);
    DataDirectory directory(dir, store);
    auto opened = directory.open();
    if (!opened)
        return failWith(opened.error());
    test::actAsTestSetUp(*opened->database);
    PatientRepository patients(*opened->database);
    for (int i = 1; i <= count; ++i) {
        Patient p;
        p.mrn = QStringLiteral("%1-%2").arg(prefix).arg(i);
        p.givenName = QStringLiteral("Crash");
        p.familyName = QStringLiteral("Test %1").arg(i);
        p.sex = QStringLiteral("other");
        if (auto saved = patients.save(p); !saved)
            return failWith(saved.error());
        std::printf("%s\n", qPrintable(p.mrn));
        std::fflush(stdout);
    }
    return 0;
}

int makeVersion1(const QString &dir, const QString &keyFile)
{
    if (!QDir().mkpath(dir))
        return failWith(QStringLiteral("cannot create %1").arg(dir));
    KeyFileSecretStore store(keyFile);
    DatabaseKeys keys(store, QDir(dir).absolutePath());
    auto key = keys.obtain(false);
    if (!key)
        return failWith(key.error());
    auto db = Database::open(QDir(dir).filePath(Database::fileName()), *key);
    if (!db)
        return failWith(db.error());
    if (auto migrated = (*db)->migrate(Migration::builtin().mid(0, 1)); !migrated)
        return failWith(migrated.error());
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList a = QCoreApplication::arguments();
    if (a.size() == 6 && a[1] == QLatin1String("write"))
        return writePatients(a[2], a[3], a[4], a[5].toInt());
    if (a.size() == 4 && a[1] == QLatin1String("make-v1"))
        return makeVersion1(a[2], a[3]);
    std::fprintf(stderr, "usage: frontdesk_crashwriter write DIR KEYFILE PREFIX COUNT | "
                         "make-v1 DIR KEYFILE\n");
    return 1;
}
