#include "ReadWorker.h"

#include "database/Database.h"

namespace frontdesk {

ReadWorker::ReadWorker(const Database &source) : m_source(source), m_thread([this] { loop(); }) {}

ReadWorker::~ReadWorker()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_one();
    m_thread.join();
}

std::future<Status> ReadWorker::run(std::function<Status(Database &)> task)
{
    auto promise = std::make_shared<std::promise<Status>>();
    std::future<Status> result = promise->get_future();
    post([promise, task = std::move(task)](Database *db, const QString &openError) {
        promise->set_value(db ? task(*db) : Status(fail(openError)));
    });
    return result;
}

void ReadWorker::post(std::function<void(Database *, const QString &)> task)
{
    {
        std::lock_guard lock(m_mutex);
        m_tasks.push_back([task = std::move(task), actor = m_source.actor(),
                           clock = &m_source.clock()](Database *db, const QString &openError) {
            if (db) {
                db->setActor(actor);
                db->setClock(*clock);
            }
            task(db, openError);
        });
    }
    m_wake.notify_one();
}

void ReadWorker::loop()
{
    // Opened, used and closed in this thread: Qt ties a connection to the thread that made it.
    std::unique_ptr<Database> connection;
    for (;;) {
        std::function<void(Database *, const QString &)> task;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || !m_tasks.empty(); });
            if (m_tasks.empty())
                return;
            task = std::move(m_tasks.front());
            m_tasks.pop_front();
        }
        // Tried again for each task while it fails: the database may be busy being rekeyed.
        QString openError;
        if (!connection) {
            auto opened = m_source.openAnotherConnection();
            if (opened) {
                connection = std::move(*opened);
                // The checks made on this connection are those of the person it reads for.
                connection->setServes(&m_source);
            } else
                openError = opened.error();
        }
        task(connection.get(), openError);
    }
}

} // namespace frontdesk
