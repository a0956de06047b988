#pragma once

#include "kpi/Kpi.h"
#include "kpi/KpiFilter.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>

#include <array>
#include <optional>

namespace frontdesk {

struct KpiValue
{
    std::optional<double> value; // empty when undefined (e.g. a rate with denominator 0)
    qint64 numerator = 0;        // for rates: the counted part; for counts: the count; for
                                 // an average: how many values it averages
    qint64 denominator = 0;      // for rates: the base; 0 for counts/days
};

struct KpiWeek
{
    QDate monday;
    // The days of the week the figures cover: inside the period and already over by the as-of
    // day. A week with fewer than 7 is partial (the edge of the period, or this week): its
    // counts are not comparable with a whole week's, and the trend marks it.
    int days = 7;
    bool partial() const { return days < 7; }
    qint64 appointments = 0;
    qint64 noShows = 0;
    qint64 cancellations = 0;
    std::optional<double> noShowRate;
    std::optional<double> utilisation;
};

struct KpiPractitionerRow
{
    QString practitionerId;
    QString name;
    qint64 appointments = 0;
    qint64 noShows = 0;
    std::optional<double> noShowRate;
    qint64 bookedMinutes = 0;
    qint64 availableMinutes = 0;
    std::optional<double> utilisation;
};

struct KpiReport
{
    KpiFilter filter;
    QDate asOf;                   // "today" in the clinic zone when computed (db.clock())
    QDateTime lastSyncedAt;       // UTC; invalid when this workstation never synced
    QMap<Kpi, KpiValue> current;  // every Kpi present
    QMap<Kpi, KpiValue> previous; // the same for filter.previous()
    QList<KpiWeek> weeks;         // every ISO week overlapping the period, oldest first
                                  // (counted within the period only)
    QList<KpiPractitionerRow> practitioners; // every active practitioner matching the filter,
                                             // by name
    // [weekday 1..7 minus 1][local hour], current period
    std::array<std::array<qint64, 24>, 7> noShowHeat{};
    // same cells, appointments not cancelled (the base of the rate)
    std::array<std::array<qint64, 24>, 7> appointmentHeat{};
};

} // namespace frontdesk
