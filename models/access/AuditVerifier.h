#pragma once

#include "core/Result.h"

#include <QCoreApplication>
#include <QString>

namespace frontdesk {

class Database;

// Walks the audit chain from the first entry and finds the first place where it was edited
// or shortened: an entry whose content no longer matches its hash, an entry that does not
// point at the one before it, a gap in the sequence numbers (entries removed), or a chain
// shorter than the checkpoint kept beside it (the newest entries removed).
// It finds what was done through SQL with the database key; someone who also rewrites every
// later hash and the checkpoint is caught only by the copy the server will hold.
class AuditVerifier
{
    Q_DECLARE_TR_FUNCTIONS(AuditVerifier)
public:
    struct Report
    {
        qint64 entries = 0; // entries checked
        qint64 lastSeq = 0; // the last sequence number seen
        bool intact = true;
        qint64 brokenSeq = 0; // the first broken (or missing) entry's sequence number
        QString brokenId;     // its id, when the entry is still there
        QString problem;      // what is wrong, for a person
    };

    explicit AuditVerifier(const Database &db) : m_db(db) {}
    Result<Report> verify() const;

private:
    const Database &m_db;
};

} // namespace frontdesk
