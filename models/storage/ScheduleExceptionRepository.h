#pragma once

#include "domain/ScheduleException.h"
#include "storage/Repository.h"

namespace frontdesk {

class ScheduleExceptionRepository : public Repository<ScheduleException>
{
    Q_DECLARE_TR_FUNCTIONS(ScheduleExceptionRepository)
public:
    explicit ScheduleExceptionRepository(Database &db);
    // Live exceptions overlapping [fromUtc, toUtc): the practitioner's and the clinic-wide
    // ones (practitionerId empty: every practitioner's).
    Result<QList<ScheduleException>> between(const QDateTime &fromUtc, const QDateTime &toUtc,
                                             const QString &practitionerId = {}) const;
    static RecordStore::Table table();

protected:
    QVariantMap toValues(const ScheduleException &e) const override;
    ScheduleException fromRecord(const QSqlRecord &r) const override;
    Status validate(const ScheduleException &e) const override;
};

} // namespace frontdesk
