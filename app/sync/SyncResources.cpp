#include "SyncResources.h"

#include "fhir/FhirMapping.h"
#include "fhir/ScheduleMapping.h"
#include "storage/AppointmentRepository.h"
#include "storage/LocationRepository.h"
#include "storage/PatientRepository.h"
#include "storage/PractitionerRepository.h"
#include "storage/ScheduleExceptionRepository.h"
#include "storage/ServerCopy.h"

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

template <typename Repo, auto ToFhir, auto FromFhir> struct KindOf
{
    static QString table() { return Repo::table().name; }

    static Result<std::optional<SyncResources::Current>> current(Database &db, const QString &id)
    {
        Repo repo(db);
        auto exists = repo.store().fetch(id);
        if (!exists)
            return fail(exists.error());
        if (!exists->has_value())
            return std::optional<SyncResources::Current>();
        auto record = repo.get(id);
        if (!record)
            return fail(record.error());
        SyncResources::Current c;
        c.meta = record->meta;
        if (!c.meta.deleted) {
            QJsonObject resource = ToFhir(*record);
            resource.insert(QStringLiteral("id"), id);
            c.resource = resource;
        }
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

QJsonObject appointmentToFhir(const Appointment &a)
{
    return ScheduleMapping::toFhir(a, false);
}
QJsonObject patientToFhir(const Patient &p)
{
    return FhirMapping::toFhir(p);
}
QJsonObject practitionerToFhir(const Practitioner &p)
{
    return ScheduleMapping::toFhir(p);
}
QJsonObject locationToFhir(const Location &l)
{
    return ScheduleMapping::toFhir(l);
}
QJsonObject timeOffToFhir(const ScheduleException &e)
{
    return ScheduleMapping::toFhir(e);
}

const Kind kKinds[] = {
    KindOf<PatientRepository, patientToFhir, FhirMapping::patientFromFhir>::kind("Patient",
                                                                                 "Patient"),
    KindOf<PractitionerRepository, practitionerToFhir, ScheduleMapping::practitionerFromFhir>::kind(
        "Practitioner", "Practitioner"),
    KindOf<LocationRepository, locationToFhir, ScheduleMapping::locationFromFhir>::kind("Location",
                                                                                        "Location"),
    KindOf<AppointmentRepository, appointmentToFhir, ScheduleMapping::appointmentFromFhir>::kind(
        "Appointment", "Appointment"),
    KindOf<ScheduleExceptionRepository, timeOffToFhir, ScheduleMapping::timeOffFromFhir>::kind(
        "Slot", "Slot"),
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
    return k->current(db, id);
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

} // namespace frontdesk
