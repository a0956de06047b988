#pragma once

#include "core/Result.h"
#include "domain/ClinicTime.h"
#include "domain/CommunicationPreference.h"
#include "domain/Consent.h"
#include "domain/Coverage.h"
#include "domain/Patient.h"
#include "domain/PatientAlert.h"
#include "storage/ClinicalSummary.h"
#include "storage/DuplicateFinder.h"
#include "storage/PatientTimeline.h"

#include <QMap>
#include <QObject>

namespace frontdesk {

class Database;

// One open patient record, as the profile tab shows it: loads the demographics, alerts,
// consents, insurance, communication preferences, the timeline and (for clinical roles) the
// clinical summary; validates and saves edits; finds possible duplicates of a new patient.
// The widgets talk to this and never to the database.
class PatientProfile : public QObject
{
    Q_OBJECT
public:
    explicit PatientProfile(Database &db, QObject *parent = nullptr);

    // Opens an existing patient (audited as an open of the record).
    Status open(const QString &patientId);
    // Starts a new, unsaved patient with a fresh MRN suggestion.
    void startNew();
    bool isNew() const { return m_patient.meta.isNew(); }

    const Patient &patient() const { return m_patient; }
    const QList<PatientAlert> &alerts() const { return m_alerts; }
    const QList<Consent> &consents() const { return m_consents; }
    const QList<Coverage> &coverages() const { return m_coverages; }
    const QList<CommunicationPreference> &preferences() const { return m_preferences; }
    Result<QList<TimelineEvent>> timeline(const QSet<TimelineEvent::Kind> &kinds = {}) const;

    // Whether the signed-in role may read clinical data (the permission table decides), and
    // whether opening it needs a reason because the patient has no appointment today.
    bool canSeeClinical() const;
    Result<bool> clinicalNeedsReason() const;
    // Audited; reason is required when clinicalNeedsReason().
    Result<ClinicalSummary> openClinical(const QString &reason = {});

    // The clinic's calendar: times are shown in the clinic's zone, not the workstation's.
    ClinicTime clinicTime() const;
    // Per-field messages for a draft (empty: it may be saved).
    QMap<QString, QString> validate(const Patient &draft) const;
    // Possible duplicates of a draft (for a new patient before the first save).
    Result<QList<DuplicateFinder::Match>> possibleDuplicates(const Patient &draft) const;
    // Saves the draft (insert or versioned update); on success patient() is the saved record.
    Status save(Patient draft);

    // Profile items of an existing patient; each goes through the write path and reloads.
    Status addAlert(PatientAlert alert);
    Status recordConsent(Consent consent);
    Status saveCoverage(Coverage coverage);
    // Replaces the preference for its purpose (one per purpose).
    Status setPreference(CommunicationPreference preference);
    // Saves an existing alert's new text/severity/state (versioned: a concurrent change wins).
    Status editAlert(PatientAlert alert);
    // Soft-deletes an alert or a communication preference (the default channel applies again).
    Status removeAlert(const QString &alertId);
    Status removePreference(const QString &preferenceId);
    // Saves an edited preference; when its purpose changed it replaces the old one, in one
    // transaction, so the patient never has both or neither.
    Status changePreference(const QString &preferenceId, const CommunicationPreference &preference);
    // Withdrawing keeps the history, as FHIR Consents do: the given consent stays and a new
    // "withdrawn" consent of the same type, dated `when` (now when invalid), is recorded.
    Status withdrawConsent(const QString &consentId, const QDateTime &when = {},
                           const QString &note = {});

signals:
    void changed();

private:
    Status loadRelated();
    Status reload();
    QString suggestMrn() const;

    Database &m_db;
    Patient m_patient;
    QList<PatientAlert> m_alerts;
    QList<Consent> m_consents;
    QList<Coverage> m_coverages;
    QList<CommunicationPreference> m_preferences;
};

} // namespace frontdesk
