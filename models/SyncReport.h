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

// How far a round is, for the status bar's progress bar and frontdeskctl's progress lines:
// records pushed of those waiting when the round began, changes pulled of those the server had
// then, or (at the end of a new workstation's first large pull) indexes made again of those set
// aside (Database::restoreIndexes).
struct SyncProgress
{
    enum class Phase
    {
        Push,
        Pull,
        Indexes
    };
    Phase phase = Phase::Push;
    qint64 done = 0;
    qint64 total = 0;

    // Rounds that move fewer records than this go by without progress (the status bar's bar,
    // frontdeskctl's lines) until their summary.
    static constexpr qint64 ShownFrom = 200;
    // Worth saying: a long round's push or pull, or any index being made again (only a large
    // first pull sets them aside, and each may take seconds).
    bool worthShowing() const { return phase == Phase::Indexes ? total > 0 : total >= ShownFrom; }
};

} // namespace frontdesk

Q_DECLARE_METATYPE(frontdesk::SyncReport)
Q_DECLARE_METATYPE(frontdesk::SyncProgress)
