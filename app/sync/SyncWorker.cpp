#include "SyncWorker.h"

#include "ServerEndpoint.h"
#include "SyncConflicts.h"

#include "storage/Outbox.h"

#include <QNetworkInformation>
#include <QRandomGenerator>
#include <QTcpSocket>
#include <QTimer>

#include <algorithm>

namespace frontdesk {

namespace {
// How often a workstation that is not enrolled checks whether it has been since.
constexpr int kUnconfiguredRecheckMs = 15000;
// While the server is not reached: how often a TCP connect checks whether it is back, and how
// long one may take. A connect and a close, nothing sent: cheap for the server and the network.
constexpr int kProbeIntervalMs = 10000;
constexpr int kProbeTimeoutMs = 3000;
// Each wait for a probe is longer by up to this fraction, at random, so that a clinic's
// workstations do not all knock at the same instant.
constexpr double kProbeJitter = 0.2;
} // namespace

SyncWorker::SyncWorker(Connect connect, int intervalMs)
    : m_connect(std::move(connect)), m_intervalMs(intervalMs),
      m_jitter([] { return 0.5 + QRandomGenerator::global()->generateDouble() / 2; }),
      m_probeIntervalMs(kProbeIntervalMs), m_probeTimeoutMs(kProbeTimeoutMs)
{
    qRegisterMetaType<frontdesk::SyncReport>();
    qRegisterMetaType<frontdesk::SyncRound>();
    qRegisterMetaType<frontdesk::SyncProgress>();
}

void SyncWorker::setTransport(MakeTransport make, int roundIntervalMs, int debounceMs)
{
    m_makeTransport = std::move(make);
    m_roundIntervalMs = roundIntervalMs;
    m_nextRoundMs = roundIntervalMs;
    m_debounceMs = debounceMs;
}

void SyncWorker::setProbeInterval(int probeIntervalMs, int timeoutMs)
{
    m_probeIntervalMs = probeIntervalMs;
    m_probeTimeoutMs = timeoutMs;
}

void SyncWorker::scheduleNextRound(bool reached)
{
    m_misses = reached ? 0 : m_misses + 1;
    m_nextRoundMs =
        reached
            ? m_roundIntervalMs
            : int(std::max<qint64>(m_roundIntervalMs, SyncEngine::backoffMs(m_misses, m_jitter())));
    if (m_roundTimer && !m_stopping)
        m_roundTimer->start(m_nextRoundMs);
    if (reached || m_probeRound)
        stopProbe();
    else
        scheduleProbe();
}

void SyncWorker::scheduleProbe()
{
    // A probe under way schedules the next one when it ends.
    if (!m_probeTimer || m_stopping || m_probe->state() != QAbstractSocket::UnconnectedState)
        return;
    m_probeTimer->start(int(m_probeIntervalMs * (1 + kProbeJitter * (2 * m_jitter() - 1))));
}

void SyncWorker::stopProbe()
{
    if (!m_probeTimer)
        return;
    m_probeTimer->stop();
    m_probeTimeout->stop();
    m_probe->abort();
}

void SyncWorker::probe()
{
    if (!m_db || m_misses == 0 || m_stopping)
        return;
    // Not enrolled (any more): nothing to knock at.
    auto endpoint = ServerEndpoint::fromSettings(*m_db);
    if (!endpoint || endpoint->url.host().isEmpty())
        return;
    const QUrl &url = endpoint->url;
    const int port = url.port(url.scheme() == QLatin1String("https") ? 443 : 80);
    m_probeTimeout->start(m_probeTimeoutMs);
    m_probe->connectToHost(url.host(), quint16(port));
}

void SyncWorker::probeEnded(bool connected)
{
    m_probeTimeout->stop();
    m_probe->abort();
    emit probed(connected);
    // A round under way says itself whether the server is back.
    if (m_inRound || m_stopping)
        return;
    if (connected && m_misses > 0) {
        m_probeRound = true;
        syncNow();
        m_probeRound = false;
    } else if (m_misses > 0) {
        scheduleProbe();
    }
}

SyncWorker::~SyncWorker() = default;

SyncWorker::Connect SyncWorker::connectionServing(const Database &source)
{
    return [&source]() -> Result<std::unique_ptr<Database>> {
        auto connection = source.openAnotherConnection();
        if (connection)
            (*connection)->setServes(&source);
        return connection;
    };
}

Result<QStringList> SyncWorker::syncedTables(const Database &db)
{
    auto tables = db.query(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' "
                                          "AND sql LIKE '%sync_state%' ORDER BY name"));
    if (!tables)
        return fail(tables.error());
    QStringList names;
    while (tables->next())
        names << tables->value(0).toString();
    return names;
}

