#pragma once

#include "core/Result.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace frontdesk {

// A record the server did not take as it is, waiting for a person (ARCHITECTURE.md "Sync
// protocol"): a conflict (412: changed here and at the server, the same field both ways) or a
// rejection (409 and other refusals: a booking rule failed at the server, e.g. the time was
// taken at another workstation).
struct SyncIssue
{
    struct Field
    {
        QString name;       // the column, as the merge names it
        QString label;      // what a person calls it
        QString base;       // the server's version both sides started from ('' if not kept)
        QString mine;       // this workstation's
        QString theirs;     // the server's now
        bool clash = false; // changed on both sides, differently
    };

    QString type; // the outbox's resource type (Patient, Appointment, ...)
    QString id;
    QString state; // conflict or rejected (SyncState), or SyncIssues::unapplied()
    QString label; // what a person calls the record
    QString patientId;
    QString problem;          // the server's answer, or the fields both sides changed
    QString mineBy;           // who made the change here
    QString theirsBy;         // who made the server's version ('' when not known)
    qint64 theirsVersion = 0; // 0: the server holds no version to take
    bool theirsDeleted = false;
    qint64 since = 0;    // when it came back (ms since the epoch)
    QList<Field> fields; // where this workstation's record and the server's differ
};

// What waits for a person after sync, and settling it: the app's Conflicts dialog works through
// this (app/sync implements it on the signed-in person's connection).
class SyncIssues
{
public:
    enum class Take
    {
        Mine,  // send this workstation's version again
        Theirs // make the record the server's version
    };

    // The state of a record of the server's that could not be written here at all (a
    // mapping refusal, a name or number already used here, a record it names missing).
    static QString unapplied() { return QStringLiteral("unapplied"); }

    virtual ~SyncIssues() = default;
    virtual Result<QList<SyncIssue>> list() const = 0;
    virtual Status resolve(const QString &id, Take take) = 0;
    // A refused booking to the next free time of its practitioner (same length, from its
    // time or now, whichever is later), sent again; returns the new start in the clinic's zone.
    virtual Result<QDateTime> rebook(const QString &id) = 0;
};

} // namespace frontdesk
