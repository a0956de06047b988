#include "ConditionRepository.h"

#include "storage/ColumnValues.h"

namespace frontdesk {

RecordStore::Table ConditionRepository::table()
{
    return {QStringLiteral("conditions"),
            QStringLiteral("Condition"),
            {QStringLiteral("patient_id"), QStringLiteral("encounter_id"),
             QStringLiteral("code_system"), QStringLiteral("code"), QStringLiteral("display"),
             QStringLiteral("clinical_status"), QStringLiteral("onset_at"),
             QStringLiteral("abated_at")},
            QStringLiteral("patient_id")};
}

ConditionRepository::ConditionRepository(Database &db) : Repository(db, table()) {}

QVariantMap ConditionRepository::toValues(const Condition &r) const
{
    QVariantMap values{{QStringLiteral("patient_id"), r.patientId},
                       {QStringLiteral("encounter_id"), r.encounterId},
                       {QStringLiteral("clinical_status"), r.clinicalStatus},
                       {QStringLiteral("onset_at"), columns::fromTime(r.onset)},
                       {QStringLiteral("abated_at"), columns::fromTime(r.abatement)}};
    columns::putCode(values, r.code);
    return values;
}

Condition ConditionRepository::fromRecord(const QSqlRecord &rec) const
{
    Condition x;
    x.meta = RecordStore::metaFrom(rec);
    x.patientId = rec.value(QStringLiteral("patient_id")).toString();
    x.encounterId = rec.value(QStringLiteral("encounter_id")).toString();
    x.code = columns::toCode(rec);
    x.clinicalStatus = rec.value(QStringLiteral("clinical_status")).toString();
    x.onset = columns::toTime(rec.value(QStringLiteral("onset_at")));
    x.abatement = columns::toTime(rec.value(QStringLiteral("abated_at")));
    return x;
}

Status ConditionRepository::validate(const Condition &r) const
{
    if (r.patientId.isEmpty() || r.code.display.trimmed().isEmpty())
        return fail(tr("A condition needs a patient and a name."));
    return {};
}

Result<QList<Condition>> ConditionRepository::forPatient(const ClinicalAccess &access) const
{
    return selectClinical(access, QStringLiteral("onset_at DESC"));
}

} // namespace frontdesk
