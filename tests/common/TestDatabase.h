#pragma once

#include "SystemConnection.h"

#include "database/Database.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace frontdesk::test {

// A migrated database in a fresh temporary directory, opened with a fixed key, for the system
// (actAsTestSetUp).
struct TestDatabase
{
    QTemporaryDir dir;
    std::unique_ptr<Database> db;

    static QByteArray key() { return QByteArray(32, '\x5a'); }
    QString path() const { return dir.filePath(Database::fileName()); }

    bool open()
    {
        auto opened = Database::open(path(), key());
        if (!opened) {
            qWarning("%s", qPrintable(opened.error()));
            return false;
        }
        db = std::move(*opened);
        actAsTestSetUp(*db);
        auto migrated = db->migrate();
        if (!migrated)
            qWarning("%s", qPrintable(migrated.error()));
        return migrated.ok();
    }
};

} // namespace frontdesk::test
