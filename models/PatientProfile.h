#pragma once

#include "core/Result.h"
#include "domain/ClinicTime.h"
#include "domain/CommunicationPreference.h"
#include "domain/Consent.h"
#include "domain/Coverage.h"
#include "domain/Patient.h"
#include "domain/PatientAlert.h"
#include "domain/PatientPhoto.h"
#include "domain/Practitioner.h"
#include "domain/Recall.h"
#include "patients/ClinicalSummary.h"
#include "patients/DuplicateFinder.h"
#include "patients/PatientTimeline.h"

#include <QMap>
#include <QObject>
#include <QSet>

#include <optional>

namespace frontdesk {

class Database;

// One open patient record, as the profile tab shows it: loads the demographics, alerts,
// consents, insurance, communication preferences, recalls, the timeline and (for clinical roles)
// the clinical summary; validates and saves edits; finds possible duplicates of a new patient.
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
    // Live recalls, earliest due first.
    const QList<Recall> &recalls() const { return m_recalls; }
    // With visit notes once the clinical gate lets them through without a new reason (an
    // appointment today, or the glass broken for this patient in this session); the first such
    // load after open() is audited as a read of the visit notes, later repaints are not.
    Result<QList<TimelineEvent>> timeline(const QSet<TimelineEvent::Kind> &kinds = {});
    // The role may read visit notes, but the timeline leaves them out until the clinical record
    // is opened with a reason.
    bool visitNotesHidden() const;
    // The patient's photo, if one was set. Replacing it checks size and format first
    // (PatientPhoto::validateBytes).
    Result<std::optional<PatientPhoto>> photo() const;
    Status setPhoto(const QByteArray &bytes);
    Status removePhoto();
    // The database's clock: what the profile's view times its messages by.
    QDateTime now() const;
    // The patient's replies about the appointment are answered (PatientReplies::markHandled).
    Status markReplyHandled(const QString &appointmentId);

    // Whether the signed-in role may read clinical data (the permission table decides), and
    // whether opening it needs a reason because the patient has no appointment today.
    bool canSeeClinical() const;
    Result<bool> clinicalNeedsReason() const;
    // Through the clinical gate (each call audited); reason is required when
    // clinicalNeedsReason().
    Result<ClinicalSummary> openClinical(const QString &reason = {});
    // Once the clinical record is open: the reason the glass was broken for this patient in
    // this session (this time or before), empty when an appointment today let it open.
    QString breakGlassReason() const { return m_breakGlassReason; }

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

    // Recalls (care gaps). Overdue as the dashboard counts it (RecallRepository::overdue): open,
    // due before today in the clinic's zone, and no appointment on or after the due date.
    bool isOverdue(const QString &recallId) const { return m_overdueRecalls.contains(recallId); }
    int overdueRecallCount() const { return int(m_overdueRecalls.size()); }
    // Whether the signed-in role may add or close recalls (the demographics permission).
    bool canEditRecalls() const;
    // The practitioners a recall may name (active ones), and anyone's name by id.
    Result<QList<Practitioner>> recallPractitioners() const;
    QString practitionerName(const QString &practitionerId) const;
    // A recall six months after today, the usual interval, as the starting point of a form.
    Recall newRecall() const;
    // Per-field messages for a recall draft, keyed "dueOn", "reason", "practitionerId".
    QMap<QString, QString> validateRecall(const Recall &draft) const;
    Status addRecall(Recall recall);
    // Saves an open recall's new due date, reason or practitioner (versioned).
    Status editRecall(Recall recall);
    Status markRecallDone(const QString &recallId);
    Status cancelRecall(const QString &recallId);

signals:
    void changed();
    // The clinical record was opened, so the timeline may now show the visit notes.
    void clinicalOpened();

private:
    Status loadRelated();
    Status reload();
    Status loadRecalls();
    Status closeRecall(const QString &recallId, const QString &status);
    // Validates and stores an open recall of this patient (new or edited), then reloads.
    Status saveOpenRecall(Recall recall);
    QString suggestMrn() const;

    Database &m_db;
    Patient m_patient;
    QList<PatientAlert> m_alerts;
    QList<Consent> m_consents;
    QList<Coverage> m_coverages;
    QList<CommunicationPreference> m_preferences;
    QList<Recall> m_recalls;
    QSet<QString> m_overdueRecalls;
    QMap<QString, QString> m_practitionerNames; // of the recalls' practitioners
    // The timeline's pass through the clinical gate, for the patient open now.
    std::optional<ClinicalAccess> m_visitNotes;
    QString m_breakGlassReason;
};

} // namespace frontdesk
