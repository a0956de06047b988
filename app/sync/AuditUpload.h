#pragma once

#include "SyncTransport.h"
#include "core/Result.h"

#include <QCoreApplication>
#include <QString>

namespace frontdesk {

class Database;

// The workstation's audit trail goes up to the server as AuditEvents (issue 17), each entry
// once, oldest first, from a high-water mark in sync_meta (the trail is append-only, so the
// mark is all it takes); the server checks every entry's hash and that it continues the copy it
// holds, and names the workstation. compare() checks the local chain against that copy: an
// entry the server holds must have the same hash here, so a trail rewritten here after upload
// (even one whose own chain was made to add up again) shows.
class AuditUpload
{
    Q_DECLARE_TR_FUNCTIONS(AuditUpload)
public:
    static constexpr int pageSize = 500;
    static QString markKey() { return QStringLiteral("audit_uploaded_seq"); }

    AuditUpload(Database &db, SyncTransport &transport) : m_db(db), m_transport(transport) {}

    struct Outcome
    {
        bool reached = false;
        int uploaded = 0;
        QString problem; // why it stopped early; empty when everything went up
    };
    // At most maxPages pages of pageSize entries.
    Outcome run(int maxPages);

    struct Comparison
    {
        bool reached = false;
        bool matches = false;
        qint64 serverEntries = 0; // the entries the server holds of this workstation
        qint64 serverLastSeq = 0;
        QString problem; // why they do not match, or why there was no comparison
    };
    Comparison compare();

private:
    Status setMark(qint64 seq);
    Result<qint64> mark() const;

    Database &m_db;
    SyncTransport &m_transport;
};

} // namespace frontdesk
