#pragma once

#include "core/Result.h"
#include "domain/Allergy.h"
#include "domain/Condition.h"
#include "domain/Coverage.h"
#include "domain/Encounter.h"
#include "domain/Immunization.h"
#include "domain/Medication.h"
#include "domain/Observation.h"
#include "domain/Patient.h"
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

    // The reference to the patient a resource belongs to (subject, patient or beneficiary),
    // e.g. "urn:uuid:…" or "Patient/123"; empty when the element is missing.
    static QString patientReference(const QJsonObject &resource);
    // The encounter a resource was recorded in (encounter or context.encounter), or empty.
    static QString encounterReference(const QJsonObject &resource);

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
};

} // namespace frontdesk
