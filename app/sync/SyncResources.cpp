#include "SyncResources.h"

#include "database/Database.h"
#include "fhir/BookingMapping.h"
#include "fhir/ClinicSettingsMapping.h"
#include "fhir/CommunicationMapping.h"
#include "fhir/FhirMapping.h"
#include "fhir/MessageTemplateMapping.h"
#include "fhir/PatientRecordMapping.h"
#include "fhir/ScheduleMapping.h"
#include "fhir/SurveyAnswerMapping.h"
#include "interop/FhirRecordReader.h"
#include "messaging/MessageTemplateRepository.h"
#include "storage/AllergyRepository.h"
#include "storage/AppointmentRepository.h"
#include "storage/AppointmentSeriesRepository.h"
#include "storage/AppointmentTypeRepository.h"
#include "storage/CommunicationPreferenceRepository.h"
#include "storage/ConditionRepository.h"
#include "storage/ConsentRepository.h"
#include "storage/CoverageRepository.h"
#include "storage/EncounterRepository.h"
#include "storage/ImmunizationRepository.h"
#include "storage/LocationRepository.h"
#include "storage/MedicationRepository.h"
#include "storage/MessageRepository.h"
#include "storage/ObservationRepository.h"
#include "storage/PatientAlertRepository.h"
#include "storage/PatientPhotoRepository.h"
#include "storage/PatientRepository.h"
#include "storage/PractitionerRepository.h"
#include "storage/RecallRepository.h"
#include "storage/ScheduleExceptionRepository.h"
#include "storage/ServerCopy.h"
#include "storage/SharedSettings.h"
#include "storage/StatusHistoryRepository.h"
#include "storage/SurveyAnswerRepository.h"
#include "storage/WaitlistRepository.h"

#include <QUuid>

namespace frontdesk {

namespace {

using Write = std::function<Status(Database &, qint64)>;

// What the engine does with one kind of record, each through its repository's own mapping to
// columns and the FHIR mapping of models/fhir.
struct Kind
{
    const char *outboxType;
    const char *serverType;
    // Which resources of serverType are this kind's, where two tables share a FHIR type
    // (waitlist entries are Appointments, communication preferences Consents); null: all.
    bool (*accepts)(const QJsonObject &);
    QString (*table)();
    Result<std::optional<SyncResources::Current>> (*current)(Database &, const QString &);
    // The resource read into a record with id (FromFhir), to be written (ServerCopy).
    Result<Write> (*map)(const QString &, const QJsonObject &);
    Status (*remove)(Database &, const QString &, qint64);
    Result<QVariantMap> (*serverValues)(Database &, const QJsonObject &);
    Result<QVariantMap> (*localValues)(Database &, const QString &);
    Status (*applyValues)(Database &, const QString &, const QVariantMap &, qint64);
};

template <typename Repo, auto FromFhir> struct KindOf
{
    static QString table() { return Repo::table().name; }

    // The record's bookkeeping; its FHIR form comes from FhirRecordReader.
    static Result<std::optional<SyncResources::Current>> current(Database &db, const QString &id)
    {
        Repo repo(db);
        auto exists = repo.store().fetch(id);
        if (!exists)
            return fail(exists.error());
        if (!exists->has_value())
            return std::optional<SyncResources::Current>();
        SyncResources::Current c;
        c.meta = RecordStore::metaFrom(**exists);
        return std::optional<SyncResources::Current>(c);
    }

    static Result<Write> map(const QString &id, const QJsonObject &resource)
    {
        auto record = FromFhir(resource);
        if (!record)
            return fail(record.error());
        record->meta.id = id;
        return Write([record = std::move(*record)](Database &db, qint64 version) {
            return ServerCopyOf<Repo>(db).apply(record, version);
        });
    }

    static Status remove(Database &db, const QString &id, qint64 version)
    {
        return ServerCopyOf<Repo>(db).remove(id, version);
    }

    static Result<QVariantMap> serverValues(Database &db, const QJsonObject &resource)
    {
        auto record = FromFhir(resource);
        if (!record)
            return fail(record.error());
        return ServerCopyOf<Repo>(db).values(*record);
    }

    static Result<QVariantMap> localValues(Database &db, const QString &id)
    {
        return ServerCopyOf<Repo>(db).valuesOf(id);
    }

    static Status applyValues(Database &db, const QString &id, const QVariantMap &values,
                              qint64 version)
    {
        return ServerCopyOf<Repo>(db).applyValues(id, values, version);
    }

    static constexpr Kind kind(const char *outboxType, const char *serverType,
                               bool (*accepts)(const QJsonObject &) = nullptr)
    {
        return {outboxType, serverType, accepts,       &table,       &current,
                &map,       &remove,    &serverValues, &localValues, &applyValues};
    }
};

// A patient's record whose mapping leaves the patient (and the visit) to its reader, as the
// import resolves them from its Bundle: here the references name them as they are.
template <typename T, Result<T> (*FromFhir)(const QJsonObject &)>
Result<T> ofPatient(const QJsonObject &resource)
{
    auto record = FromFhir(resource);
    if (!record)
        return record;
    auto patient = FhirMapping::patientId(resource, QStringLiteral("subject"));
    if (!patient)
        return fail(patient.error());
    record->patientId = *patient;
    if constexpr (requires { record->encounterId; }) {
        auto encounter = FhirMapping::encounterId(resource);
        if (!encounter)
            return fail(encounter.error());
        record->encounterId = *encounter;
    }
    return record;
}

// The server's Flag says whether the alert is active; an end date already past is not
// re-read here with this workstation's clock.
Result<PatientAlert> alertFromFhir(const QJsonObject &resource)
{
    return FhirMapping::alertFromFhir(resource, QDateTime());
}

// The clinic's shared settings: one record, Organization/clinic, whose values are settings
// (SharedSettings), not a table of their own.
struct ClinicKind
{
    static QString table() { return SharedSettings::table(); }

