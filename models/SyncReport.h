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
    QDateTime offlineSince; // UTC; valid while the server cannot be reached
    QString offlineReason;  // why it could not be reached, for the status bar's tool tip
    QDateTime lastSyncAt;   // UTC; invalid: never synced with a server
    qint64 waiting = 0;     // records with local changes in the outbox (Outbox::waitingRecords)
    qint64 conflicts = 0;   // records the server had changed meanwhile, waiting for a person
    qint64 rejected = 0;    // records the server refused, kept with the reason
    QString problem;        // why the worker could not look or sync, if it could not
};

} // namespace frontdesk

Q_DECLARE_METATYPE(frontdesk::SyncReport)
