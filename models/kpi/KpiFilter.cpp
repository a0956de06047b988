#include "KpiFilter.h"

namespace frontdesk {

int KpiFilter::days() const
{
    return int(from.daysTo(to)) + 1;
}

KpiFilter KpiFilter::previous() const
{
    KpiFilter p = *this;
    p.to = from.addDays(-1);
    p.from = p.to.addDays(-(days() - 1));
    return p;
}

Status KpiFilter::validate() const
{
    if (!from.isValid())
        return fail(tr("The first day of the period is missing or not a valid date."));
    if (!to.isValid())
        return fail(tr("The last day of the period is missing or not a valid date."));
    if (from > to)
        return fail(tr("The period starts on %1, after its last day %2.")
                        .arg(from.toString(Qt::ISODate), to.toString(Qt::ISODate)));
    if (days() > MaxDays)
        return fail(tr("The period has %1 days; at most %2 days can be shown at once.")
                        .arg(days())
                        .arg(MaxDays));
    return {};
}

} // namespace frontdesk
