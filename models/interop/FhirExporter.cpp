#include "FhirExporter.h"

#include "access/AccessGuard.h"
#include "database/Database.h"
#include "fhir/FhirMapping.h"
#include "storage/AllergyRepository.h"
#include "storage/CommunicationPreferenceRepository.h"
#include "storage/ConditionRepository.h"
#include "storage/ConsentRepository.h"
#include "storage/CoverageRepository.h"
#include "storage/EncounterRepository.h"
#include "storage/ImmunizationRepository.h"
#include "storage/MedicationRepository.h"
#include "storage/ObservationRepository.h"
#include "storage/PatientAlertRepository.h"
#include "storage/PatientPhotoRepository.h"
#include "storage/PatientRepository.h"

#include <QJsonArray>
#include <QSet>
#include <QUuid>

#include <algorithm>
#include <map>

namespace frontdesk {

namespace {

QString urn(const QString &id)
{
    return QStringLiteral("urn:uuid:") + id;
}

} // namespace

Result<QJsonObject> FhirExporter::exportPatient(const ClinicalAccess &access)
{
    const QString patientId = access.patientId();
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
    // Merges and other links (patient_links) as Patient.link, sorted by the other record so the
    // same links always read the same.
    auto linksOf = [this](const Patient &p) -> Result<QJsonArray> {
        auto rows = m_db.query(
            QStringLiteral("SELECT source_id, target_id, kind FROM patient_links WHERE deleted = 0 "
                           "AND (source_id = ? OR target_id = ?)"),
            {p.meta.id, p.meta.id});
        if (!rows)
            return fail(rows.error());
        std::map<std::pair<QString, QString>, bool> sorted; // (other, type)
        bool replacedBy = false;
        while (rows->next()) {
            const QString source = rows->value(0).toString();
            const QString target = rows->value(1).toString();
            const QString kind = rows->value(2).toString();
            if (source == p.meta.id) {
                sorted[{target, kind}] = true;
                replacedBy = replacedBy || kind == QLatin1String("replaced-by");
            } else {
                // Seen from the other end: a merge replaces; refer and seealso point back as
                // seealso.
                sorted[{source, kind == QLatin1String("replaced-by") ? QStringLiteral("replaces")
                                                                     : QStringLiteral("seealso")}] =
                    true;
            }
        }
        if (!replacedBy && !p.mergedInto.isEmpty())
            sorted[{p.mergedInto, QStringLiteral("replaced-by")}] = true;
        QJsonArray links;
        for (const auto &[key, unused] : sorted) {
            Q_UNUSED(unused)
            links.append(QJsonObject{
                {QStringLiteral("other"), QJsonObject{{QStringLiteral("reference"),
                                                       QStringLiteral("Patient/") + key.first}}},
                {QStringLiteral("type"), key.second}});
        }
        return links;
    };
    auto patientResource = [&](const Patient &p) -> Result<QJsonObject> {
        auto photo = PatientPhotoRepository(m_db).forPatient(p.meta.id);
        if (!photo)
            return fail(photo.error());
        QJsonObject resource = FhirMapping::toFhir(p);
        if (photo->has_value())
            resource.insert(QStringLiteral("photo"), FhirMapping::photoToFhir(**photo));
        auto links = linksOf(p);
        if (!links)
            return fail(links.error());
        if (!links->isEmpty())
            resource.insert(QStringLiteral("link"), *links);
        return resource;
    };
    auto patientResourceOf = patientResource(*patient);
    if (!patientResourceOf)
        return fail(patientResourceOf.error());
    add(patientId, *patientResourceOf);

    auto encounters = EncounterRepository(m_db).forPatient(access);
    if (!encounters)
        return fail(encounters.error());
    for (const Encounter &e : *encounters)
        add(e.meta.id, FhirMapping::toFhir(e, subject));
    auto conditions = ConditionRepository(m_db).forPatient(access);
    if (!conditions)
        return fail(conditions.error());
    for (const Condition &c : *conditions)
        add(c.meta.id, FhirMapping::toFhir(c, subject, encounterRef(c.encounterId)));
    auto allergies = AllergyRepository(m_db).forPatient(access);
    if (!allergies)
        return fail(allergies.error());
    for (const Allergy &a : *allergies)
        add(a.meta.id, FhirMapping::toFhir(a, subject));
    auto medications = MedicationRepository(m_db).forPatient(access);
    if (!medications)
        return fail(medications.error());
    for (const Medication &m : *medications)
        add(m.meta.id, FhirMapping::toFhir(m, subject, encounterRef(m.encounterId)));
    auto observations = ObservationRepository(m_db).forPatient(access);
    if (!observations)
        return fail(observations.error());
    for (const Observation &o : *observations)
        add(o.meta.id, FhirMapping::toFhir(o, subject, encounterRef(o.encounterId)));
    auto immunizations = ImmunizationRepository(m_db).forPatient(access);
    if (!immunizations)
        return fail(immunizations.error());
    for (const Immunization &i : *immunizations)
        add(i.meta.id, FhirMapping::toFhir(i, subject, encounterRef(i.encounterId)));
    auto coverages = CoverageRepository(m_db).forPatient(patientId);
    if (!coverages)
        return fail(coverages.error());
    for (const Coverage &c : *coverages)
        add(c.meta.id, FhirMapping::toFhir(c, subject));

    // Consents with their scanned documents; a withdrawal is a consent of its own, so every dated
    // state of the history travels. Sorted by time, then id: the same history reads the same.
    ConsentRepository consentRepository(m_db);
    auto consents = consentRepository.forPatient(patientId);
    if (!consents)
        return fail(consents.error());
    std::sort(consents->begin(), consents->end(), [](const Consent &a, const Consent &b) {
        return a.decidedAt != b.decidedAt ? a.decidedAt < b.decidedAt : a.meta.id < b.meta.id;
    });
    for (Consent &c : *consents) {
        auto document = consentRepository.document(c.meta.id);
        if (!document)
            return fail(document.error());
        c.document = *document;
        add(c.meta.id, FhirMapping::toFhir(c, subject));
    }
    auto preferences = CommunicationPreferenceRepository(m_db).forPatient(patientId);
    if (!preferences)
        return fail(preferences.error());
    std::sort(preferences->begin(), preferences->end(),
              [](const CommunicationPreference &a, const CommunicationPreference &b) {
                  return a.purpose != b.purpose ? a.purpose < b.purpose : a.meta.id < b.meta.id;
              });
    for (const CommunicationPreference &p : *preferences)
        add(p.meta.id, FhirMapping::toFhir(p, subject));
    auto alerts = PatientAlertRepository(m_db).forPatient(patientId);
    if (!alerts)
        return fail(alerts.error());
    // forPatient's order (severity, then when it was recorded) but with the id instead of the
    // local time of recording, which an import into another database does not keep.
    std::stable_sort(
        alerts->begin(), alerts->end(),
        [](const PatientAlert &a, const PatientAlert &b) { return a.meta.id < b.meta.id; });
    const QStringList severities{QStringLiteral("high"), QStringLiteral("warning"),
                                 QStringLiteral("info")};
    std::stable_sort(alerts->begin(), alerts->end(),
                     [&severities](const PatientAlert &a, const PatientAlert &b) {
                         return severities.indexOf(a.severity) < severities.indexOf(b.severity);
                     });
    for (const PatientAlert &a : *alerts)
        add(a.meta.id, FhirMapping::toFhir(a, subject));

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

    // The other records of a merge (and their merges, in turn) come along as Patient resources,
    // so every Patient.link of the bundle resolves when it is imported elsewhere.
    QSet<QString> inBundle{patientId};
    QStringList pending;
    auto queueLinked = [&](const QJsonObject &resource) {
        for (const QJsonValue v : resource.value(QStringLiteral("link")).toArray()) {
            const QString other =
                v[QStringLiteral("other")][QStringLiteral("reference")].toString().section(
                    QLatin1Char('/'), -1);
            if (!inBundle.contains(other)) {
                inBundle.insert(other);
                pending << other;
            }
        }
    };
    queueLinked(*patientResourceOf);
    while (!pending.isEmpty()) {
        const QString id = pending.takeFirst();
        auto linked = patients.get(id);
        if (!linked)
            return fail(linked.error());
        auto resource = patientResource(*linked);
        if (!resource)
            return fail(resource.error());
        add(id, *resource);
        queueLinked(*resource);
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
