#pragma once

#include "core/Result.h"
#include "kpi/KpiFacts.h"
#include "kpi/KpiFilter.h"

#include <QCoreApplication>

namespace frontdesk {

class Database;
class ReadWorker;

// Reads the facts a filter's figures need, with a few prepared, bound queries that use the
// indexes on start_at, (status, start_at), (patient_id, start_at) and messages_sent_summary,
// reading rows in place (storage/SqlRow).
class KpiLoader
{
    Q_DECLARE_TR_FUNCTIONS(frontdesk::KpiLoader)
public:
    // Figures: what the figures need. Records: the appointments' and messages' ids as well, for
    // a drill-down.
    enum class Detail
    {
        Figures,
        Records
    };
    // With a worker (a second connection to the same database), the messages and recalls are
    // read there while the appointments are read on db.
    explicit KpiLoader(Database &db, ReadWorker *worker = nullptr) : m_db(db), m_worker(worker) {}
    Result<KpiFacts> load(const KpiFilter &filter, Detail detail = Detail::Figures) const;

private:
    Database &m_db;
    ReadWorker *m_worker;
};

} // namespace frontdesk
