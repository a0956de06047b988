#pragma once

#include "core/Result.h"
#include "kpi/Kpi.h"
#include "kpi/KpiDrillDown.h"
#include "kpi/KpiFilter.h"
#include "kpi/KpiReport.h"

#include <QCoreApplication>

#include <memory>

namespace frontdesk {

class Database;
class ReadWorker;

// The dashboard computed from the local database: loads the facts a period needs with a few
// indexed queries (KpiLoader) and computes every figure in plain C++ (KpiCalculator). The
// first computation starts a ReadWorker, a second connection that reads the messages while
// this one reads the appointments; a service kept between computations keeps that
// connection's page cache warm.
class KpiService
{
    Q_DECLARE_TR_FUNCTIONS(frontdesk::KpiService)
public:
    explicit KpiService(Database &db);
    ~KpiService();
    KpiService(const KpiService &) = delete;
    KpiService &operator=(const KpiService &) = delete;

    // Current period, previous period and the charts.
    Result<KpiReport> compute(const KpiFilter &filter) const;
    // The records behind one figure of the current period. Lists patient data, so it requires
    // Permission::ViewDashboards of whoever is signed in (AccessGuard reads the Session kept
    // on the database; frontdeskctl has none and passes) and writes one audit entry under the
    // database's actor: action "dashboard-drill-down" with the figure's key and the row count.
    Result<KpiDrillDown> drillDown(const KpiFilter &filter, Kpi kpi) const;

private:
    // The permission, the dates, and that the practitioner, location and type filtered by exist.
    Status check(const KpiFilter &filter) const;
    ReadWorker &worker() const;
    Database &m_db;
    mutable std::unique_ptr<ReadWorker> m_worker;
};

} // namespace frontdesk