void SyncWorker::start()
{
    auto db = m_connect();
    if (!db) {
        SyncReport state;
        state.problem = tr("The sync worker could not open the database: %1").arg(db.error());
        emit stateChanged(state);
        return;
    }
    m_db = std::move(*db);
    auto tables = syncedTables(*m_db);
    if (!tables) {
        SyncReport report;
        report.problem = tr("The sync worker could not read the schema: %1").arg(tables.error());
        emit stateChanged(report);
        return;
    }
    m_tables = *tables;
    m_timer = new QTimer(this);
    connect(m_timer, &QTimer::timeout, this, &SyncWorker::pollNow);
    m_timer->start(m_intervalMs);
    if (m_makeTransport) {
        auto syncDb = m_db->openAnotherConnection();
        if (!syncDb) {
            SyncReport report;
            report.problem =
                tr("The sync worker could not open the database: %1").arg(syncDb.error());
            emit stateChanged(report);
            return;
        }
        m_syncDb = std::move(*syncDb);
        m_syncDb->actAsSystem(QStringLiteral("sync worker"));
        m_roundTimer = new QTimer(this);
        m_roundTimer->setSingleShot(true);
        connect(m_roundTimer, &QTimer::timeout, this, &SyncWorker::syncNow);
        // The network coming back (where the platform says so): a round at once rather than
        // at the end of a backoff.
        if (QNetworkInformation::loadBackendByFeatures(
                QNetworkInformation::Feature::Reachability)) {
            connect(QNetworkInformation::instance(), &QNetworkInformation::reachabilityChanged,
                    this, [this](QNetworkInformation::Reachability r) {
                        if (r == QNetworkInformation::Reachability::Online && m_misses > 0)
                            syncNow();
                    });
        }
        m_debounce = new QTimer(this);
        m_debounce->setSingleShot(true);
        connect(m_debounce, &QTimer::timeout, this, &SyncWorker::syncNow);
        // Everywhere else, and where the platform's report lags: the probe.
        m_probeTimer = new QTimer(this);
        m_probeTimer->setSingleShot(true);
        connect(m_probeTimer, &QTimer::timeout, this, &SyncWorker::probe);
        m_probeTimeout = new QTimer(this);
        m_probeTimeout->setSingleShot(true);
        connect(m_probeTimeout, &QTimer::timeout, this, [this] { probeEnded(false); });
        m_probe = new QTcpSocket(this);
        connect(m_probe, &QTcpSocket::connected, this, [this] { probeEnded(true); });
        connect(m_probe, &QTcpSocket::errorOccurred, this, [this] { probeEnded(false); });
        syncNow();
        return;
    }
    pollNow();
}

void SyncWorker::stop()
{
    if (m_timer)
        m_timer->stop();
    if (m_roundTimer)
        m_roundTimer->stop();
    if (m_debounce)
        m_debounce->stop();
    stopProbe();
    // Called in a round's wait (a blocking call from the thread that ends this one): the round
    // still uses the connections, and lets them go when it ends, soon, as the thread quits.
    if (m_inRound) {
        m_stopping = true;
        return;
    }
    release();
}

void SyncWorker::release()
{
    m_transport.reset();
    m_syncDb.reset();
    m_db.reset();
}

void SyncWorker::localChange()
{
    // Every commit calls this; without a server a round would only recount what the poll
    // recounts anyway (a walk over every synced table).
    if (!m_debounce || !m_db || m_db->setting(QStringLiteral("sync_server_url")).isEmpty())
        return;
    m_debounce->start(m_debounceMs);
}

void SyncWorker::syncNow()
{
    if (!m_db || m_stopping)
        return;
    if (m_inRound) {
        m_roundAgain = true;
        return;
    }
    if (!m_syncDb || m_db->setting(QStringLiteral("sync_server_url")).isEmpty()) {
        pollNow();
        // Not enrolled (yet): asked again now and then, so an enrollment made meanwhile syncs.
        if (m_roundTimer)
            m_roundTimer->start(std::max(m_roundIntervalMs, kUnconfiguredRecheckMs));
        return;
    }
    if (m_debounce)
        m_debounce->stop();
    m_inRound = true;
    runRound();
    m_inRound = false;
    if (m_stopping) {
        release();
        return;
    }
    if (m_roundAgain) {
        m_roundAgain = false;
        QMetaObject::invokeMethod(this, &SyncWorker::syncNow, Qt::QueuedConnection);
    }
}

