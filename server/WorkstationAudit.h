#pragma once

#include "core/Result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace frontdesk {
class Database;
}

namespace frontdesk::server {

// The enrolled workstations' audit trails, as each uploads its own (issue 17): entry by entry
// in sequence, each entry's hash checked again and each pointing at the one before, so the copy
// held here is the workstation's chain as it was when it came. A workstation's `audit verify`
// compares its chain with this copy (chain()); managers read it beside the server's own trail
// (events()).
class WorkstationAudit
{
    Q_DECLARE_TR_FUNCTIONS(WorkstationAudit)
public:
    static constexpr int maxEntriesPerUpload = 1000;

    explicit WorkstationAudit(Database &db) : m_db(db) {}

    struct Head
    {
        qint64 entries = 0;
        qint64 lastSeq = 0;
        QString lastHash; // the chain's start (all zeros) when nothing is held
    };
    struct Upload
    {
        int status = 200; // 400 bad input, 409 the chain does not continue the copy held here,
                          // 422 an entry that does not match its hash, 500
        QString code;     // OperationOutcome issue code when status >= 400
        QString message;
        int accepted = 0;
        Head head;
    };
    // A collection Bundle of AuditEvents (AuditEventMapping), oldest first: all are taken, or
    // none. An entry already held with the same hash is skipped (a retry after a lost answer).
    Upload upload(const QString &workstationId, const QJsonObject &bundle);
    Result<Head> head(const QString &workstationId) const;
    // The workstations' events about a patient or by a person (either may be empty), newest
    // first, each naming its workstation in source.observer.
    Result<QList<QJsonObject>> events(const QString &patientId, const QString &actor,
                                      int limit) const;

private:
    Database &m_db;
};

} // namespace frontdesk::server
