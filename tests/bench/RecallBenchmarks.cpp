// Recall outreach's query over every patient: who has not come for 3 months and has nothing
// booked and no open recall (RecallRepository::lapsed), and the worklist of what is due today.
// 3 months, not 12: the seeded clinic's visits reach about half a year back, so a longer cutoff
// would find nobody and measure an empty index range.

#include "Benchmark.h"

#include "storage/RecallRepository.h"

#include <memory>

namespace frontdesk::bench {

namespace {

Result<Operation> lapsed(BenchContext &c)
{
    auto recalls = std::make_shared<RecallRepository>(c.db);
    const QDateTime cutoff = QDateTime(c.today.addMonths(-3), QTime(0, 0), c.zone).toUTC();
    return Operation([recalls, cutoff]() -> Status {
        auto found = recalls->lapsed(cutoff);
        if (!found)
            return fail(found.error());
        return {};
    });
}

Result<Operation> worklist(BenchContext &c)
{
    auto recalls = std::make_shared<RecallRepository>(c.db);
    const QDate today = c.today;
    return Operation([recalls, today]() -> Status {
        auto found = recalls->worklist(today);
        if (!found)
            return fail(found.error());
        return found->isEmpty() ? fail(QStringLiteral("no recall is due")) : Status();
    });
}

const Registration away{{QStringLiteral("recall.no-visit-3-months"),
                         QStringLiteral("the patients with no visit for 3 months, nothing booked "
                                        "and no open recall (recall outreach)"),
                         10, lapsed}};
const Registration due{{QStringLiteral("recall.worklist"),
                        QStringLiteral("the open recalls and tasks due up to today, with each "
                                       "patient's name and phone"),
                        20, worklist}};

} // namespace

} // namespace frontdesk::bench
