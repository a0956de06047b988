#pragma once

#include "access/AuditLog.h"
#include "access/ClinicalAccess.h"
#include "core/Result.h"

#include <QCoreApplication>
#include <QIODevice>
#include <QJsonObject>
#include <QList>

namespace frontdesk {

class Database;

// Reading the audit trail: filtered lists for frontdeskctl and the managers' viewer, and the
// CSV export. Needs the audit-viewer permission when someone is signed in. The entries of a
// clinical record (a condition, an encounter, ...) hold clinical fields in their detail; those
// are withheld unless the clinical gate was passed for the patient (ClinicalRead::AuditDetail).
class AuditQuery
{
    Q_DECLARE_TR_FUNCTIONS(AuditQuery)
public:
    struct Filter
    {
        QString patientId;
        QString actor;     // exact, case-insensitive
        QString action;    // exact
        qint64 fromMs = 0; // recorded_at >= fromMs (0: no bound)
        qint64 toMs = 0;   // recorded_at < toMs (0: no bound)
        int limit = 1000;  // newest first; 0: all
    };

    explicit AuditQuery(Database &db) : m_db(db) {}

    // Reading the trail is itself audited: an "audit-read" entry names the filter and how many
    // entries it returned. No entry, no list. Clinical detail is withheld (withheldDetail()).
    Result<QList<AuditEntry>> list(const Filter &filter) const;
    // One patient's entries (filter.patientId, the patient access names) in full.
    Result<QList<AuditEntry>> list(const Filter &filter, const ClinicalAccess &access) const;
    // What stands in an entry's detail in place of clinical fields.
    static QJsonObject withheldDetail();
    // The distinct actions and actors recorded so far, for filter choices.
    Result<QStringList> actions() const;
    Result<QStringList> actors() const;

    static QStringList csvHeader();
    static QStringList csvRow(const AuditEntry &entry, const QString &patientMrn);
    // The filter as audit entries record it: only what was set, times in UTC ISO 8601.
    static QJsonObject describe(const Filter &filter);
    // Writes the entries (those the filter listed) as CSV (RFC 4180, UTF-8, times in UTC
    // ISO 8601) and records the export in the trail as "audit-export" with the filter and count.
    Status exportCsv(const Filter &filter, const QList<AuditEntry> &entries, QIODevice &out);

private:
    Result<QList<AuditEntry>> select(const Filter &filter) const;
    Result<QStringList> distinct(const QString &column) const;

    Database &m_db;
};

} // namespace frontdesk
