#pragma once

#include "core/Result.h"

#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <thread>

namespace frontdesk {

class Database;

// A second connection to a database, with a thread of its own, for reads that can run beside
// the caller's: the dashboard reads its messages here while it reads appointments on the
// caller's connection, and so uses both cores. The connection is opened on the first task (and
// on the next one again if that failed) and kept, page cache and all, until the worker is
// destroyed.
//
// The source Database must outlive the worker. Its connection answers to the source's Session
// (Database::serves): the models' checks on it are those of the person signed in on the source,
// and they refuse once that person signs out or the workstation locks. The two connections read
// separate snapshots, so a write committed between their reads can show in one and not the other.
class ReadWorker
{
public:
    explicit ReadWorker(const Database &source);
    ~ReadWorker();
    ReadWorker(const ReadWorker &) = delete;
    ReadWorker &operator=(const ReadWorker &) = delete;

    // Runs task on the worker's connection, under the source's actor and clock as they are now.
    // Whatever the task refers to must stay alive until the future has its value; a connection
    // that could not be opened is the future's failure.
    std::future<Status> run(std::function<Status(Database &)> task);
    // The same without a future, for a caller that hears back otherwise: the task gets the
    // connection, or null and why none could be opened.
    void post(std::function<void(Database *db, const QString &openError)> task);

private:
    void loop();

    const Database &m_source;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<std::function<void(Database *, const QString &)>> m_tasks;
    bool m_stopping = false;
    std::thread m_thread;
};

} // namespace frontdesk
