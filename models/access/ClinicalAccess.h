#pragma once

#include <QString>

namespace frontdesk {

// The ways clinical data leaves the database. Each is named in its clinical-read audit entry,
// so the trail says not only that a record was read but through what.
enum class ClinicalRead
{
    Summary,     // the profile's clinical summary (problems, allergies, medications, ...)
    VisitNotes,  // encounters with their notes in the patient's timeline
    FhirExport,  // the clinical resources of a FHIR bundle
    AuditDetail, // the clinical fields that audit entries of the patient's records hold
    SyncPush     // a changed record the sync worker sends to the server (no person reads it)
};

// Proof that the clinical gate (AccessGuard::openClinical) was passed for one patient: the
// permission was checked, the glass broken when needed, and the read audited. Every reader of
// clinical records takes one, so neither a view nor a command can reach them another way. Only
// AccessGuard makes them, and it refuses a token once the session that got it is locked, signed
// out or taken over by someone else (AccessGuard::admit).
class ClinicalAccess
{
public:
    const QString &patientId() const { return m_patientId; }
    ClinicalRead read() const { return m_read; }
    // The reason given to break the glass for this patient; empty when none was needed.
    const QString &breakGlassReason() const { return m_reason; }

    // The read's name in the audit trail, e.g. "summary".
    static QString name(ClinicalRead read)
    {
        switch (read) {
        case ClinicalRead::Summary:
            return QStringLiteral("summary");
        case ClinicalRead::VisitNotes:
            return QStringLiteral("visit-notes");
        case ClinicalRead::FhirExport:
            return QStringLiteral("fhir-export");
        case ClinicalRead::AuditDetail:
            return QStringLiteral("audit-detail");
        case ClinicalRead::SyncPush:
            return QStringLiteral("sync-push");
        }
        return {};
    }

private:
    friend class AccessGuard;
    ClinicalAccess(QString patientId, ClinicalRead read, QString reason, QString holder)
        : m_patientId(std::move(patientId)), m_read(read), m_reason(std::move(reason)),
          m_holder(std::move(holder))
    {}

    QString m_patientId;
    ClinicalRead m_read;
    QString m_reason;
    // The staff account whose session opened it; empty on a connection without a person.
    QString m_holder;
};

} // namespace frontdesk
