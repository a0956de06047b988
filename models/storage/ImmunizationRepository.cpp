#include "ImmunizationRepository.h"

#include "storage/ColumnValues.h"

namespace frontdesk {

RecordStore::Table ImmunizationRepository::table()
{
    return {QStringLiteral("immunizations"),
            QStringLiteral("Immunization"),
            {QStringLiteral("patient_id"), QStringLiteral("encounter_id"),
             QStringLiteral("code_system"), QStringLiteral("code"), QStringLiteral("display"),
             QStringLiteral("status"), QStringLiteral("occurred_at")},
            QStringLiteral("patient_id")};
}

ImmunizationRepository::ImmunizationRepository(Database &db) : Repository(db, table()) {}

QVariantMap ImmunizationRepository::toValues(const Immunization &r) const
{
    QVariantMap values{{QStringLiteral("patient_id"), r.patientId},
                       {QStringLiteral("encounter_id"), r.encounterId},
                       {QStringLiteral("status"), r.status},
                       {QStringLiteral("occurred_at"), columns::fromTime(r.occurred)}};
    columns::putCode(values, r.vaccine);
    return values;
}

Immunization ImmunizationRepository::fromRecord(const QSqlRecord &rec) const
{
    Immunization x;
    x.meta = RecordStore::metaFrom(rec);
    x.patientId = rec.value(QStringLiteral("patient_id")).toString();
    x.encounterId = rec.value(QStringLiteral("encounter_id")).toString();
    x.vaccine = columns::toCode(rec);
    x.status = rec.value(QStringLiteral("status")).toString();
    x.occurred = columns::toTime(rec.value(QStringLiteral("occurred_at")));
    return x;
}

Status ImmunizationRepository::validate(const Immunization &r) const
{
    if (r.patientId.isEmpty() || r.vaccine.display.trimmed().isEmpty())
        return fail(tr("An immunization needs a patient and a vaccine."));
    return {};
}

Result<QList<Immunization>> ImmunizationRepository::forPatient(const ClinicalAccess &access) const
{
    return selectClinical(access, QStringLiteral("occurred_at DESC"));
}

} // namespace frontdesk
