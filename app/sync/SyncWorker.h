#pragma once

#include "SyncReport.h"
#include "core/Result.h"
#include "database/Database.h"

#include <QObject>
#include <QThread>

#include <functional>
#include <memory>

class QTimer;

namespace frontdesk {

// The background side of synchronisation: lives in its own thread with its own database
// connection, so the UI thread never waits on it. Today it watches the outbox and the records
// in conflict and reports them; exchanging changes with frontdesk-server plugs in here.
class SyncWorker : public QObject
{
    Q_OBJECT
public:
    // Opens the worker's own connection; called in the worker's thread.
    using Connect = std::function<Result<std::unique_ptr<Database>>()>;

    SyncWorker(Connect connect, int intervalMs);
    ~SyncWorker() override;

    // Opens another connection to source's database that works for source
    // (Database::serves): the models' checks on it are those of the person signed in on source.
    // source must outlive the worker.
    static Connect connectionServing(const Database &source);

    // The tables whose records carry a sync_state column, read from the schema, so tables that
    // later migrations add are counted without a list to keep in step.
    static Result<QStringList> syncedTables(const Database &db);

public slots:
    void start();
    void pollNow();
    void stop();

signals:
    void stateChanged(const frontdesk::SyncReport &state);

private:
    SyncReport look();

    Connect m_connect;
    int m_intervalMs;
    std::unique_ptr<Database> m_db;
    QStringList m_tables;
    QTimer *m_timer = nullptr;
};

// Owns the worker's thread: starts it, and stops it before the database it reads goes away.
class SyncThread
{
public:
    SyncThread(SyncWorker::Connect connect, int intervalMs = 5000);
    ~SyncThread();
    SyncThread(const SyncThread &) = delete;
    SyncThread &operator=(const SyncThread &) = delete;

    SyncWorker *worker() const { return m_worker; }
    void start();

private:
    QThread m_thread;
    SyncWorker *m_worker; // deleted in its own thread when the thread finishes
};

} // namespace frontdesk
