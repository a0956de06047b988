#include "CommunicationPreferenceRepository.h"

#include "storage/ColumnValues.h"

namespace frontdesk {

RecordStore::Table CommunicationPreferenceRepository::table()
{
    return {QStringLiteral("communication_preferences"),
            QStringLiteral("CommunicationRequest"),
            {QStringLiteral("patient_id"), QStringLiteral("purpose"), QStringLiteral("channel"),
             QStringLiteral("opted_out"), QStringLiteral("quiet_start_minute"),
             QStringLiteral("quiet_end_minute")},
            QStringLiteral("patient_id"),
            QStringLiteral("Consent")};
}

CommunicationPreferenceRepository::CommunicationPreferenceRepository(Database &db)
    : Repository(db, table())
{}

QVariantMap CommunicationPreferenceRepository::toValues(const CommunicationPreference &r) const
{
    return {{QStringLiteral("patient_id"), r.patientId},
            {QStringLiteral("purpose"), r.purpose},
            {QStringLiteral("channel"), r.channel},
            {QStringLiteral("opted_out"), r.optedOut ? 1 : 0},
            {QStringLiteral("quiet_start_minute"), r.quietStartMinute},
            {QStringLiteral("quiet_end_minute"), r.quietEndMinute}};
}

CommunicationPreference CommunicationPreferenceRepository::fromRecord(const QSqlRecord &rec) const
{
    CommunicationPreference x;
    x.meta = RecordStore::metaFrom(rec);
    x.patientId = rec.value(QStringLiteral("patient_id")).toString();
    x.purpose = rec.value(QStringLiteral("purpose")).toString();
    x.channel = rec.value(QStringLiteral("channel")).toString();
    x.optedOut = rec.value(QStringLiteral("opted_out")).toInt() != 0;
    x.quietStartMinute = rec.value(QStringLiteral("quiet_start_minute")).toInt();
    x.quietEndMinute = rec.value(QStringLiteral("quiet_end_minute")).toInt();
    return x;
}

Status CommunicationPreferenceRepository::validate(const CommunicationPreference &r) const
{
    return r.validate();
}

Result<QList<CommunicationPreference>>
CommunicationPreferenceRepository::forPatient(const QString &patientId) const
{
    return select(QStringLiteral("WHERE patient_id = ? AND deleted = 0 ORDER BY purpose"),
                  {patientId});
}

} // namespace frontdesk
