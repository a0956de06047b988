#include "ObservationRepository.h"

#include "storage/ColumnValues.h"

namespace frontdesk {

RecordStore::Table ObservationRepository::table()
{
    return {QStringLiteral("observations"),
            QStringLiteral("Observation"),
            {QStringLiteral("patient_id"), QStringLiteral("encounter_id"),
             QStringLiteral("category"), QStringLiteral("code_system"), QStringLiteral("code"),
             QStringLiteral("display"), QStringLiteral("value_number"),
             QStringLiteral("value_text"), QStringLiteral("unit"), QStringLiteral("status"),
             QStringLiteral("effective_at")},
            QStringLiteral("patient_id")};
}

ObservationRepository::ObservationRepository(Database &db) : Repository(db, table()) {}

QVariantMap ObservationRepository::toValues(const Observation &r) const
{
    QVariantMap values{{QStringLiteral("patient_id"), r.patientId},
                       {QStringLiteral("encounter_id"), r.encounterId},
                       {QStringLiteral("category"), r.category},
                       {QStringLiteral("value_number"), columns::fromNumber(r.valueNumber)},
                       {QStringLiteral("value_text"), r.valueText},
                       {QStringLiteral("unit"), r.unit},
                       {QStringLiteral("status"), r.status},
                       {QStringLiteral("effective_at"), columns::fromTime(r.effective)}};
    columns::putCode(values, r.code);
    return values;
}

Observation ObservationRepository::fromRecord(const QSqlRecord &rec) const
{
    Observation x;
    x.meta = RecordStore::metaFrom(rec);
    x.patientId = rec.value(QStringLiteral("patient_id")).toString();
    x.encounterId = rec.value(QStringLiteral("encounter_id")).toString();
    x.category = rec.value(QStringLiteral("category")).toString();
    x.code = columns::toCode(rec);
    x.valueNumber = columns::toNumber(rec.value(QStringLiteral("value_number")));
    x.valueText = rec.value(QStringLiteral("value_text")).toString();
    x.unit = rec.value(QStringLiteral("unit")).toString();
    x.status = rec.value(QStringLiteral("status")).toString();
    x.effective = columns::toTime(rec.value(QStringLiteral("effective_at")));
    return x;
}

Status ObservationRepository::validate(const Observation &r) const
{
    if (r.patientId.isEmpty() || r.code.display.trimmed().isEmpty())
        return fail(tr("An observation needs a patient and a name."));
    return {};
}

Result<QList<Observation>> ObservationRepository::forPatient(const ClinicalAccess &access) const
{
    return selectClinical(access, QStringLiteral("effective_at DESC"));
}

} // namespace frontdesk
