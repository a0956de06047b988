#include "CoverageRepository.h"

#include "storage/ColumnValues.h"

namespace frontdesk {

RecordStore::Table CoverageRepository::table()
{
    return {QStringLiteral("coverages"),
            QStringLiteral("Coverage"),
            {QStringLiteral("patient_id"), QStringLiteral("payer"), QStringLiteral("member_id"),
             QStringLiteral("group_id"), QStringLiteral("valid_from"), QStringLiteral("valid_to"),
             QStringLiteral("status"), QStringLiteral("eligibility"),
             QStringLiteral("eligibility_checked_at")},
            QStringLiteral("patient_id")};
}

CoverageRepository::CoverageRepository(Database &db) : Repository(db, table()) {}

QVariantMap CoverageRepository::toValues(const Coverage &r) const
{
    return {{QStringLiteral("patient_id"), r.patientId},
            {QStringLiteral("payer"), r.payer},
            {QStringLiteral("member_id"), r.memberId},
            {QStringLiteral("group_id"), r.groupId},
            {QStringLiteral("valid_from"), columns::fromDate(r.validFrom)},
            {QStringLiteral("valid_to"), columns::fromDate(r.validTo)},
            {QStringLiteral("status"), r.status},
            {QStringLiteral("eligibility"), r.eligibility},
            {QStringLiteral("eligibility_checked_at"), columns::fromTime(r.eligibilityCheckedAt)}};
}

Coverage CoverageRepository::fromRecord(const QSqlRecord &rec) const
{
    Coverage x;
    x.meta = RecordStore::metaFrom(rec);
    x.patientId = rec.value(QStringLiteral("patient_id")).toString();
    x.payer = rec.value(QStringLiteral("payer")).toString();
    x.memberId = rec.value(QStringLiteral("member_id")).toString();
    x.groupId = rec.value(QStringLiteral("group_id")).toString();
    x.validFrom = columns::toDate(rec.value(QStringLiteral("valid_from")));
    x.validTo = columns::toDate(rec.value(QStringLiteral("valid_to")));
    x.status = rec.value(QStringLiteral("status")).toString();
    x.eligibility = rec.value(QStringLiteral("eligibility")).toString();
    x.eligibilityCheckedAt = columns::toTime(rec.value(QStringLiteral("eligibility_checked_at")));
    return x;
}

Status CoverageRepository::validate(const Coverage &r) const
{
    if (r.patientId.isEmpty() || r.payer.trimmed().isEmpty())
        return fail(tr("Insurance needs a patient and a payer."));
    return {};
}

Result<QList<Coverage>> CoverageRepository::forPatient(const QString &patientId) const
{
    return select(QStringLiteral("WHERE patient_id = ? AND deleted = 0 ORDER BY valid_from DESC"),
                  {patientId});
}

} // namespace frontdesk
