#include "SyncResources.h"

#include "database/Database.h"
#include "fhir/BookingMapping.h"
#include "fhir/CommunicationMapping.h"
#include "fhir/FhirMapping.h"
#include "fhir/PatientRecordMapping.h"
#include "fhir/ScheduleMapping.h"
#include "interop/FhirRecordReader.h"
#include "storage/AppointmentRepository.h"
#include "storage/AppointmentTypeRepository.h"
#include "storage/LocationRepository.h"
#include "storage/MessageRepository.h"
#include "storage/PatientRepository.h"
#include "storage/PractitionerRepository.h"
#include "storage/RecallRepository.h"
#include "storage/ScheduleExceptionRepository.h"
#include "storage/ServerCopy.h"
#include "storage/StatusHistoryRepository.h"

#include <QUuid>

namespace frontdesk {

namespace {

// What the engine does with one kind of record, each through its repository's own mapping to
// columns and the FHIR mapping of models/fhir.
struct Kind
{
    const char *outboxType;
    const char *serverType;
    QString (*table)();
    Result<std::optional<SyncResources::Current>> (*current)(Database &, const QString &);
    Status (*apply)(Database &, const QString &, const QJsonObject &, qint64);
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

    static Status apply(Database &db, const QString &id, const QJsonObject &resource,
                        qint64 version)
    {
        auto record = FromFhir(resource);
        if (!record)
            return fail(record.error());
        record->meta.id = id;
        return ServerCopyOf<Repo>(db).apply(*record, version);
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

    static constexpr Kind kind(const char *outboxType, const char *serverType)
    {
        return {outboxType, serverType,    &table,       &current,    &apply,
                &remove,    &serverValues, &localValues, &applyValues};
    }
};

const Kind kKinds[] = {
    KindOf<PatientRepository, FhirMapping::patientFromFhir>::kind("Patient", "Patient"),
    KindOf<PractitionerRepository, ScheduleMapping::practitionerFromFhir>::kind("Practitioner",
                                                                                "Practitioner"),
    KindOf<LocationRepository, ScheduleMapping::locationFromFhir>::kind("Location", "Location"),
    KindOf<AppointmentRepository, ScheduleMapping::appointmentFromFhir>::kind("Appointment",
                                                                              "Appointment"),
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
};

const Kind *byOutboxType(const QString &type)
{
    for (const Kind &k : kKinds) {
        if (type == QLatin1String(k.outboxType))
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

} // namespace

QString SyncResources::serverType(const QString &outboxType)
{
    const Kind *k = byOutboxType(outboxType);
    return k ? QString::fromLatin1(k->serverType) : QString();
}

QString SyncResources::localType(const QString &serverType)
{
    const Kind *k = byServerType(serverType);
    return k ? QString::fromLatin1(k->outboxType) : QString();
}

QStringList SyncResources::outboxTypes()
{
    QStringList types;
    for (const Kind &k : kKinds)
        types << QString::fromLatin1(k.outboxType);
    return types;
}

QString SyncResources::tableOf(const QString &outboxType)
{
    const Kind *k = byOutboxType(outboxType);
    return k ? k->table() : QString();
}

Result<std::optional<SyncResources::Current>>
SyncResources::current(Database &db, const QString &outboxType, const QString &id)
{
    const Kind *k = byOutboxType(outboxType);
    if (!k)
        return fail(tr("%1 records do not sync yet.").arg(outboxType));
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

Status SyncResources::apply(Database &db, const QString &serverType, const QString &id,
                            const QJsonObject &resource, qint64 serverVersion)
{
    const Kind *k = byServerType(serverType);
    if (!k)
        return fail(tr("%1 resources do not sync yet.").arg(serverType));
    return k->apply(db, id, resource, serverVersion);
}

Status SyncResources::applyDelete(Database &db, const QString &serverType, const QString &id,
                                  qint64 serverVersion)
{
    const Kind *k = byServerType(serverType);
    if (!k)
        return fail(tr("%1 resources do not sync yet.").arg(serverType));
    return k->remove(db, id, serverVersion);
}

Result<QVariantMap> SyncResources::serverValues(Database &db, const QString &outboxType,
                                                const QJsonObject &resource)
{
    const Kind *k = byOutboxType(outboxType);
    if (!k)
        return fail(tr("%1 records do not sync yet.").arg(outboxType));
    return k->serverValues(db, resource);
}

Result<QVariantMap> SyncResources::localValues(Database &db, const QString &outboxType,
                                               const QString &id)
{
    const Kind *k = byOutboxType(outboxType);
    if (!k)
        return fail(tr("%1 records do not sync yet.").arg(outboxType));
    return k->localValues(db, id);
}

Status SyncResources::applyValues(Database &db, const QString &outboxType, const QString &id,
                                  const QVariantMap &values, qint64 serverVersion)
{
    const Kind *k = byOutboxType(outboxType);
    if (!k)
        return fail(tr("%1 records do not sync yet.").arg(outboxType));
    return k->applyValues(db, id, values, serverVersion);
}

Status SyncResources::queueAgain(Database &db, const QString &outboxType, const QString &id,
                                 const QString &actor)
{
    const QString table = tableOf(outboxType);
    if (table.isEmpty())
        return fail(tr("%1 records do not sync yet.").arg(outboxType));
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

} // namespace frontdesk
