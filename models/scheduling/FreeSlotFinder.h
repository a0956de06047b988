#pragma once

#include "domain/Practitioner.h"
#include "scheduling/TimeSpan.h"

#include <QDateTime>
#include <QList>
#include <QSet>
#include <QTimeZone>

#include <utility>

namespace frontdesk {

// What the finder needs to know about one practitioner.
struct PractitionerAvailability
{
    QString practitionerId;
    int slotMinutes = 15;
    QList<WorkingHours> hours; // weekly, in the clinic's zone
    QList<TimeSpan> busy;      // appointments that block time, leave, holidays, blocked time
};

struct SlotQuery
{
    QDateTime fromUtc;  // slots start at or after this
    QDateTime untilUtc; // and before this
    int minutes = 15;   // the length wanted
    int count = 5;      // how many slots at most
    QSet<int> weekdays; // 1 = Monday ... 7 = Sunday; empty: any day
    // Time-of-day windows in the clinic's zone, minutes after midnight, [from, to): the slot
    // must lie inside one. Empty: any time within working hours.
    QList<std::pair<int, int>> windows;
};

struct FreeSlot
{
    QString practitionerId;
    QDateTime startUtc;
    QDateTime endUtc;
};

// Free slots: working hours, minus breaks (gaps between working blocks), leave, holidays,
// blocked time and appointments. Slots start on each practitioner's grid (every slotMinutes
// from the start of a working block, in wall-clock time in the clinic's zone) and last the
// wanted length in real time, so a slot may cover several grid steps and may run over
// midnight into the next day's block when the blocks touch. Wall times that do not exist on
// a DST night are skipped; a repeated hour offers its first pass only.
class FreeSlotFinder
{
public:
    explicit FreeSlotFinder(QTimeZone clinicZone) : m_zone(std::move(clinicZone)) {}

    // In start order; at equal starts, in the order the practitioners were given.
    QList<FreeSlot> find(const QList<PractitionerAvailability> &practitioners,
                         const SlotQuery &query) const;

private:
    QList<FreeSlot> findFor(const PractitionerAvailability &p, const SlotQuery &query) const;
    QTimeZone m_zone;
};

} // namespace frontdesk
