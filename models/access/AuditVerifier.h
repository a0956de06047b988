#pragma once

#include "access/AuditAnchor.h"
#include "core/Result.h"

#include <QCoreApplication>
#include <QString>

namespace frontdesk {

class Database;

// Walks the audit chain from the first entry and finds the first place where it was edited
// or shortened: an entry whose content no longer matches its hash, an entry that does not
// point at the one before it, a gap in the sequence numbers (entries removed), or a chain
// shorter than the checkpoint kept beside it (the newest entries removed).
// What was done through SQL with the database key alone (the newest entries removed and the
// checkpoint rewritten to match) is found against the anchor kept outside the database
// (AuditAnchor), which cannot be rewritten without the anchor's own key.
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
        QString anchor;       // which anchor the chain was checked against, for a person
    };

    explicit AuditVerifier(const Database &db) : m_db(db) {}
    // Against the checkpoint inside the database only.
    Result<Report> verify() const;
    // Also against the anchor outside the database, read by anchorName's AuditAnchor.
    Result<Report> verify(const AuditAnchor::Reading &anchor, const QString &anchorName) const;

private:
    const Database &m_db;
};

} // namespace frontdesk
