#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>

namespace frontdesk {

// What the sync worker last found, as the status bar shows it.
struct SyncReport
{
    bool serverConfigured = false;
    bool online = false;
    QDateTime lastSyncAt; // UTC; invalid: never synced with a server
    qint64 waiting = 0;   // local changes in the outbox
    qint64 conflicts = 0; // records in conflict with the server or refused by it
    QString problem;      // why the worker could not look, if it could not
};

} // namespace frontdesk

Q_DECLARE_METATYPE(frontdesk::SyncReport)
