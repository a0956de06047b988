#pragma once

#include "SyncIssues.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace frontdesk {

class Database;

// The Conflicts list of the app and `frontdeskctl conflicts`: what waits, and settling one.
// Taking mine sends this workstation's record again, on top of the server's version (for a
// rejection: as it is now, e.g. after the appointment was moved); taking theirs makes the
// record the server's version and drops the changes made here; a refused booking can be moved
// to its practitioner's next free time in one step. Each settlement is audited.
class SyncConflicts final : public SyncIssues
{
    Q_DECLARE_TR_FUNCTIONS(SyncConflicts)
public:
    explicit SyncConflicts(Database &db) : m_db(db) {}

    Result<QList<SyncIssue>> list() const override;
    // By the record's id or a unique beginning of it (at least 4 characters).
    Result<SyncIssue> find(const QString &idOrPrefix) const;
    Status resolve(const QString &idOrPrefix, Take take) override;
    Result<QDateTime> rebook(const QString &idOrPrefix) override;
    // The server's changes that could not be written here and have no record here to flag
    // (listed here as SyncIssues::unapplied(); the status bar counts them with the conflicts).
    static Result<qint64> unappliedCount(const Database &db);
    // What a person calls a record's column (the merge's and the list's field names).
    static QString fieldLabel(const QString &column);

private:
    // The condition on sync_records s (bound: the resource type) of such a change whose
    // record has no row in any of `tables`.
    static QString unappliedWhere(const QStringList &tables);
    Result<QList<SyncIssue>> read(const QString &idOrPrefix) const;
    Status describe(SyncIssue &issue, const QString &theirs, const QString &base) const;
    // A column's value as a person reads it: times in the clinic's zone, names for references.
    QString shown(const QVariant &value, const QString &column) const;
    // The settlement's audit entry (action sync-resolve), in the caller's transaction.
    Status audit(const SyncIssue &issue, QJsonObject detail);

    Database &m_db;
};

} // namespace frontdesk
