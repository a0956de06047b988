#include "EncounterRepository.h"

#include "storage/ColumnValues.h"

namespace frontdesk {

RecordStore::Table EncounterRepository::table()
{
    return {QStringLiteral("encounters"),
            QStringLiteral("Encounter"),
            {QStringLiteral("patient_id"), QStringLiteral("status"), QStringLiteral("class_code"),
             QStringLiteral("type_system"), QStringLiteral("type_code"),
             QStringLiteral("type_display"), QStringLiteral("reason"),
             QStringLiteral("practitioner_name"), QStringLiteral("start_at"),
             QStringLiteral("end_at"), QStringLiteral("notes")},
            QStringLiteral("patient_id")};
}

EncounterRepository::EncounterRepository(Database &db) : Repository(db, table()) {}

QVariantMap EncounterRepository::toValues(const Encounter &r) const
{
    return {{QStringLiteral("patient_id"), r.patientId},
            {QStringLiteral("status"), r.status},
            {QStringLiteral("class_code"), r.classCode},
            {QStringLiteral("type_system"), r.type.system},
            {QStringLiteral("type_code"), r.type.code},
            {QStringLiteral("type_display"), r.type.display},
            {QStringLiteral("reason"), r.reason},
            {QStringLiteral("practitioner_name"), r.practitionerName},
            {QStringLiteral("start_at"), columns::fromTime(r.start)},
            {QStringLiteral("end_at"), columns::fromTime(r.end)},
            {QStringLiteral("notes"), r.notes}};
}

Encounter EncounterRepository::fromRecord(const QSqlRecord &rec) const
{
    Encounter x;
    x.meta = RecordStore::metaFrom(rec);
    x.patientId = rec.value(QStringLiteral("patient_id")).toString();
    x.status = rec.value(QStringLiteral("status")).toString();
    x.classCode = rec.value(QStringLiteral("class_code")).toString();
    x.type.system = rec.value(QStringLiteral("type_system")).toString();
    x.type.code = rec.value(QStringLiteral("type_code")).toString();
    x.type.display = rec.value(QStringLiteral("type_display")).toString();
    x.reason = rec.value(QStringLiteral("reason")).toString();
    x.practitionerName = rec.value(QStringLiteral("practitioner_name")).toString();
    x.start = columns::toTime(rec.value(QStringLiteral("start_at")));
    x.end = columns::toTime(rec.value(QStringLiteral("end_at")));
    x.notes = rec.value(QStringLiteral("notes")).toString();
    return x;
}

Status EncounterRepository::validate(const Encounter &r) const
{
    if (r.patientId.isEmpty())
        return fail(tr("An encounter needs a patient."));
    return {};
}

Result<QList<Encounter>> EncounterRepository::forPatient(const ClinicalAccess &access) const
{
    return selectClinical(access, QStringLiteral("start_at DESC"));
}

} // namespace frontdesk
