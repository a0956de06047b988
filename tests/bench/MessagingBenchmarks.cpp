// The Messages view: its list of conversations, one per patient written to, each with its newest
// message and counts, as the view reads it when it is shown and after each sync that brought
// messages while it is.

#include "Benchmark.h"

#include "storage/MessageThreads.h"

#include <memory>

namespace frontdesk::bench {

namespace {

Result<Operation> conversations(BenchContext &c)
{
    auto threads = std::make_shared<MessageThreads>(c.db);
    auto probe = threads->conversations();
    if (!probe)
        return fail(probe.error());
    if (probe->isEmpty())
        return fail(QStringLiteral("the seeded clinic has no conversations"));
    const qsizetype expected = probe->size();
    return Operation([threads, expected]() -> Status {
        auto all = threads->conversations();
        if (!all)
            return fail(all.error());
        return all->size() == expected
                   ? Status()
                   : fail(
                         QStringLiteral("%1 conversations, not %2").arg(all->size()).arg(expected));
    });
}

const Registration list{{QStringLiteral("messages.conversations"),
                         QStringLiteral("the Messages view's conversations: one per patient, with "
                                        "its newest message, unread and failed counts"),
                         10, conversations}};

} // namespace

} // namespace frontdesk::bench
