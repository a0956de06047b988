#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QTimeZone>

namespace frontdesk {

class Clock;

// The clinic's calendar. Everything is stored in UTC; what a person calls "today" or "9:00"
// depends on the clinic's time zone, never on the workstation's.
class ClinicTime
{
public:
    explicit ClinicTime(QTimeZone zone) : m_zone(std::move(zone)) {}
    // An IANA name as kept in the settings; an empty or unknown name falls back to the
    // workstation's zone so a half-configured clinic still shows sensible times.
    static ClinicTime fromZoneName(const QString &ianaName);
    static QString settingKey() { return QStringLiteral("clinic_time_zone"); }

    const QTimeZone &zone() const { return m_zone; }
    QDate today(const Clock &clock) const;
    QDateTime toLocal(const QDateTime &utc) const { return utc.toTimeZone(m_zone); }
    // The first instant of a local day, in UTC. Days are 23, 24 or 25 hours long.
    QDateTime startOfDayUtc(QDate day) const;

private:
    QTimeZone m_zone;
};

} // namespace frontdesk
