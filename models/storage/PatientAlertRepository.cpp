#include "PatientAlertRepository.h"

#include "storage/ColumnValues.h"

namespace frontdesk {

RecordStore::Table PatientAlertRepository::table()
{
    return {QStringLiteral("patient_alerts"),
            QStringLiteral("Flag"),
            {QStringLiteral("patient_id"), QStringLiteral("severity"), QStringLiteral("text"),
             QStringLiteral("active")},
            QStringLiteral("patient_id")};
}

PatientAlertRepository::PatientAlertRepository(Database &db) : Repository(db, table()) {}

QVariantMap PatientAlertRepository::toValues(const PatientAlert &r) const
{
    return {{QStringLiteral("patient_id"), r.patientId},
            {QStringLiteral("severity"), r.severity},
            {QStringLiteral("text"), r.text},
            {QStringLiteral("active"), r.active ? 1 : 0}};
}

PatientAlert PatientAlertRepository::fromRecord(const QSqlRecord &rec) const
{
    PatientAlert x;
    x.meta = RecordStore::metaFrom(rec);
    x.patientId = rec.value(QStringLiteral("patient_id")).toString();
    x.severity = rec.value(QStringLiteral("severity")).toString();
    x.text = rec.value(QStringLiteral("text")).toString();
    x.active = rec.value(QStringLiteral("active")).toInt() != 0;
    return x;
}

Status PatientAlertRepository::validate(const PatientAlert &r) const
{
    return r.validate();
}

Result<QList<PatientAlert>> PatientAlertRepository::forPatient(const QString &patientId) const
{
    return select(QStringLiteral("WHERE patient_id = ? AND deleted = 0 ORDER BY CASE severity WHEN "
                                 "'high' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, created_at"),
                  {patientId});
}

} // namespace frontdesk
