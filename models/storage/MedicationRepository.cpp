#include "MedicationRepository.h"

#include "storage/ColumnValues.h"

namespace frontdesk {

RecordStore::Table MedicationRepository::table()
{
    return {QStringLiteral("medications"),
            QStringLiteral("MedicationStatement"),
            {QStringLiteral("patient_id"), QStringLiteral("encounter_id"),
             QStringLiteral("code_system"), QStringLiteral("code"), QStringLiteral("display"),
             QStringLiteral("status"), QStringLiteral("dosage"), QStringLiteral("asserted_at")},
            QStringLiteral("patient_id")};
}

MedicationRepository::MedicationRepository(Database &db) : Repository(db, table()) {}

QVariantMap MedicationRepository::toValues(const Medication &r) const
{
    QVariantMap values{{QStringLiteral("patient_id"), r.patientId},
                       {QStringLiteral("encounter_id"), r.encounterId},
                       {QStringLiteral("status"), r.status},
                       {QStringLiteral("dosage"), r.dosage},
                       {QStringLiteral("asserted_at"), columns::fromTime(r.asserted)}};
    columns::putCode(values, r.code);
    return values;
}

Medication MedicationRepository::fromRecord(const QSqlRecord &rec) const
{
    Medication x;
    x.meta = RecordStore::metaFrom(rec);
    x.patientId = rec.value(QStringLiteral("patient_id")).toString();
    x.encounterId = rec.value(QStringLiteral("encounter_id")).toString();
    x.code = columns::toCode(rec);
    x.status = rec.value(QStringLiteral("status")).toString();
    x.dosage = rec.value(QStringLiteral("dosage")).toString();
    x.asserted = columns::toTime(rec.value(QStringLiteral("asserted_at")));
    return x;
}

Status MedicationRepository::validate(const Medication &r) const
{
    if (r.patientId.isEmpty() || r.code.display.trimmed().isEmpty())
        return fail(tr("A medication needs a patient and a name."));
    return {};
}

Result<QList<Medication>> MedicationRepository::forPatient(const ClinicalAccess &access) const
{
    return selectClinical(access, QStringLiteral("asserted_at DESC"));
}

} // namespace frontdesk
