#include "FhirExporter.h"

#include "access/AccessGuard.h"
#include "fhir/FhirMapping.h"
#include "storage/AllergyRepository.h"
#include "storage/ConditionRepository.h"
#include "storage/CoverageRepository.h"
#include "storage/Database.h"
#include "storage/EncounterRepository.h"
#include "storage/ImmunizationRepository.h"
#include "storage/MedicationRepository.h"
#include "storage/ObservationRepository.h"
#include "storage/PatientPhotoRepository.h"
#include "storage/PatientRepository.h"

#include <QJsonArray>
#include <QUuid>

namespace frontdesk {

namespace {

QString urn(const QString &id)
{
    return QStringLiteral("urn:uuid:") + id;
}

} // namespace

Result<QJsonObject> FhirExporter::exportPatient(const QString &patientId)
{
    PatientRepository patients(m_db);
    auto patient = patients.get(patientId);
    if (!patient)
        return fail(patient.error());
    if (patient->meta.deleted)
        return fail(tr("The patient %1 was deleted.").arg(patientId));

    QJsonArray entries;
    auto add = [&entries](const QString &id, const QJsonObject &resource) {
        entries.append(QJsonObject{{QStringLiteral("fullUrl"), urn(id)},
                                   {QStringLiteral("resource"), resource}});
    };
    auto encounterRef = [](const QString &id) { return id.isEmpty() ? QString() : urn(id); };
    const QString subject = urn(patientId);
    auto photo = PatientPhotoRepository(m_db).forPatient(patientId);
    if (!photo)
        return fail(photo.error());
    QJsonObject patientResource = FhirMapping::toFhir(*patient);
    if (photo->has_value())
        patientResource.insert(QStringLiteral("photo"), FhirMapping::photoToFhir(**photo));
    // Merges (patient_links) as Patient.link; the other record is not in this bundle, so it is
    // referenced by its id.
    auto links = m_db.query(
        QStringLiteral("SELECT source_id, target_id FROM patient_links WHERE deleted = 0 AND "
                       "(source_id = ? OR target_id = ?) ORDER BY created_at, id"),
        {patientId, patientId});
    if (!links)
        return fail(links.error());
    QJsonArray patientLinks;
    bool replacedBy = false;
    auto link = [&patientLinks](const QString &other, const QString &type) {
        patientLinks.append(QJsonObject{
            {QStringLiteral("other"),
             QJsonObject{{QStringLiteral("reference"), QStringLiteral("Patient/") + other}}},
            {QStringLiteral("type"), type}});
    };
    while (links->next()) {
        const QString source = links->value(0).toString();
        const QString target = links->value(1).toString();
        if (source == patientId) {
            link(target, QStringLiteral("replaced-by"));
            replacedBy = true;
        } else {
            link(source, QStringLiteral("replaces"));
        }
    }
    if (!replacedBy && !patient->mergedInto.isEmpty())
        link(patient->mergedInto, QStringLiteral("replaced-by"));
    if (!patientLinks.isEmpty())
        patientResource.insert(QStringLiteral("link"), patientLinks);
    add(patientId, patientResource);

    auto encounters = EncounterRepository(m_db).forPatient(patientId);
    if (!encounters)
        return fail(encounters.error());
    for (const Encounter &e : *encounters)
        add(e.meta.id, FhirMapping::toFhir(e, subject));
    auto conditions = ConditionRepository(m_db).forPatient(patientId);
    if (!conditions)
        return fail(conditions.error());
    for (const Condition &c : *conditions)
        add(c.meta.id, FhirMapping::toFhir(c, subject, encounterRef(c.encounterId)));
    auto allergies = AllergyRepository(m_db).forPatient(patientId);
    if (!allergies)
        return fail(allergies.error());
    for (const Allergy &a : *allergies)
        add(a.meta.id, FhirMapping::toFhir(a, subject));
    auto medications = MedicationRepository(m_db).forPatient(patientId);
    if (!medications)
        return fail(medications.error());
    for (const Medication &m : *medications)
        add(m.meta.id, FhirMapping::toFhir(m, subject, encounterRef(m.encounterId)));
    auto observations = ObservationRepository(m_db).forPatient(patientId);
    if (!observations)
        return fail(observations.error());
    for (const Observation &o : *observations)
        add(o.meta.id, FhirMapping::toFhir(o, subject, encounterRef(o.encounterId)));
    auto immunizations = ImmunizationRepository(m_db).forPatient(patientId);
    if (!immunizations)
        return fail(immunizations.error());
    for (const Immunization &i : *immunizations)
        add(i.meta.id, FhirMapping::toFhir(i, subject, encounterRef(i.encounterId)));
    auto coverages = CoverageRepository(m_db).forPatient(patientId);
    if (!coverages)
        return fail(coverages.error());
    for (const Coverage &c : *coverages)
        add(c.meta.id, FhirMapping::toFhir(c, subject));

    // Encounter notes travel as DocumentReferences, the way Synthea writes them.
    for (const Encounter &e : *encounters) {
        if (e.notes.isEmpty())
            continue;
        const QString id = QUuid::createUuidV5(QUuid(e.meta.id), QStringLiteral("notes"))
                               .toString(QUuid::WithoutBraces);
        add(id,
            QJsonObject{
                {QStringLiteral("resourceType"), QStringLiteral("DocumentReference")},
                {QStringLiteral("id"), id},
                {QStringLiteral("status"), QStringLiteral("current")},
                {QStringLiteral("subject"), QJsonObject{{QStringLiteral("reference"), subject}}},
                {QStringLiteral("content"),
                 QJsonArray{QJsonObject{
                     {QStringLiteral("attachment"),
                      QJsonObject{{QStringLiteral("contentType"),
                                   QStringLiteral("text/plain; charset=utf-8")},
                                  {QStringLiteral("data"),
                                   QString::fromLatin1(e.notes.toUtf8().toBase64())}}}}}},
                {QStringLiteral("context"),
                 QJsonObject{
                     {QStringLiteral("encounter"),
                      QJsonArray{QJsonObject{{QStringLiteral("reference"), urn(e.meta.id)}}}}}}});
    }

    if (auto s = AccessGuard(m_db).recordDisclosure(
            QStringLiteral("export"), QStringLiteral("Bundle"), patientId,
            QJsonObject{{QStringLiteral("format"), QStringLiteral("FHIR R4 JSON")},
                        {QStringLiteral("entries"), entries.size()}});
        !s)
        return fail(s.error());
    return QJsonObject{
        {QStringLiteral("resourceType"), QStringLiteral("Bundle")},
        {QStringLiteral("type"), QStringLiteral("collection")},
        {QStringLiteral("timestamp"), m_db.clock().nowUtc().toString(Qt::ISODateWithMs)},
        {QStringLiteral("entry"), entries}};
}

} // namespace frontdesk
