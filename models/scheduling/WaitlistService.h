#pragma once

#include "core/Result.h"
#include "domain/WaitlistEntry.h"

#include <QDateTime>
#include <QList>
#include <QTimeZone>

namespace frontdesk {

class Database;

// The waitlist as the schedule shows it: who is waiting (with their names), adding a patient,
// taking one off, and whom a freed time suits (WaitlistMatcher).
class WaitlistService
{
public:
    struct Waiting
    {
        WaitlistEntry entry;
        // The patient's display name; their id when the record cannot be read.
        QString patientName;
    };

    explicit WaitlistService(Database &db) : m_db(db) {}

    // Longest waiting first.
    Result<QList<Waiting>> waiting() const;
    Status add(WaitlistEntry &entry);
    // The entry stays in the history, marked removed.
    Status remove(const QString &entryId);
    // The waiting patients the freed time suits, longest waiting first.
    Result<QList<Waiting>> suitedTo(const QString &practitionerId, const QDateTime &startUtc,
                                    const QDateTime &endUtc, const QTimeZone &clinicZone) const;

private:
    QList<Waiting> named(const QList<WaitlistEntry> &entries) const;

    Database &m_db;
};

} // namespace frontdesk
