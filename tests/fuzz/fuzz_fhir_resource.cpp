// FHIR R4 JSON as `frontdeskctl import-fhir` reads it: every resource mapping, on any JSON.

#include "FuzzSupport.h"
#include "fhir/FhirMapping.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace frontdesk;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QJsonDocument doc = QJsonDocument::fromJson(fuzz::bytes(data, size));
    if (!doc.isObject())
        return 0;
    const QJsonObject r = doc.object();
    (void)FhirMapping::patientFromFhir(r);
    (void)FhirMapping::encounterFromFhir(r);
    (void)FhirMapping::conditionFromFhir(r);
    (void)FhirMapping::allergyFromFhir(r);
    (void)FhirMapping::medicationFromFhir(r);
    (void)FhirMapping::observationFromFhir(r);
    (void)FhirMapping::immunizationFromFhir(r);
    (void)FhirMapping::coverageFromFhir(r);
    (void)FhirMapping::consentFromFhir(r);
    (void)FhirMapping::communicationPreferenceFromFhir(r);
    (void)FhirMapping::alertFromFhir(r, QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC));
    (void)FhirMapping::patientLinksFromFhir(r);
    (void)FhirMapping::isCommunicationPreference(r);
    (void)FhirMapping::patientReference(r);
    (void)FhirMapping::encounterReference(r);
    return 0;
}
