#pragma once

#include "domain/WaitlistEntry.h"
#include "scheduling/FreeSlotFinder.h"

#include <QTimeZone>

namespace frontdesk {

// When a slot frees up: which waiting patients it suits (practitioner, length, weekday,
// time of day, before their deadline), longest waiting first.
class WaitlistMatcher
{
public:
    explicit WaitlistMatcher(QTimeZone clinicZone) : m_zone(std::move(clinicZone)) {}
    bool suits(const WaitlistEntry &entry, const FreeSlot &slot) const;
    QList<WaitlistEntry> matches(const QList<WaitlistEntry> &entries, const FreeSlot &slot) const;

private:
    QTimeZone m_zone;
};

} // namespace frontdesk