    static Result<std::optional<SyncResources::Current>> current(Database &db, const QString &)
    {
        auto meta = SharedSettings(db).meta();
        if (!meta)
            return fail(meta.error());
        if (!meta->has_value())
            return std::optional<SyncResources::Current>();
        SyncResources::Current c;
        c.meta = **meta;
        return std::optional<SyncResources::Current>(c);
    }

    static QVariantMap columns(const ClinicSettingsMapping::Values &values)
    {
        QVariantMap out;
        for (const QString &key : ClinicSettingsMapping::keys())
            out.insert(key, values.value(key));
        return out;
    }

    static Result<Write> map(const QString &, const QJsonObject &resource)
    {
        auto values = ClinicSettingsMapping::fromFhir(resource);
        if (!values)
            return fail(values.error());
        return Write([values = std::move(*values)](Database &db, qint64 version) {
            return SharedSettings(db).applyServer(values, version);
        });
    }

    static Status remove(Database &, const QString &, qint64)
    {
        return fail(SyncResources::tr("The clinic's settings cannot be deleted; the server's "
                                      "deletion of them was not applied."));
    }

    static Result<QVariantMap> serverValues(Database &, const QJsonObject &resource)
    {
        auto values = ClinicSettingsMapping::fromFhir(resource);
        if (!values)
            return fail(values.error());
        return columns(*values);
    }

    static Result<QVariantMap> localValues(Database &db, const QString &)
    {
        auto values = SharedSettings(db).values();
        if (!values)
            return fail(values.error());
        return columns(*values);
    }

    static Status applyValues(Database &db, const QString &, const QVariantMap &merged,
                              qint64 version)
    {
        ClinicSettingsMapping::Values values;
        for (auto it = merged.cbegin(); it != merged.cend(); ++it) {
            if (!it.value().toString().isEmpty())
                values.insert(it.key(), it.value().toString());
        }
        return SharedSettings(db).applyServer(values, version);
    }

