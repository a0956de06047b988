#include "FhirImporter.h"

#include "access/AuditLog.h"
#include "database/Database.h"
#include "fhir/FhirMapping.h"
#include "patients/PatientMerge.h"
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

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

#include <functional>
#include <variant>

namespace frontdesk {

namespace {

const QStringList kKept{QStringLiteral("Patient"),           QStringLiteral("Encounter"),
                        QStringLiteral("Condition"),         QStringLiteral("AllergyIntolerance"),
                        QStringLiteral("MedicationRequest"), QStringLiteral("MedicationStatement"),
                        QStringLiteral("Observation"),       QStringLiteral("Immunization"),
                        QStringLiteral("Coverage"),          QStringLiteral("DocumentReference"),
                        QStringLiteral("Consent"),           QStringLiteral("Flag")};

using Mapped = std::variant<Patient, Encounter, Condition, Allergy, Medication, Observation,
                            Immunization, Coverage, Consent, CommunicationPreference, PatientAlert,
                            QString /* a note for an encounter */>;

struct Entry
{
    int index = 0;
    QString fullUrl;
    QString type;
    QString resourceId;
    QString sourceKey;
    QJsonObject resource;
    Mapped value;
    QString patientRef;
    QString encounterRef;
    QString table;   // where it is stored (a Consent may be a communication preference)
    QString localId; // filled when written
    bool exists = false;
    QByteArray photo; // a Patient's photo, already validated
    QList<FhirMapping::PatientLink> links;
};

// Which local table a resource type is stored in (for "is this id ours already?").
QString tableOf(const QString &type)
{
    static const QHash<QString, QString> tables{
        {QStringLiteral("Patient"), QStringLiteral("patients")},
        {QStringLiteral("Encounter"), QStringLiteral("encounters")},
        {QStringLiteral("Condition"), QStringLiteral("conditions")},
        {QStringLiteral("AllergyIntolerance"), QStringLiteral("allergies")},
        {QStringLiteral("MedicationRequest"), QStringLiteral("medications")},
        {QStringLiteral("MedicationStatement"), QStringLiteral("medications")},
        {QStringLiteral("Observation"), QStringLiteral("observations")},
        {QStringLiteral("Immunization"), QStringLiteral("immunizations")},
        {QStringLiteral("Coverage"), QStringLiteral("coverages")},
        {QStringLiteral("Consent"), QStringLiteral("consents")},
        {QStringLiteral("Flag"), QStringLiteral("patient_alerts")}};
    return tables.value(type);
}

QString sourceKeyOf(const QString &type, const QJsonObject &resource, const QString &fullUrl)
{
    for (const QJsonValue v : resource.value(QStringLiteral("identifier")).toArray()) {
        const QJsonObject id = v.toObject();
        const QString system = id.value(QStringLiteral("system")).toString();
        const QString value = id.value(QStringLiteral("value")).toString();
        if (!system.isEmpty() && !value.isEmpty())
            return type + QLatin1Char('|') + system + QLatin1Char('|') + value;
    }
    if (!fullUrl.isEmpty())
        return type + QLatin1Char('|') + fullUrl;
    const QString id = resource.value(QStringLiteral("id")).toString();
    if (!id.isEmpty())
        return type + QStringLiteral("|id|") + id;
    return {};
}

// Patient.link of one patient as patient_links rows and merged_into, the way PatientMerge leaves a
// merge (the merged record points at its survivor and stays); a link already stored, in
// either direction for seealso, is left as it is, so importing again adds nothing.
Status writeLinks(Database &db, const QString &patientId,
                  const QList<FhirMapping::PatientLink> &links,
                  const std::function<QString(const QString &, const QString &)> &resolve,
                  const QString &where, const QString &file)
{
    PatientRepository patients(db);
    for (const FhirMapping::PatientLink &l : links) {
        const QString other = resolve(l.reference, QStringLiteral("patients"));
        if (other.isEmpty())
            return fail(FhirImporter::tr("%1the linked patient \"%2\" was not found.")
                            .arg(where, l.reference));
        QString source = patientId;
        QString target = other;
        QString kind = l.type;
        if (l.type == QLatin1String("replaces")) {
            source = other;
            target = patientId;
            kind = QStringLiteral("replaced-by");
        }
        const bool symmetric = kind == QLatin1String("seealso");
        auto stored =
            db.scalar(QStringLiteral("SELECT count(*) FROM patient_links WHERE deleted = 0 AND "
                                     "((source_id = ? AND target_id = ? AND kind = ?) OR "
                                     "(? AND ((source_id = ? AND target_id = ?) OR "
                                     "(source_id = ? AND target_id = ?))))"),
                      {source, target, kind, symmetric ? 1 : 0, source, target, target, source});
        if (!stored)
            return fail(stored.error());
        if (stored->toInt() == 0) {
            const QJsonObject detail{{QStringLiteral("imported"), QFileInfo(file).fileName()}};
            if (auto r = RecordStore(db, PatientMerge::linkTable())
                             .insert({{QStringLiteral("source_id"), source},
                                      {QStringLiteral("target_id"), target},
                                      {QStringLiteral("kind"), kind},
                                      {QStringLiteral("detail"),
                                       QString::fromUtf8(
                                           QJsonDocument(detail).toJson(QJsonDocument::Compact))}});
                !r)
                return fail(where + r.error());
        }
        if (kind != QLatin1String("replaced-by"))
            continue;
        auto merged = patients.get(source);
        if (!merged)
            return fail(where + merged.error());
        if (merged->mergedInto.isEmpty()) {
            merged->mergedInto = target;
            if (auto s = patients.save(*merged); !s)
                return fail(where + s.error());
        }
    }
    return {};
}

// Writes one record through its repository: insert under localId, or update the stored one.
// Counts what happened.
template <typename Repo, typename T>
Status upsert(Repo &repo, T value, const QString &localId, bool exists,
              FhirImporter::FileReport &report)
{
    if (exists) {
        auto current = repo.get(localId);
        if (!current)
            return fail(current.error());
        value.meta = current->meta;
        const qint64 before = value.meta.version;
        if (auto s = repo.save(value); !s)
            return s;
        if (value.meta.version == before)
            ++report.unchanged;
        else
            ++report.updated;
        return {};
    }
    value.meta = RecordMeta{};
    value.meta.id = localId;
    if (auto s = repo.save(value); !s)
        return s;
    ++report.created;
    return {};
}

// "file: entry 3 (urn:uuid:…)": where an entry is, for every message about it.
QString entryPlace(const QString &file, int index, const QString &fullUrl)
{
    return fullUrl.isEmpty()
               ? FhirImporter::tr("%1: entry %2").arg(file).arg(index)
               : FhirImporter::tr("%1: entry %2 (%3)").arg(file).arg(index).arg(fullUrl);
}

// The entries of one bundle, and how references find them (fullUrl and Type/id → index).
struct BundleEntries
{
    QList<Entry> entries;
    QHash<QString, int> byReference;
};

// The id of the row of table that ref ("Type/id") names, or empty when there is none.
QString storedId(Database &db, const QString &table, const QString &ref)
{
    const QString id = ref.section(QLatin1Char('/'), -1);
    if (id.isEmpty() || table.isEmpty())
        return {};
    auto found = db.scalar(QStringLiteral("SELECT id FROM %1 WHERE id = ?").arg(table), {id});
    return found && found->isValid() ? found->toString() : QString();
}

// Maps the entry's resource into e.value (and a Patient's photo and links); the error, or empty.
QString mapResource(Entry &e, const QHash<QString, QJsonObject> &medicationEntries,
                    const QDateTime &now)
{
    QString error;
    auto take = [&error](auto result, Mapped &out) {
        if (!result)
            error = result.error();
        else
            out = *result;
    };
    if (e.type == QLatin1String("Patient")) {
        take(FhirMapping::patientFromFhir(e.resource), e.value);
        if (error.isEmpty()) {
            if (auto photo = FhirMapping::patientPhotoFromFhir(e.resource); !photo)
                error = photo.error();
            else
                e.photo = *photo;
        }
        if (error.isEmpty()) {
            if (auto links = FhirMapping::patientLinksFromFhir(e.resource); !links)
                error = links.error();
            else
                e.links = *links;
        }
    } else if (e.type == QLatin1String("Encounter"))
        take(FhirMapping::encounterFromFhir(e.resource), e.value);
    else if (e.type == QLatin1String("Condition"))
        take(FhirMapping::conditionFromFhir(e.resource), e.value);
    else if (e.type == QLatin1String("AllergyIntolerance"))
        take(FhirMapping::allergyFromFhir(e.resource), e.value);
    else if (e.type == QLatin1String("MedicationRequest") ||
             e.type == QLatin1String("MedicationStatement")) {
        QJsonObject resource = e.resource;
        const QString ref = resource.value(QStringLiteral("medicationReference"))
                                .toObject()
                                .value(QStringLiteral("reference"))
                                .toString();
        if (!resource.contains(QStringLiteral("medicationCodeableConcept")) &&
            medicationEntries.contains(ref))
            resource.insert(QStringLiteral("medicationCodeableConcept"),
                            medicationEntries.value(ref).value(QStringLiteral("code")));
        take(FhirMapping::medicationFromFhir(resource), e.value);
    } else if (e.type == QLatin1String("Observation"))
        take(FhirMapping::observationFromFhir(e.resource), e.value);
    else if (e.type == QLatin1String("Immunization"))
        take(FhirMapping::immunizationFromFhir(e.resource), e.value);
    else if (e.type == QLatin1String("Coverage"))
        take(FhirMapping::coverageFromFhir(e.resource), e.value);
    else if (e.type == QLatin1String("Flag"))
        take(FhirMapping::alertFromFhir(e.resource, now), e.value);
    else if (e.type == QLatin1String("Consent") &&
             FhirMapping::isCommunicationPreference(e.resource)) {
        e.table = QStringLiteral("communication_preferences");
        take(FhirMapping::communicationPreferenceFromFhir(e.resource), e.value);
    } else if (e.type == QLatin1String("Consent"))
        take(FhirMapping::consentFromFhir(e.resource), e.value);
    else if (e.type == QLatin1String("DocumentReference")) {
        // Synthea's clinical notes: base64 text attached to an encounter.
        const QJsonObject attachment = e.resource.value(QStringLiteral("content"))
                                           .toArray()
                                           .first()
                                           .toObject()
                                           .value(QStringLiteral("attachment"))
                                           .toObject();
        const QString data = attachment.value(QStringLiteral("data")).toString();
        const auto decoded = QByteArray::fromBase64Encoding(
            data.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
        if (data.isEmpty() || !decoded)
            error = FhirImporter::tr("DocumentReference: content[0].attachment.data is missing or "
                                     "not base64.");
        else
            e.value = QString::fromUtf8(*decoded);
    }
    return error;
}

// Pass 1: reads and checks every entry; what is wrong goes into report.errors.
BundleEntries readEntries(const QJsonArray &array, const QString &name, const QDateTime &now,
                          FhirImporter::FileReport &report)
{
    BundleEntries bundle;
    // Synthea may name a medication through a Medication entry (medicationReference); its code
    // is what we keep.
    QHash<QString, QJsonObject> medicationEntries;
    for (const QJsonValue v : array) {
        const QJsonObject resource = v.toObject().value(QStringLiteral("resource")).toObject();
        if (resource.value(QStringLiteral("resourceType")).toString() ==
            QLatin1String("Medication"))
            medicationEntries.insert(v.toObject().value(QStringLiteral("fullUrl")).toString(),
                                     resource);
    }
    for (int i = 0; i < array.size(); ++i) {
        Entry e;
        e.index = i;
        const QJsonObject entry = array.at(i).toObject();
        e.fullUrl = entry.value(QStringLiteral("fullUrl")).toString();
        const QString where = entryPlace(name, i, e.fullUrl);
        if (!array.at(i).isObject() || !entry.value(QStringLiteral("resource")).isObject()) {
            report.errors << FhirImporter::tr("%1: has no resource object.").arg(where);
            continue;
        }
        e.resource = entry.value(QStringLiteral("resource")).toObject();
        e.type = e.resource.value(QStringLiteral("resourceType")).toString();
        e.resourceId = e.resource.value(QStringLiteral("id")).toString();
        if (e.type.isEmpty()) {
            report.errors << FhirImporter::tr("%1: the resource has no resourceType.").arg(where);
            continue;
        }
        if (!kKept.contains(e.type)) {
            report.notKept[e.type] += 1;
            continue;
        }
        e.table = tableOf(e.type);
        e.sourceKey = sourceKeyOf(e.type, e.resource, e.fullUrl);
        if (e.sourceKey.isEmpty()) {
            report.errors << FhirImporter::tr("%1: %2 has no identifier, fullUrl or id, so a "
                                              "second import could not recognise it.")
                                 .arg(where, e.type);
            continue;
        }
        if (const QString error = mapResource(e, medicationEntries, now); !error.isEmpty()) {
            report.errors << FhirImporter::tr("%1: %2: %3").arg(where, e.type, error);
            continue;
        }
        if (e.type != QLatin1String("Patient")) {
            e.patientRef = FhirMapping::patientReference(e.resource);
            if (e.patientRef.isEmpty()) {
                report.errors << FhirImporter::tr("%1: %2 does not say which patient it belongs "
                                                  "to (subject, patient or beneficiary).")
                                     .arg(where, e.type);
                continue;
            }
            e.encounterRef = FhirMapping::encounterReference(e.resource);
            if (e.type == QLatin1String("DocumentReference") && e.encounterRef.isEmpty()) {
                report.errors << FhirImporter::tr("%1: DocumentReference names no encounter "
                                                  "(context.encounter).")
                                     .arg(where);
                continue;
            }
        }
        if (!e.fullUrl.isEmpty())
            bundle.byReference.insert(e.fullUrl, int(bundle.entries.size()));
        if (!e.resourceId.isEmpty())
            bundle.byReference.insert(e.type + QLatin1Char('/') + e.resourceId,
                                      int(bundle.entries.size()));
        bundle.entries << e;
    }
    return bundle;
}

// Pass 2: every reference points at a patient (or encounter) in this bundle or already stored.
void checkReferences(Database &db, const BundleEntries &bundle, const QString &name,
                     FhirImporter::FileReport &report)
{
    const QList<Entry> &entries = bundle.entries;
    auto inBundle = [&](const QString &ref, const QString &type) {
        const int target = bundle.byReference.value(ref, -1);
        return target >= 0 && entries.at(target).type == type;
    };
    for (const Entry &e : entries) {
        const QString where = entryPlace(name, e.index, e.fullUrl);
        if (!e.patientRef.isEmpty() && !inBundle(e.patientRef, QStringLiteral("Patient")) &&
            storedId(db, QStringLiteral("patients"), e.patientRef).isEmpty())
            report.errors << FhirImporter::tr("%1: %2 refers to the patient \"%3\", which is "
                                              "neither in this bundle nor in the database.")
                                 .arg(where, e.type, e.patientRef);
        for (int l = 0; l < e.links.size(); ++l) {
            const QString &ref = e.links.at(l).reference;
            const int target = bundle.byReference.value(ref, -1);
            if (target >= 0 && entries.at(target).type == QLatin1String("Patient")) {
                if (&entries.at(target) == &e)
                    report.errors << FhirImporter::tr("%1: Patient link[%2] refers to the "
                                                      "patient itself.")
                                         .arg(where)
                                         .arg(l);
            } else if (storedId(db, QStringLiteral("patients"), ref).isEmpty()) {
                report.errors << FhirImporter::tr("%1: Patient link[%2] (%3) refers to the "
                                                  "patient \"%4\", which is neither in this "
                                                  "bundle nor in the database.")
                                     .arg(where)
                                     .arg(l)
                                     .arg(e.links.at(l).type, ref);
            }
        }
        if (!e.encounterRef.isEmpty() && !inBundle(e.encounterRef, QStringLiteral("Encounter")) &&
            storedId(db, QStringLiteral("encounters"), e.encounterRef).isEmpty())
            report.errors << FhirImporter::tr("%1: %2 refers to the encounter \"%3\", which is "
                                              "neither in this bundle nor in the database.")
                                 .arg(where, e.type, e.encounterRef);
    }
}

// Pass 3, inside the file's one transaction: patients first, then encounters, then the rest, so
// every reference resolves to a local id; then the patients' links and the audit entry.
class BundleWriter
{
public:
    BundleWriter(Database &db, BundleEntries &bundle, const QString &name,
                 const FhirImportOptions &options, FhirImporter::FileReport &counts)
        : m_db(db), m_bundle(bundle), m_name(name), m_options(options), m_counts(counts)
    {}

    Status write(const QString &bundleId)
    {
        // Every patient's local id first, so links between the bundle's patients resolve.
        for (Entry &e : m_bundle.entries) {
            if (e.type != QLatin1String("Patient"))
                continue;
            auto id = localIdFor(e);
            if (!id)
                return fail(FhirImporter::tr("%1: %2").arg(where(e), id.error()));
            e.localId = *id;
        }
        for (const Stage stage : {Stage::Patients, Stage::Encounters, Stage::Rest}) {
            for (Entry &e : m_bundle.entries) {
                if (stageOf(e) != stage)
                    continue;
                if (auto s = writeEntry(e); !s)
                    return fail(FhirImporter::tr("%1: %2").arg(where(e), s.error()));
            }
        }
        auto resolver = [this](const QString &ref, const QString &table) {
            return resolve(ref, table);
        };
        for (const Entry &e : m_bundle.entries) {
            if (auto s = writeLinks(m_db, e.localId, e.links, resolver,
                                    FhirImporter::tr("%1: ").arg(where(e)), m_name);
                !s)
                return s;
        }
        AuditEntry audit;
        audit.action = QStringLiteral("import");
        audit.entityType = QStringLiteral("Bundle");
        audit.entityId = bundleId;
        audit.patientId = m_counts.patientIds.value(0);
        audit.detail = QJsonObject{{QStringLiteral("file"), QFileInfo(m_name).fileName()},
                                   {QStringLiteral("created"), m_counts.created},
                                   {QStringLiteral("updated"), m_counts.updated},
                                   {QStringLiteral("unchanged"), m_counts.unchanged}};
        if (auto a = AuditLog(m_db).append(audit); !a)
            return fail(a.error());
        return {};
    }

private:
    enum class Stage
    {
        Patients,
        Encounters,
        Rest
    };

    static Stage stageOf(const Entry &e)
    {
        if (e.type == QLatin1String("Patient"))
            return Stage::Patients;
        if (e.type == QLatin1String("Encounter"))
            return Stage::Encounters;
        return Stage::Rest;
    }

    QString where(const Entry &e) const { return entryPlace(m_name, e.index, e.fullUrl); }

    QString resolve(const QString &ref, const QString &table) const
    {
        const int target = m_bundle.byReference.value(ref, -1);
        if (target >= 0 && !m_bundle.entries.at(target).localId.isEmpty())
            return m_bundle.entries.at(target).localId;
        return storedId(m_db, table, ref);
    }

    // "Family, Given (MRN …, id …)": a local patient named in a message.
    QString describePatient(const QString &id)
    {
        auto p = m_patients.get(id);
        if (!p)
            return id;
        return FhirImporter::tr("%1, %2 (MRN %3, id %4)")
            .arg(p->familyName, p->givenName, p->mrn, id);
    }

    // The local patient a file's Patient is: one whose MRN is the value of an identifier of
    // our MRN system or of a --match-system. Never by a resource id or another system's value,
    // which a file from elsewhere may share with an unrelated local patient.
    Result<QString> patientByIdentifier(const Entry &e)
    {
        QStringList systems = m_options.matchSystems;
        systems << FhirMapping::mrnSystem();
        for (const QJsonValue v : e.resource.value(QStringLiteral("identifier")).toArray()) {
            const QJsonObject identifier = v.toObject();
            const QString value = identifier.value(QStringLiteral("value")).toString();
            if (value.isEmpty() ||
                !systems.contains(identifier.value(QStringLiteral("system")).toString()))
                continue;
            auto byMrn = m_patients.findByMrn(value);
            if (!byMrn)
                return fail(byMrn.error());
            if (byMrn->has_value())
                return (*byMrn)->meta.id;
        }
        return QString();
    }

    // The local id for an entry: known from an earlier import of the same identifier, the
    // matched patient (patients), ours already (other records: our own export), or new (the
    // resource id when it is a free UUID). Sets e.exists.
    Result<QString> localIdFor(Entry &e)
    {
        const bool isPatient = e.type == QLatin1String("Patient");
        auto mapped = m_db.scalar(
            QStringLiteral("SELECT local_id FROM fhir_identifiers WHERE source_key = ?"),
            {e.sourceKey});
        if (!mapped)
            return fail(mapped.error());
        QString id;
        if (mapped->isValid())
            id = storedId(m_db, e.table, mapped->toString());
        if (id.isEmpty() && isPatient) {
            auto matched = patientByIdentifier(e);
            if (!matched)
                return fail(matched.error());
            id = *matched;
        }
        if (id.isEmpty() && !isPatient && !e.resourceId.isEmpty())
            id = storedId(m_db, e.table, e.resourceId);
        e.exists = !id.isEmpty();
        if (!e.exists) {
            const QUuid asUuid(e.resourceId);
            id = asUuid.isNull() ? QUuid::createUuid().toString(QUuid::WithoutBraces)
                                 : asUuid.toString(QUuid::WithoutBraces);
            if (isPatient && !storedId(m_db, e.table, id).isEmpty()) {
                const Patient &p = std::get<Patient>(e.value);
                return fail(FhirImporter::tr("the file's patient %1, %2 (MRN %3) has the id of "
                                             "the local patient %4, whom none of its "
                                             "identifiers names; it would overwrite another "
                                             "patient's record, so nothing was imported.")
                                .arg(p.familyName, p.givenName, p.mrn, describePatient(id)));
            }
        }
        if (auto m = m_db.query(
                QStringLiteral("INSERT OR REPLACE INTO fhir_identifiers (source_key, "
                               "resource_type, local_id, imported_at) VALUES (?, ?, ?, ?)"),
                {e.sourceKey, e.type, id, m_db.clock().nowMs()});
            !m)
            return fail(m.error());
        return id;
    }

    // The patient a Patient entry says it was merged into (link replaced-by), or empty.
    QString replacedBy(const Entry &e) const
    {
        for (const FhirMapping::PatientLink &l : e.links)
            if (l.type == QLatin1String("replaced-by"))
                return resolve(l.reference, QStringLiteral("patients"));
        return {};
    }

    Status writeEntry(Entry &e)
    {
        if (e.type == QLatin1String("DocumentReference"))
            return writeNote(e);
        if (e.type != QLatin1String("Patient")) {
            auto id = localIdFor(e);
            if (!id)
                return fail(id.error());
            e.localId = *id;
        }
        Status s = e.type == QLatin1String("Patient") ? writePatient(e) : writeRecord(e);
        if (!s)
            return s;
        m_counts.kept[std::holds_alternative<CommunicationPreference>(e.value)
                          ? FhirImporter::tr("Consent (communication preference)")
                          : e.type] += 1;
        return {};
    }

    // A DocumentReference's text joins its encounter's notes, once, and only an encounter of
    // the patient it names.
    Status writeNote(const Entry &e)
    {
        auto enc = m_encounters.get(resolve(e.encounterRef, QStringLiteral("encounters")));
        if (!enc)
            return fail(enc.error());
        const QString patientId = resolve(e.patientRef, QStringLiteral("patients"));
        if (enc->patientId != patientId)
            return fail(FhirImporter::tr("the note for the patient %1 names the encounter %2 of "
                                         "the patient %3; it is not attached.")
                            .arg(describePatient(patientId), enc->meta.id,
                                 describePatient(enc->patientId)));
        const QString note = std::get<QString>(e.value).trimmed();
        if (!enc->notes.contains(note)) {
            enc->notes = enc->notes.isEmpty() ? note : enc->notes + QStringLiteral("\n\n") + note;
            ++m_counts.updated;
            if (auto s = m_encounters.save(*enc); !s)
                return s;
        } else {
            ++m_counts.unchanged;
        }
        m_counts.kept[e.type] += 1;
        return {};
    }

    Status writePatient(const Entry &e)
    {
        Patient p = std::get<Patient>(e.value);
        if (e.exists) {
            // Fields we keep but FHIR does not carry stay as they were.
            auto current = m_patients.get(e.localId);
            if (!current)
                return fail(current.error());
            p.preferredChannel = current->preferredChannel;
            p.mergedInto = current->mergedInto;
            if (p.emergencyContactName.isEmpty()) {
                p.emergencyContactName = current->emergencyContactName;
                p.emergencyContactRelation = current->emergencyContactRelation;
                p.emergencyContactPhone = current->emergencyContactPhone;
            }
        }
        // A merged record stays a link to its survivor, as PatientMerge leaves it.
        if (const QString survivor = replacedBy(e); !survivor.isEmpty())
            p.mergedInto = survivor;
        if (auto s = upsert(m_patients, p, e.localId, e.exists, m_counts); !s)
            return s;
        m_counts.patientIds << e.localId;
        if (e.photo.isEmpty())
            return {};
        PatientPhotoRepository photos(m_db);
        auto current = photos.forPatient(e.localId);
        if (!current)
            return fail(current.error());
        if (current->has_value() && (*current)->data == e.photo)
            return {};
        if (auto set = photos.setPhoto(e.localId, e.photo); !set)
            return fail(set.error());
        return {};
    }

    // Every record that belongs to a patient (and maybe an encounter) of the bundle.
    Status writeRecord(Entry &e)
    {
        const QString &id = e.localId;
        const bool exists = e.exists;
        const QString patientId = resolve(e.patientRef, QStringLiteral("patients"));
        const QString encounterId = e.encounterRef.isEmpty()
                                        ? QString()
                                        : resolve(e.encounterRef, QStringLiteral("encounters"));
        if (exists) {
            auto owner = m_db.scalar(
                QStringLiteral("SELECT patient_id FROM %1 WHERE id = ?").arg(e.table), {id});
            if (!owner)
                return fail(owner.error());
            if (owner->toString() != patientId)
                return fail(FhirImporter::tr("the file's %1 \"%2\" for the patient %3 has the "
                                             "id of a local record of the patient %4; it is not "
                                             "overwritten.")
                                .arg(e.type, e.resourceId, describePatient(patientId),
                                     describePatient(owner->toString())));
        }
        if (e.type == QLatin1String("Encounter")) {
            Encounter v = std::get<Encounter>(e.value);
            v.patientId = patientId;
            if (exists) {
                auto current = m_encounters.get(id);
                if (current)
                    v.notes = current->notes; // notes come from DocumentReferences
            }
            return upsert(m_encounters, v, id, exists, m_counts);
        }
        if (auto *c = std::get_if<Condition>(&e.value)) {
            c->patientId = patientId;
            c->encounterId = encounterId;
            return upsert(m_conditions, *c, id, exists, m_counts);
        }
        if (auto *a = std::get_if<Allergy>(&e.value)) {
            a->patientId = patientId;
            return upsert(m_allergies, *a, id, exists, m_counts);
        }
        if (auto *m = std::get_if<Medication>(&e.value)) {
            m->patientId = patientId;
            m->encounterId = encounterId;
            return upsert(m_medications, *m, id, exists, m_counts);
        }
        if (auto *o = std::get_if<Observation>(&e.value)) {
            o->patientId = patientId;
            o->encounterId = encounterId;
            return upsert(m_observations, *o, id, exists, m_counts);
        }
        if (auto *im = std::get_if<Immunization>(&e.value)) {
            im->patientId = patientId;
            im->encounterId = encounterId;
            return upsert(m_immunizations, *im, id, exists, m_counts);
        }
        if (auto *cv = std::get_if<Coverage>(&e.value)) {
            cv->patientId = patientId;
            return upsert(m_coverages, *cv, id, exists, m_counts);
        }
        if (auto *cs = std::get_if<Consent>(&e.value)) {
            cs->patientId = patientId;
            return upsert(m_consents, *cs, id, exists, m_counts);
        }
        if (auto *cp = std::get_if<CommunicationPreference>(&e.value)) {
            cp->patientId = patientId;
            return upsert(m_preferences, *cp, id, exists, m_counts);
        }
        if (auto *al = std::get_if<PatientAlert>(&e.value)) {
            al->patientId = patientId;
            return upsert(m_alerts, *al, id, exists, m_counts);
        }
        return {};
    }

    Database &m_db;
    BundleEntries &m_bundle;
    const QString &m_name;
    const FhirImportOptions &m_options;
    FhirImporter::FileReport &m_counts;
    PatientRepository m_patients{m_db};
    EncounterRepository m_encounters{m_db};
    ConditionRepository m_conditions{m_db};
    AllergyRepository m_allergies{m_db};
    MedicationRepository m_medications{m_db};
    ObservationRepository m_observations{m_db};
    ImmunizationRepository m_immunizations{m_db};
    CoverageRepository m_coverages{m_db};
    ConsentRepository m_consents{m_db};
    CommunicationPreferenceRepository m_preferences{m_db};
    PatientAlertRepository m_alerts{m_db};
};

} // namespace

QString FhirImporter::tooLarge(const QString &name, qint64 size) const
{
    const double mib = 1024.0 * 1024.0;
    return tr("%1: is %2 MiB, more than the %3 MiB one file may have (frontdeskctl import-fhir "
              "--max-size raises the limit); nothing from it was read.")
        .arg(name)
        .arg(double(size) / mib, 0, 'f', 1)
        .arg(double(m_options.maxBytes) / mib, 0, 'f', 1);
}

Result<QList<FhirImporter::FileReport>> FhirImporter::importPath(const QString &fileOrDirectory)
{
    const QFileInfo info(fileOrDirectory);
    if (!info.exists())
        return fail(tr("%1 does not exist.").arg(fileOrDirectory));
    QList<FileReport> reports;
    if (info.isDir()) {
        const QDir dir(fileOrDirectory);
        const QStringList files =
            dir.entryList({QStringLiteral("*.json")}, QDir::Files | QDir::Readable, QDir::Name);
        if (files.isEmpty())
            return fail(tr("%1 holds no .json files.").arg(fileOrDirectory));
        for (const QString &f : files)
            reports << importFile(dir.filePath(f));
    } else {
        reports << importFile(fileOrDirectory);
    }
    return reports;
}

FhirImporter::FileReport FhirImporter::importFile(const QString &path)
{
    if (const qint64 size = QFileInfo(path).size(); size > m_options.maxBytes) {
        FileReport r;
        r.file = path;
        r.errors << tooLarge(path, size);
        return r;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        FileReport r;
        r.file = path;
        r.errors << tr("%1: cannot be read: %2").arg(path, file.errorString());
        return r;
    }
    return importBundle(file.readAll(), path);
}

FhirImporter::FileReport FhirImporter::importBundle(const QByteArray &json, const QString &name)
{
    FileReport report;
    report.file = name;
    if (json.size() > m_options.maxBytes) {
        report.errors << tooLarge(name, json.size());
        return report;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (doc.isNull()) {
        report.errors << tr("%1: not valid JSON at byte %2: %3")
                             .arg(name)
                             .arg(parseError.offset)
                             .arg(parseError.errorString());
        return report;
    }
    const QJsonObject bundle = doc.object();
    if (!doc.isObject() ||
        bundle.value(QStringLiteral("resourceType")).toString() != QLatin1String("Bundle")) {
        report.errors << tr("%1: not a FHIR Bundle (resourceType must be \"Bundle\").").arg(name);
        return report;
    }
    const QJsonValue entriesValue = bundle.value(QStringLiteral("entry"));
    if (!entriesValue.isArray()) {
        report.errors << tr("%1: the Bundle has no entry array.").arg(name);
        return report;
    }

    // Nothing is written while any entry or reference is wrong.
    BundleEntries entries =
        readEntries(entriesValue.toArray(), name, m_db.clock().nowUtc(), report);
    checkReferences(m_db, entries, name, report);
    if (!report.errors.isEmpty())
        return report;

    FileReport counts = report;
    const Status written = m_db.write([&]() -> Status {
        return BundleWriter(m_db, entries, name, m_options, counts)
            .write(bundle.value(QStringLiteral("id")).toString());
    });
    if (!written) {
        report.errors << written.error();
        return report;
    }
    counts.imported = true;
    return counts;
}

} // namespace frontdesk
