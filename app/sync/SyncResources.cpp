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

struct Kind
{
    const char *outboxType;
    const char *serverType;
};

constexpr Kind kKinds[] = {{"Patient", "Patient"},
                           {"Practitioner", "Practitioner"},
                           {"Location", "Location"},
                           {"Appointment", "Appointment"},
                           {"ScheduleException", "Slot"}};

template <typename Repo, typename ToFhir>
Result<std::optional<SyncResources::Current>> currentOf(Database &db, const QString &id,
                                                        ToFhir toFhir)
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
        QJsonObject resource = toFhir(*record);
        resource.insert(QStringLiteral("id"), id);
        c.resource = resource;
    }
    return std::optional<SyncResources::Current>(c);
}

template <typename Repo, typename FromFhir>
Status applyOf(Database &db, const QString &id, const QJsonObject &resource, qint64 version,
               FromFhir fromFhir)
{
    auto record = fromFhir(resource);
    if (!record)
        return fail(record.error());
    record->meta.id = id;
    return ServerCopyOf<Repo>(db).apply(*record, version);
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
    for (const Kind &k : kKinds) {
        if (serverType == QLatin1String(k.serverType))
            return QString::fromLatin1(k.outboxType);
    }
    return {};
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
    if (outboxType == QLatin1String("Patient"))
        return PatientRepository::table().name;
    if (outboxType == QLatin1String("Practitioner"))
        return PractitionerRepository::table().name;
    if (outboxType == QLatin1String("Location"))
        return LocationRepository::table().name;
    if (outboxType == QLatin1String("Appointment"))
        return AppointmentRepository::table().name;
    if (outboxType == QLatin1String("ScheduleException"))
        return ScheduleExceptionRepository::table().name;
    return {};
}

Result<std::optional<SyncResources::Current>>
SyncResources::current(Database &db, const QString &outboxType, const QString &id)
{
    if (outboxType == QLatin1String("Patient"))
        return currentOf<PatientRepository>(
            db, id, [](const Patient &p) { return FhirMapping::toFhir(p); });
    if (outboxType == QLatin1String("Practitioner"))
        return currentOf<PractitionerRepository>(
            db, id, [](const Practitioner &p) { return ScheduleMapping::toFhir(p); });
    if (outboxType == QLatin1String("Location"))
        return currentOf<LocationRepository>(
            db, id, [](const Location &l) { return ScheduleMapping::toFhir(l); });
    if (outboxType == QLatin1String("Appointment"))
        return currentOf<AppointmentRepository>(
            db, id, [](const Appointment &a) { return ScheduleMapping::toFhir(a, false); });
    if (outboxType == QLatin1String("ScheduleException"))
        return currentOf<ScheduleExceptionRepository>(
            db, id, [](const ScheduleException &e) { return ScheduleMapping::toFhir(e); });
    return fail(tr("%1 records do not sync yet.").arg(outboxType));
}

Status SyncResources::apply(Database &db, const QString &serverType, const QString &id,
                            const QJsonObject &resource, qint64 serverVersion)
{
    if (serverType == QLatin1String("Patient"))
        return applyOf<PatientRepository>(db, id, resource, serverVersion,
                                          &FhirMapping::patientFromFhir);
    if (serverType == QLatin1String("Practitioner"))
        return applyOf<PractitionerRepository>(db, id, resource, serverVersion,
                                               &ScheduleMapping::practitionerFromFhir);
    if (serverType == QLatin1String("Location"))
        return applyOf<LocationRepository>(db, id, resource, serverVersion,
                                           &ScheduleMapping::locationFromFhir);
    if (serverType == QLatin1String("Appointment"))
        return applyOf<AppointmentRepository>(db, id, resource, serverVersion,
                                              &ScheduleMapping::appointmentFromFhir);
    if (serverType == QLatin1String("Slot"))
        return applyOf<ScheduleExceptionRepository>(db, id, resource, serverVersion,
                                                    &ScheduleMapping::timeOffFromFhir);
    return fail(tr("%1 resources do not sync yet.").arg(serverType));
}

Status SyncResources::applyDelete(Database &db, const QString &serverType, const QString &id,
                                  qint64 serverVersion)
{
    if (serverType == QLatin1String("Patient"))
        return ServerCopyOf<PatientRepository>(db).remove(id, serverVersion);
    if (serverType == QLatin1String("Practitioner"))
        return ServerCopyOf<PractitionerRepository>(db).remove(id, serverVersion);
    if (serverType == QLatin1String("Location"))
        return ServerCopyOf<LocationRepository>(db).remove(id, serverVersion);
    if (serverType == QLatin1String("Appointment"))
        return ServerCopyOf<AppointmentRepository>(db).remove(id, serverVersion);
    if (serverType == QLatin1String("Slot"))
        return ServerCopyOf<ScheduleExceptionRepository>(db).remove(id, serverVersion);
    return fail(tr("%1 resources do not sync yet.").arg(serverType));
}

} // namespace frontdesk