    static constexpr Kind kind()
    {
        return {"Organization", "Organization", nullptr,       &table,       &current,
                &map,           &remove,        &serverValues, &localValues, &applyValues};
    }
};

// A booking keeps the series it was booked in (Appointment.basedOn), which its table's own
// columns leave out.
Result<Write> mapBooking(const QString &id, const QJsonObject &resource)
{
    auto series = BookingMapping::seriesIdOf(resource);
    if (!series)
        return fail(series.error());
    auto booking =
        KindOf<AppointmentRepository, ScheduleMapping::appointmentFromFhir>::map(id, resource);
    if (!booking)
        return booking;
    return Write([booking = std::move(*booking), id, series = *series](Database &db,
                                                                       qint64 version) -> Status {
        if (auto s = booking(db, version); !s)
            return s;
        return AppointmentSeriesRepository(db).linkFromServer(id, series);
    });
}

bool isWaitlistEntry(const QJsonObject &r)
{
    return BookingMapping::isWaitlistEntry(r);
}
bool isBooking(const QJsonObject &r)
{
    return !BookingMapping::isWaitlistEntry(r);
}
bool isPreference(const QJsonObject &r)
{
    return FhirMapping::isCommunicationPreference(r);
}
bool isConsent(const QJsonObject &r)
{
    return !FhirMapping::isCommunicationPreference(r);
}

constexpr Kind bookingKind()
{
    Kind k = KindOf<AppointmentRepository, ScheduleMapping::appointmentFromFhir>::kind(
        "Appointment", "Appointment", isBooking);
    k.map = &mapBooking;
    return k;
}

const Kind kKinds[] = {
    KindOf<PatientRepository, FhirMapping::patientFromFhir>::kind("Patient", "Patient"),
    KindOf<PractitionerRepository, ScheduleMapping::practitionerFromFhir>::kind("Practitioner",
                                                                                "Practitioner"),
    KindOf<LocationRepository, ScheduleMapping::locationFromFhir>::kind("Location", "Location"),
    // A recurring series, before the bookings that name it.
    KindOf<AppointmentSeriesRepository, BookingMapping::seriesFromFhir>::kind("ServiceRequest",
                                                                              "ServiceRequest"),
    bookingKind(),
    // Waiting for a free time: an Appointment with status waitlist.
    KindOf<WaitlistRepository, BookingMapping::waitlistEntryFromFhir>::kind(
        "Appointment", "Appointment", isWaitlistEntry),
    KindOf<ScheduleExceptionRepository, ScheduleMapping::timeOffFromFhir>::kind("Slot", "Slot"),
    // The clinic's settings every workstation books by: appointment types and working hours.
    KindOf<AppointmentTypeRepository, BookingMapping::appointmentTypeFromFhir>::kind(
        "HealthcareService", "HealthcareService"),
    KindOf<WorkingHoursRepository, BookingMapping::workingHoursFromFhir>::kind("PractitionerRole",
                                                                               "PractitionerRole"),
    // Each status change of an appointment (the dashboard counts confirmations and no-shows
    // from them), and recalls.
    KindOf<StatusHistoryRepository, BookingMapping::statusChangeFromFhir>::kind("Provenance",
                                                                                "Provenance"),
    KindOf<RecallRepository, PatientRecordMapping::recallFromFhir>::kind("Task", "Task"),
    // Messages: composed here and sent by the server, which writes back what became of them
    // (sent, delivered, failed and why) and the replies that came in.
    KindOf<MessageRepository, CommunicationMapping::messageFromFhir>::kind("Communication",
                                                                           "Communication"),
    // The rest of a patient's record, so that whoever opens it at another workstation sees
    // it whole: consents and communication preferences (both Consent), insurance, alerts,
    // the photo, and the clinical record (pushed only through the clinical gate of who
    // changed it: FhirRecordReader).
    KindOf<ConsentRepository, ofPatient<Consent, FhirMapping::consentFromFhir>>::kind(
        "Consent", "Consent", isConsent),
    KindOf<CommunicationPreferenceRepository,
           ofPatient<CommunicationPreference, FhirMapping::communicationPreferenceFromFhir>>::
        kind("Consent", "Consent", isPreference),
    KindOf<CoverageRepository, ofPatient<Coverage, FhirMapping::coverageFromFhir>>::kind(
        "Coverage", "Coverage"),
    KindOf<PatientAlertRepository, ofPatient<PatientAlert, alertFromFhir>>::kind("Flag", "Flag"),
    KindOf<PatientPhotoRepository, PatientRecordMapping::photoFromFhir>::kind("Binary", "Binary"),
    KindOf<EncounterRepository, ofPatient<Encounter, FhirMapping::encounterFromFhir>>::kind(
        "Encounter", "Encounter"),
    KindOf<ConditionRepository, ofPatient<Condition, FhirMapping::conditionFromFhir>>::kind(
        "Condition", "Condition"),
    KindOf<AllergyRepository, ofPatient<Allergy, FhirMapping::allergyFromFhir>>::kind(
        "AllergyIntolerance", "AllergyIntolerance"),
    KindOf<MedicationRepository, ofPatient<Medication, FhirMapping::medicationFromFhir>>::kind(
        "MedicationStatement", "MedicationStatement"),
    KindOf<ObservationRepository, ofPatient<Observation, FhirMapping::observationFromFhir>>::kind(
        "Observation", "Observation"),
    KindOf<ImmunizationRepository,
           ofPatient<Immunization, FhirMapping::immunizationFromFhir>>::kind("Immunization",
                                                                             "Immunization"),
    // The clinic's shared settings (name, zone, quiet hours, ...).
    ClinicKind::kind(),
    // The clinic's message templates (Basic: R4 has no template resource).
    KindOf<MessageTemplateRepository, MessageTemplateMapping::fromFhir>::kind("Basic", "Basic"),
    // The answers to the survey a follow-up asked, recorded by the server (the dashboard's
    // survey figures).
    KindOf<SurveyAnswerRepository, SurveyAnswerMapping::fromFhir>::kind("QuestionnaireResponse",
                                                                        "QuestionnaireResponse"),
};

// Whether kind k's table holds the record id (where two kinds share a type).
bool holds(Database &db, const Kind &k, const QString &id)
{
    // Table names come from the repositories, never from input.
    auto n = db.scalar(QStringLiteral("SELECT count(*) FROM %1 WHERE id = ?").arg(k.table()), {id});
    return n && n->toLongLong() > 0;
}

// The kind of a record here, by its outbox type and id: the one whose table holds it (the
// first of its type when none does yet).
const Kind *byRecord(Database &db, const QString &outboxType, const QString &id)
{
    const Kind *first = nullptr;
    int candidates = 0;
    for (const Kind &k : kKinds) {
        if (outboxType != QLatin1String(k.outboxType))
            continue;
        if (!first)
            first = &k;
        ++candidates;
    }
    if (candidates > 1) {
        for (const Kind &k : kKinds) {
            if (outboxType == QLatin1String(k.outboxType) && holds(db, k, id))
                return &k;
        }
    }
    return first;
}

// The kind of a resource from the server, by its type and what it says.
const Kind *byResource(const QString &serverType, const QJsonObject &resource)
{
    for (const Kind &k : kKinds) {
        if (serverType == QLatin1String(k.serverType) && (!k.accepts || k.accepts(resource)))
            return &k;
    }
    return nullptr;
}

const Kind *byServerType(const QString &type)
{
    for (const Kind &k : kKinds) {
        if (type == QLatin1String(k.serverType))
            return &k;
    }
    return nullptr;
}

QString notSynced(const QString &type)
{
    return SyncResources::tr("%1 records do not sync yet.").arg(type);
}

} // namespace

QString SyncResources::serverType(const QString &outboxType)
{
    for (const Kind &k : kKinds) {
        if (outboxType == QLatin1String(k.outboxType))
            return QString::fromLatin1(k.serverType);
    }
    return {};
}

QString SyncResources::localType(const QString &serverType)
{
    const Kind *k = byServerType(serverType);
    return k ? QString::fromLatin1(k->outboxType) : QString();
}

QStringList SyncResources::outboxTypes()
{
    QStringList types;
    for (const Kind &k : kKinds) {
        if (!types.contains(QLatin1String(k.outboxType)))
            types << QString::fromLatin1(k.outboxType);
    }
    return types;
}

QList<std::pair<QString, QString>> SyncResources::tables()
{
    QList<std::pair<QString, QString>> out;
    for (const Kind &k : kKinds)
        out.append({QString::fromLatin1(k.outboxType), k.table()});
    return out;
}

QStringList SyncResources::distinctTables()
{
    QStringList out;
    for (const Kind &k : kKinds) {
        if (const QString table = k.table(); !out.contains(table))
            out << table;
    }
    return out;
}

QStringList SyncResources::tablesOf(const QString &outboxType)
{
    QStringList out;
    for (const Kind &k : kKinds) {
        if (outboxType == QLatin1String(k.outboxType))
            out << k.table();
    }
    return out;
}

QString SyncResources::tableOf(Database &db, const QString &outboxType, const QString &id,
                               const QJsonObject &resource)
{
    const Kind *k = resource.isEmpty() ? byRecord(db, outboxType, id)
                                       : byResource(serverType(outboxType), resource);
    return k ? k->table() : QString();
}

Result<std::optional<SyncResources::Current>>
SyncResources::current(Database &db, const QString &outboxType, const QString &id)
{
    const Kind *k = byRecord(db, outboxType, id);
    if (!k)
        return fail(notSynced(outboxType));
    auto current = k->current(db, id);
    if (!current || !current->has_value() || (*current)->meta.deleted)
        return current;
    // The one way from an outbox entry to its resource (double-book override, series and
    // patient links included).
    auto resource = FhirRecordReader(db).read(QString::fromLatin1(k->serverType), id);
    if (!resource)
        return fail(resource.error());
    resource->insert(QStringLiteral("id"), id);
    (*current)->resource = *resource;
    return current;
}

SyncResources::Mapped SyncResources::map(const QString &serverType, const QString &id,
                                         const QJsonObject &resource)
{
    Mapped mapped;
    const Kind *k = byResource(serverType, resource);
    if (!k) {
        mapped.problem = tr("%1 resources do not sync yet.").arg(serverType);
        return mapped;
    }
    mapped.table = k->table();
    auto write = k->map(id, resource);
    if (write)
        mapped.write = std::move(*write);
    else
        mapped.problem = write.error();
    return mapped;
}

Status SyncResources::apply(Database &db, const Mapped &mapped, qint64 serverVersion)
{
    if (!mapped.write)
        return fail(mapped.problem);
    return mapped.write(db, serverVersion);
}

Status SyncResources::apply(Database &db, const QString &serverType, const QString &id,
                            const QJsonObject &resource, qint64 serverVersion)
{
    return apply(db, map(serverType, id, resource), serverVersion);
}

Status SyncResources::applyDelete(Database &db, const QString &serverType, const QString &id,
                                  qint64 serverVersion)
{
    const Kind *k = byRecord(db, localType(serverType), id);
    if (!k)
        return fail(tr("%1 resources do not sync yet.").arg(serverType));
    return k->remove(db, id, serverVersion);
}

Result<QVariantMap> SyncResources::serverValues(Database &db, const QString &outboxType,
                                                const QJsonObject &resource)
{
    const Kind *k = byResource(serverType(outboxType), resource);
    if (!k)
        return fail(notSynced(outboxType));
    return k->serverValues(db, resource);
}

Result<QVariantMap> SyncResources::localValues(Database &db, const QString &outboxType,
                                               const QString &id)
{
    const Kind *k = byRecord(db, outboxType, id);
    if (!k)
        return fail(notSynced(outboxType));
    return k->localValues(db, id);
}

Status SyncResources::applyValues(Database &db, const QString &outboxType, const QString &id,
                                  const QVariantMap &values, qint64 serverVersion)
{
    const Kind *k = byRecord(db, outboxType, id);
    if (!k)
        return fail(notSynced(outboxType));
    return k->applyValues(db, id, values, serverVersion);
}

Status SyncResources::queueAgain(Database &db, const QString &outboxType, const QString &id,
                                 const QString &actor)
{
    const QString table = tableOf(db, outboxType, id);
    if (table.isEmpty())
        return fail(notSynced(outboxType));
    if (auto q = db.query(QStringLiteral("UPDATE %1 SET sync_state = ? WHERE id = ?").arg(table),
                          {SyncState::pending(), id});
        !q)
        return fail(q.error());
    auto q = db.query(QStringLiteral("INSERT INTO outbox (request_id, resource_type, resource_id, "
                                     "operation, base_version, local_version, created_at, actor) "
                                     "SELECT ?, ?, ?, 'update', server_version, version, ?, ? "
                                     "FROM %1 WHERE id = ?")
                          .arg(table),
                      {QUuid::createUuid().toString(QUuid::WithoutBraces), outboxType, id,
                       db.clock().nowMs(), actor, id});
    return q ? Status() : fail(q.error());
}

Result<qint64> SyncResources::queueDemoRecords(Database &db, const QString &actor, int limit)
{
    qint64 queued = 0;
    const Status s = db.write([&]() -> Status {
        QStringList tables;
        for (const Kind &k : kKinds) {
            const QString table = k.table();
            if (tables.contains(table))
                continue;
            tables << table;
            const qint64 room = limit - queued;
            if (room <= 0)
                break;
            // Table names come from the repositories, never from input. The same rows, in id
            // order, are queued and then marked pending. 'demo' is written out, not bound, so
            // that SQLite reads them from the table's partial index of demo records (migration
            // 026) instead of walking past every record queued before.
            const QString demo = QStringLiteral("sync_state = '%1'").arg(SyncState::demo());
            auto inserted = db.exec(
                QStringLiteral("INSERT INTO outbox (request_id, resource_type, resource_id, "
                               "operation, base_version, local_version, created_at, actor) "
                               "SELECT lower(hex(randomblob(16))), ?, id, 'create', NULL, "
                               "version, ?, ? FROM %1 WHERE %2 ORDER BY id LIMIT ?")
                    .arg(table, demo),
                {QString::fromLatin1(k.outboxType), db.clock().nowMs(), actor, room});
            if (!inserted)
                return fail(inserted.error());
            if (*inserted == 0)
                continue;
            auto marked =
                db.exec(QStringLiteral("UPDATE %1 SET sync_state = ? WHERE id IN (SELECT id FROM "
                                       "%1 WHERE %2 ORDER BY id LIMIT ?)")
                            .arg(table, demo),
                        {SyncState::pending(), room});
            if (!marked)
                return fail(marked.error());
            if (*marked != *inserted)
                return fail(tr("Queuing the demo records of %1 for the server went wrong (%2 "
                               "queued, %3 marked); nothing of it was kept.")
                                .arg(table)
                                .arg(*inserted)
                                .arg(*marked));
            queued += *inserted;
        }
        return {};
    });
    if (!s)
        return fail(s.error());
    return queued;
}

} // namespace frontdesk
