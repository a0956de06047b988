#pragma once

#include "core/Result.h"
#include "kpi/KpiFacts.h"
#include "kpi/KpiFilter.h"

#include <QCoreApplication>

namespace frontdesk {

class Database;

// Reads the facts a filter's figures need, with a few prepared, bound queries that use the
// indexes on start_at, (status, start_at), (patient_id, start_at) and sent_at.
class KpiLoader
{
    Q_DECLARE_TR_FUNCTIONS(frontdesk::KpiLoader)
public:
    // Figures: what the figures need. Records: the appointments' ids as well, for a drill-down.
    enum class Detail
    {
        Figures,
        Records
    };
    explicit KpiLoader(Database &db) : m_db(db) {}
    Result<KpiFacts> load(const KpiFilter &filter, Detail detail = Detail::Figures) const;

private:
    Database &m_db;
};

} // namespace frontdesk
