#pragma once

#include "core/Result.h"
#include "domain/PatientLink.h"
#include "domain/PatientPhoto.h"
#include "domain/Recall.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>

namespace frontdesk {

// FHIR R4 JSON ⇄ the patient's records that FhirMapping does not carry on their own:
//
// - a recall is a Task (code recallCode() of taskCodeSystem()): work for the front desk, to
//   have the patient back by a date. for is the patient, owner the practitioner to see (none:
//   anyone), description the reason, restriction.period.end the due date (a local date); open,
//   done and cancelled are requested, completed and cancelled. A task for the front desk (call,
//   write a letter, offer a freed time) has its kind as a second code of the same system. When
//   and how the patient was contacted about it are the extensions contactedAtUrl()
//   (valueInstant), contactChannelUrl() (valueCode: sms, email, call, letter) and contactUrl()
//   (valueReference: the Communication queued, or the call or letter Task);
// - a photo is a Binary: its bytes and content type, securityContext the patient it shows (so a
//   server grants it as it grants the patient). Binary because the photo is its own synced
//   record with its own id; Patient.photo would rewrite the whole patient for every new photo;
// - patient links travel where R4 puts them, in Patient.link of the source patient: each
//   element's id is the link record's id, type its kind, other the target, and what the merge
//   or import noted the extension linkDetailUrl().
class PatientRecordMapping
{
    Q_DECLARE_TR_FUNCTIONS(PatientRecordMapping)
public:
    static QString taskCodeSystem() { return QStringLiteral("urn:frontdesk:task-code"); }
    static QString recallCode() { return QStringLiteral("recall"); }
    static QString contactedAtUrl() { return QStringLiteral("urn:frontdesk:recall-contacted-at"); }
    static QString contactChannelUrl()
    {
        return QStringLiteral("urn:frontdesk:recall-contact-channel");
    }
    static QString contactUrl() { return QStringLiteral("urn:frontdesk:recall-contact"); }
    static QJsonObject toFhir(const Recall &r);
    static Result<Recall> recallFromFhir(const QJsonObject &resource);

    static QJsonObject toFhir(const PatientPhoto &photo);
    static Result<PatientPhoto> photoFromFhir(const QJsonObject &resource);

    static QString linkDetailUrl() { return QStringLiteral("urn:frontdesk:link-detail"); }
    // The patient with Patient.link holding these links (all from this patient), replacing any.
    static QJsonObject withLinks(QJsonObject patient, const QList<PatientLink> &links);
    // The links of a Patient, each from it (sourceId: its id) to the patient it names.
    static Result<QList<PatientLink>> linksFromFhir(const QJsonObject &patient);
};

} // namespace frontdesk