void SyncWorker::runRound()
{
    if (!m_transport) {
        auto made = m_makeTransport(*m_syncDb);
        if (!made) {
            SyncReport report = look();
            report.offlineReason = made.error();
            scheduleNextRound(false);
            emit stateChanged(report);
            return;
        }
        m_transport = std::move(*made);
    }
    SyncEngine engine(*m_syncDb, *m_transport);
    engine.setProgress([this](const SyncProgress &step) { emit progressed(step); });
    const SyncRound round = engine.round();
    for (auto it = round.changed.cbegin(); it != round.changed.cend(); ++it)
        emit recordsChanged(it.key(), it.value());
    emit roundFinished(round);
    // Most rounds on the poll reach the server and change nothing here: the counts of the last
    // look stand (the worker's own poll recounts anyway), only the connection state is new. A
    // round that did not reach it may have left new local changes uncounted: those recount.
    const bool changedHere = !round.changed.isEmpty() || round.pushed > 0 || round.pulled > 0 ||
                             round.conflicts > 0 || round.rejected > 0 || round.unapplied > 0;
    SyncReport report =
        changedHere || !round.reached || !m_looked ? look() : connectionState(m_last);
    // An unreachable server is a state the status bar shows, not an error to put in front of
    // a person; anything else that stopped the round is.
    if (!round.reached)
        report.offlineReason = round.problem;
    else if (!round.problem.isEmpty() && report.problem.isEmpty())
        report.problem = round.problem;
    scheduleNextRound(round.reached);
    emit stateChanged(report);
}

void SyncWorker::pollNow()
{
    if (m_db)
        emit stateChanged(look());
}

SyncReport SyncWorker::connectionState(SyncReport state) const
{
    state.serverConfigured = !m_db->setting(QStringLiteral("sync_server_url")).isEmpty();
    const auto metaTime = [this](const QString &key) {
        auto v = m_db->scalar(QStringLiteral("SELECT value FROM sync_meta WHERE key = ?"), {key});
        return v && v->isValid() ? QDateTime::fromMSecsSinceEpoch(v->toLongLong(), Qt::UTC)
                                 : QDateTime();
    };
    state.lastSyncAt = metaTime(SyncEngine::lastSyncKey());
    state.offlineSince = metaTime(SyncEngine::offlineSinceKey());
    state.online =
        state.serverConfigured && state.lastSyncAt.isValid() && !state.offlineSince.isValid();
    state.offlineReason.clear();
    return state;
}

SyncReport SyncWorker::look()
{
    m_last = count();
    m_looked = true;
    return m_last;
}

SyncReport SyncWorker::count() const
{
    SyncReport state = connectionState({});
    auto waiting = Outbox(*m_db).waitingRecords();
    if (!waiting) {
        state.problem = tr("Could not count the changes waiting to sync: %1").arg(waiting.error());
        return state;
    }
    state.waiting = *waiting;
    for (const QString &table : std::as_const(m_tables)) {
        // Table names come from the schema, never from input.
        auto n = m_db->query(
            QStringLiteral("SELECT sum(sync_state = 'conflict'), sum(sync_state = 'rejected') "
                           "FROM %1 WHERE sync_state IN ('conflict', 'rejected')")
                .arg(table));
        if (!n) {
            state.problem = tr("Could not count the records in conflict: %1").arg(n.error());
            return state;
        }
        if (n->next()) {
            state.conflicts += n->value(0).toLongLong();
            state.rejected += n->value(1).toLongLong();
        }
    }
    // Changes from the server that could not be written here and have no record here to flag:
    // they wait in Conflicts too.
    auto unapplied = SyncConflicts::unappliedCount(*m_db);
    if (!unapplied) {
        state.problem = tr("Could not count the records in conflict: %1").arg(unapplied.error());
        return state;
    }
    state.conflicts += *unapplied;
    return state;
}

SyncThread::SyncThread(SyncWorker::Connect connect, int intervalMs)
    : m_worker(new SyncWorker(std::move(connect), intervalMs))
{
    m_thread.setObjectName(QStringLiteral("frontdesk-sync"));
    m_worker->moveToThread(&m_thread);
    QObject::connect(&m_thread, &QThread::started, m_worker, &SyncWorker::start);
    QObject::connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
}

SyncThread::~SyncThread()
{
    if (m_thread.isRunning()) {
        QMetaObject::invokeMethod(m_worker, &SyncWorker::stop, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    } else {
        delete m_worker;
    }
}

void SyncThread::start()
{
    m_thread.start();
}

} // namespace frontdesk
