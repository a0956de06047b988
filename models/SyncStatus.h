#pragma once

#include "SyncReport.h"
#include "storage/Outbox.h"

#include <QObject>
#include <QString>

namespace frontdesk {

class Database;

// What the status bar says about synchronisation: the sync worker reports through apply()
// from its thread; refresh() recounts the outbox at once after a local change.
class SyncStatus : public QObject
{
    Q_OBJECT
public:
    explicit SyncStatus(Database &db, QObject *parent = nullptr);

    bool serverConfigured() const { return m_state.serverConfigured; }
    bool online() const { return m_state.online; }
    qint64 pendingChanges() const { return m_pending; }
    qint64 conflicts() const { return m_state.conflicts; }
    qint64 rejected() const { return m_state.rejected; }
    QDateTime lastSyncAt() const { return m_state.lastSyncAt; }
    QDateTime offlineSince() const { return m_state.offlineSince; }
    QString offlineReason() const { return m_state.offlineReason; }
    QString lastError() const { return m_lastError; }

    // How far a long round is (a first pull, a standalone clinic's records going up); total 0:
    // no round under way that said so.
    SyncProgress progress() const { return m_progress; }

    void refresh();
    // The end of a round: its state, and the progress it made is over.
    void apply(const frontdesk::SyncReport &state);
    void setProgress(const frontdesk::SyncProgress &step);

signals:
    void changed();
    // refresh() found more changes waiting than before: something was changed here, and the
    // sync worker may send it.
    void localChangesWaiting();
    void errorOccurred(const QString &message);

private:
    Outbox m_outbox;
    qint64 m_pending = 0;
    SyncReport m_state;
    SyncProgress m_progress;
    QString m_lastError;
};

} // namespace frontdesk
