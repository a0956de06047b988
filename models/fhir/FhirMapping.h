#pragma once

#include "core/Result.h"
#include "domain/Allergy.h"
#include "domain/CommunicationPreference.h"
#include "domain/Condition.h"
#include "domain/Consent.h"
#include "domain/Coverage.h"
#include "domain/Encounter.h"
#include "domain/Immunization.h"
#include "domain/Medication.h"
#include "domain/Observation.h"
#include "domain/Patient.h"
#include "domain/PatientAlert.h"
#include "domain/PatientPhoto.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

namespace frontdesk {

// FHIR R4 JSON ⇄ domain types: the wire format, defined once for the client, frontdeskctl and the
// server. Reading is strict: a resource that is not what it claims to be is refused with a
// message saying which element is wrong; elements we do not keep are ignored, never guessed.
// References to other resources (subject, encounter, beneficiary) are returned as written, for
// the caller to resolve; when writing, the caller passes the references to use.
class FhirMapping
{
    Q_DECLARE_TR_FUNCTIONS(FhirMapping)
public:
    // The identifier system of our MRNs in exported Patients.
    static QString mrnSystem() { return QStringLiteral("urn:frontdesk:mrn"); }
    // What a Consent is for (Consent.category coding), e.g. "treatment", "data-sharing".
    static QString consentTypeSystem() { return QStringLiteral("urn:frontdesk:consent-type"); }
    // FHIR R4 has no resource for "how to reach me for which purpose". A communication
    // preference travels as a Consent with this category (code "communication-preference"):
    // provision.type permit/deny is the opt-in/opt-out, provision.purpose (system
    // communicationPurposeSystem(): reminder, administrative, clinical, marketing) the purpose,
    // and the extension communicationPreferenceUrl() holds the channel (sub-extension "channel",
    // valueCode sms|email|phone|letter) and the quiet hours ("quietStartMinute",
    // "quietEndMinute", valueInteger minutes after midnight in the clinic's time zone, 0-1440;
    // equal: none). A Consent because each preference is its own synced record with its own id.
    static QString consentCategorySystem()
    {
        return QStringLiteral("urn:frontdesk:consent-category");
    }
    static QString communicationPreferenceCode()
    {
        return QStringLiteral("communication-preference");
    }
    static QString communicationPreferenceUrl()
    {
        return QStringLiteral("urn:frontdesk:communication-preference");
    }
    static QString communicationPurposeSystem()
    {
        return QStringLiteral("urn:frontdesk:communication-purpose");
    }
    // A consent's free-text note (R4 Consent has no note element): extension valueString.
    static QString consentNoteUrl() { return QStringLiteral("urn:frontdesk:consent-note"); }

    // A Patient.link: the other record and how it relates (replaced-by, replaces, refer,
    // seealso), the reference as written, for the caller to resolve.
    struct PatientLink
    {
        QString type;
        QString reference;
    };

    static Result<Patient> patientFromFhir(const QJsonObject &resource);
    // The first Patient.photo with inline data, checked like a photo set in the app; empty when
    // the Patient has none.
    static Result<QByteArray> patientPhotoFromFhir(const QJsonObject &patient);
    static Result<Encounter> encounterFromFhir(const QJsonObject &resource);
    static Result<Condition> conditionFromFhir(const QJsonObject &resource);
    static Result<Allergy> allergyFromFhir(const QJsonObject &resource);
    // MedicationStatement and MedicationRequest alike.
    static Result<Medication> medicationFromFhir(const QJsonObject &resource);
    static Result<Observation> observationFromFhir(const QJsonObject &resource);
    static Result<Immunization> immunizationFromFhir(const QJsonObject &resource);
    static Result<Coverage> coverageFromFhir(const QJsonObject &resource);
    static Result<QList<PatientLink>> patientLinksFromFhir(const QJsonObject &patient);
    // True for a Consent in the communication-preference category (see above).
    static bool isCommunicationPreference(const QJsonObject &consent);
    // A Consent: status active = given, inactive = withdrawn; what it is for from category;
    // sourceAttachment.data (checked against its SHA-1 hash when one is given) is the scanned
    // document, its title the document's name.
    static Result<Consent> consentFromFhir(const QJsonObject &resource);
    static Result<CommunicationPreference>
    communicationPreferenceFromFhir(const QJsonObject &resource);
    // A Flag: code.text is the alert, the standard flag-priority extension its severity; a Flag
    // whose period ended before `now` is kept as inactive.
    static Result<PatientAlert> alertFromFhir(const QJsonObject &resource, const QDateTime &now);

    // The reference to the patient a resource belongs to (subject, patient or beneficiary),
    // e.g. "urn:uuid:…" or "Patient/123"; empty when the element is missing.
    static QString patientReference(const QJsonObject &resource);
    // The encounter a resource was recorded in (encounter or context.encounter), or empty.
    static QString encounterReference(const QJsonObject &resource);
    // The ids those references name, as they stand (Patient/ID, Encounter/ID): the patient is
    // required (path names its element in the refusal), the encounter optional (empty).
    static Result<QString> patientId(const QJsonObject &resource, const QString &path);
    static Result<QString> encounterId(const QJsonObject &resource);

    static QJsonObject toFhir(const Patient &p);
    // Patient.photo: one Attachment with contentType and base64 data.
    static QJsonArray photoToFhir(const PatientPhoto &photo);
    static QJsonObject toFhir(const Encounter &e, const QString &patientRef);
    static QJsonObject toFhir(const Condition &c, const QString &patientRef,
                              const QString &encounterRef);
    static QJsonObject toFhir(const Allergy &a, const QString &patientRef);
    static QJsonObject toFhir(const Medication &m, const QString &patientRef,
                              const QString &encounterRef);
    static QJsonObject toFhir(const Observation &o, const QString &patientRef,
                              const QString &encounterRef);
    static QJsonObject toFhir(const Immunization &i, const QString &patientRef,
                              const QString &encounterRef);
    static QJsonObject toFhir(const Coverage &c, const QString &patientRef);
    // consent.document holds the scanned document's bytes when there is one.
    static QJsonObject toFhir(const Consent &c, const QString &patientRef);
    static QJsonObject toFhir(const CommunicationPreference &p, const QString &patientRef);
    static QJsonObject toFhir(const PatientAlert &a, const QString &patientRef);
};

} // namespace frontdesk
