// The manager's dashboard: every figure of the last 90 days beside the 90 days before, with the
// charts, as the Dashboard view computes it on opening; and, for scale, one plain aggregate
// scan over the same appointments.

#include "Benchmark.h"

#include "kpi/KpiService.h"

#include <QSqlQuery>

#include <memory>

namespace frontdesk::bench {

namespace {

// scripts/bench seeds a dataset again when the schema changed; a stale one is refused here
// rather than measured without the dashboard's indexes.
Result<Database *> dashboardDatabase(BenchContext &c)
{
    if (c.db.schemaVersion() < Database::latestSchemaVersion())
        return fail(QStringLiteral("the benchmark database is at schema %1, not %2: seed it again "
                                   "(scripts/bench --reseed)")
                        .arg(c.db.schemaVersion())
                        .arg(Database::latestSchemaVersion()));
    return &c.db;
}

KpiFilter last90Days(const BenchContext &c)
{
    KpiFilter f;
    f.to = c.today;
    f.from = c.today.addDays(-89);
    return f;
}

Result<Operation> dashboard(BenchContext &c)
{
    auto db = dashboardDatabase(c);
    if (!db)
        return fail(db.error());
    auto service = std::make_shared<KpiService>(**db);
    const KpiFilter filter = last90Days(c);
    return Operation([service, filter]() -> Status {
        auto r = service->compute(filter);
        if (!r)
            return fail(r.error());
        return r->current.value(Kpi::Appointments).numerator > 0
                   ? Status()
                   : fail(QStringLiteral("no appointments in the last 90 days"));
    });
}

Result<Operation> aggregateScan(BenchContext &c)
{
    auto db = dashboardDatabase(c);
    if (!db)
        return fail(db.error());
    Database *database = *db;
    const KpiFilter filter = last90Days(c);
    const qint64 from = QDateTime(filter.from, QTime(0, 0), c.zone).toMSecsSinceEpoch();
    const qint64 to = QDateTime(filter.to.addDays(1), QTime(0, 0), c.zone).toMSecsSinceEpoch();
    return Operation([database, from, to]() -> Status {
        auto q = database->query(
            QStringLiteral("SELECT status, count(*), sum(end_at - start_at) FROM appointments "
                           "WHERE deleted = 0 AND start_at >= ? AND start_at < ? GROUP BY status"),
            {from, to});
        if (!q)
            return fail(q.error());
        qint64 rows = 0;
        while (q->next())
            rows += q->value(1).toLongLong();
        return rows > 0 ? Status() : fail(QStringLiteral("no appointments in the last 90 days"));
    });
}

const Registration figures{{QStringLiteral("dashboard.90days"),
                            QStringLiteral("every dashboard figure for the last 90 days and the "
                                           "90 before, with weeks, practitioners and heat map"),
                            10, dashboard}};
const Registration scan{{QStringLiteral("dashboard.aggregate-scan"),
                         QStringLiteral("one plain aggregate over the same 90 days of "
                                        "appointments (status, count, minutes)"),
                         10, aggregateScan}};

} // namespace

} // namespace frontdesk::bench
