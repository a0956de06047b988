#include "SyncWorker.h"

#include <QTimer>

namespace frontdesk {

SyncWorker::SyncWorker(Connect connect, int intervalMs)
    : m_connect(std::move(connect)), m_intervalMs(intervalMs)
{
    qRegisterMetaType<frontdesk::SyncReport>();
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
    pollNow();
}

void SyncWorker::stop()
{
    if (m_timer)
        m_timer->stop();
    m_db.reset();
}

void SyncWorker::pollNow()
{
    if (m_db)
        emit stateChanged(look());
}

SyncReport SyncWorker::look()
{
    SyncReport state;
    state.serverConfigured = !m_db->setting(QStringLiteral("sync_server_url")).isEmpty();
    auto last =
        m_db->scalar(QStringLiteral("SELECT value FROM sync_meta WHERE key = 'last_sync_at'"));
    if (last && last->isValid())
        state.lastSyncAt = QDateTime::fromMSecsSinceEpoch(last->toLongLong(), Qt::UTC);
    auto waiting = m_db->scalar(QStringLiteral("SELECT count(*) FROM outbox"));
    if (!waiting) {
        state.problem = tr("Could not count the changes waiting to sync: %1").arg(waiting.error());
        return state;
    }
    state.waiting = waiting->toLongLong();
    for (const QString &table : std::as_const(m_tables)) {
        // Table names come from the schema, never from input.
        auto n = m_db->scalar(
            QStringLiteral("SELECT count(*) FROM %1 WHERE sync_state IN ('conflict', 'rejected')")
                .arg(table));
        if (!n) {
            state.problem = tr("Could not count the records in conflict: %1").arg(n.error());
            return state;
        }
        state.conflicts += n->toLongLong();
    }
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
