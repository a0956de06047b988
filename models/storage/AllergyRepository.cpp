#include "AllergyRepository.h"

#include "storage/ColumnValues.h"

namespace frontdesk {

RecordStore::Table AllergyRepository::table()
{
    return {QStringLiteral("allergies"),
            QStringLiteral("AllergyIntolerance"),
            {QStringLiteral("patient_id"), QStringLiteral("code_system"), QStringLiteral("code"),
             QStringLiteral("display"), QStringLiteral("category"), QStringLiteral("criticality"),
             QStringLiteral("clinical_status"), QStringLiteral("reaction"),
             QStringLiteral("recorded_at")},
            QStringLiteral("patient_id")};
}

AllergyRepository::AllergyRepository(Database &db) : Repository(db, table()) {}

QVariantMap AllergyRepository::toValues(const Allergy &r) const
{
    QVariantMap values{{QStringLiteral("patient_id"), r.patientId},
                       {QStringLiteral("category"), r.category},
                       {QStringLiteral("criticality"), r.criticality},
                       {QStringLiteral("clinical_status"), r.clinicalStatus},
                       {QStringLiteral("reaction"), r.reaction},
                       {QStringLiteral("recorded_at"), columns::fromTime(r.recorded)}};
    columns::putCode(values, r.code);
    return values;
}

Allergy AllergyRepository::fromRecord(const QSqlRecord &rec) const
{
    Allergy x;
    x.meta = RecordStore::metaFrom(rec);
    x.patientId = rec.value(QStringLiteral("patient_id")).toString();
    x.code = columns::toCode(rec);
    x.category = rec.value(QStringLiteral("category")).toString();
    x.criticality = rec.value(QStringLiteral("criticality")).toString();
    x.clinicalStatus = rec.value(QStringLiteral("clinical_status")).toString();
    x.reaction = rec.value(QStringLiteral("reaction")).toString();
    x.recorded = columns::toTime(rec.value(QStringLiteral("recorded_at")));
    return x;
}

Status AllergyRepository::validate(const Allergy &r) const
{
    if (r.patientId.isEmpty() || r.code.display.trimmed().isEmpty())
        return fail(tr("An allergy needs a patient and a substance."));
    return {};
}

Result<QList<Allergy>> AllergyRepository::forPatient(const ClinicalAccess &access) const
{
    return selectClinical(access, QStringLiteral("display"));
}

} // namespace frontdesk
