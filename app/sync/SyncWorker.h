#pragma once

#include "SyncEngine.h"
#include "SyncReport.h"
#include "SyncTransport.h"
#include "core/Result.h"
#include "database/Database.h"

#include <QObject>
#include <QThread>

#include <atomic>
#include <functional>
#include <memory>

class QTcpSocket;
class QTimer;

namespace frontdesk {

// The background side of synchronisation: lives in its own thread with its own database
// connection, so the UI thread never waits on it. It watches the outbox and the records in
// conflict or refused and reports them; given a way to the server (setTransport), it also runs
// rounds of SyncEngine on a connection of its own: after a local change (debounced), on a short
// poll, when the network comes back, and when asked (Sync now).
class SyncWorker : public QObject
{
    Q_OBJECT
public:
    // Opens the worker's own connection; called in the worker's thread.
    using Connect = std::function<Result<std::unique_ptr<Database>>()>;

    // Makes the way to the server, in the worker's thread; fails saying why there is none yet
    // (no server configured, not enrolled). Asked again at the next round after a failure.
    using MakeTransport = std::function<Result<std::unique_ptr<SyncTransport>>(Database &)>;

    SyncWorker(Connect connect, int intervalMs);
    ~SyncWorker() override;

    // Before start(). Rounds run every roundIntervalMs while the server answers (a short poll
    // of its history, so a change made at another workstation shows here within seconds), and
    // debounceMs after a local change; while it does not, the wait grows as the outbox's does
    // (SyncEngine::backoffMs, with jitter), and the network coming back starts a round at once.
    void setTransport(MakeTransport make, int roundIntervalMs = 3000, int debounceMs = 1000);
    // In [0.5, 1) of the delay; injectable so tests can pin it.
    void setJitter(std::function<double()> jitter) { m_jitter = std::move(jitter); }
    // The wait before the next round on the poll, as the last round left it (read from any
    // thread once its stateChanged was seen).
    int nextRoundMs() const { return m_nextRoundMs.load(); }
    // Before start(). While the last round did not reach the server, a TCP connect to its host
    // and port (no request, nothing sent) every probeIntervalMs (times 1 to 1.2, the jitter),
    // given up after timeoutMs; a round follows at once when one connects, so a workstation
    // notices the server back within about this interval, not at the end of a backoff that may
    // have grown to 15 minutes. Also where the platform does not report the network.
    void setProbeInterval(int probeIntervalMs, int timeoutMs);

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
    // One round at once (Sync now); without a way to the server, a recount.
    void syncNow();
    // Something changed here: a round soon, once the changes stop coming.
    void localChange();

signals:
    void stateChanged(const frontdesk::SyncReport &state);
    // A round changed these records here (pulled, or their sync state changed), so the models
    // that show them refresh those rows.
    void recordsChanged(const QString &resourceType, const QStringList &ids);
    void roundFinished(const frontdesk::SyncRound &round);
    // How far the round under way is (SyncEngine::setProgress).
    void progressed(const frontdesk::SyncProgress &step);
    // A reachability probe ended: it connected (a round follows), or was refused or timed out.
    void probed(bool connected);

private:
    // Counts what waits and what needs a person (and keeps it as the last look).
    SyncReport look();
    SyncReport count() const;
    // The connection state (server configured, online, last sync) on top of given counts.
    SyncReport connectionState(SyncReport counts) const;

    Connect m_connect;
    int m_intervalMs;
    std::unique_ptr<Database> m_db;
    QStringList m_tables;
    SyncReport m_last;
    bool m_looked = false;
    QTimer *m_timer = nullptr;

    // The next round on the poll: the interval while the server answers, else the backoff
    // (and the probe meanwhile).
    void scheduleNextRound(bool reached);
    // One round of SyncEngine on the worker's connection, and what it found reported.
    void runRound();
    // Lets the connections and the way to the server go.
    void release();
    void scheduleProbe();
    void stopProbe();
    void probe();
    void probeEnded(bool connected);

    MakeTransport m_makeTransport;
    int m_roundIntervalMs = 3000;
    int m_debounceMs = 1000;
    std::atomic<int> m_nextRoundMs = 3000;
    int m_misses = 0; // rounds in a row that did not reach the server
    std::function<double()> m_jitter;
    // The rounds' own connection: it writes what the server holds for every role, so it works
    // for the system, not for the person signed in (Database::actAsSystem).
    std::unique_ptr<Database> m_syncDb;
    std::unique_ptr<SyncTransport> m_transport;
    QTimer *m_roundTimer = nullptr;
    QTimer *m_debounce = nullptr;

    // A round waits on the network in a nested event loop (ServerConnection), where timers and
    // queued calls run: a round asked for meanwhile follows this one instead of nesting in it,
    // and a stop waits for its end.
    bool m_inRound = false;
    bool m_roundAgain = false;
    bool m_stopping = false;

    int m_probeIntervalMs;
    int m_probeTimeoutMs;
    QTimer *m_probeTimer = nullptr;   // the next probe
    QTimer *m_probeTimeout = nullptr; // the probe under way given up
    QTcpSocket *m_probe = nullptr;
    // This round follows a probe that connected. When it still does not reach the server (the
    // port answers, the server does not: TLS, a proxy), probes wait for the backoff's next
    // round, so that a listening port alone never makes rounds more often than the backoff's
    // plus one.
    bool m_probeRound = false;
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
