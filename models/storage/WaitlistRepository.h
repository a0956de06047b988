#pragma once

#include "domain/WaitlistEntry.h"
#include "storage/Repository.h"

namespace frontdesk {

class WaitlistRepository : public Repository<WaitlistEntry>
{
    Q_DECLARE_TR_FUNCTIONS(WaitlistRepository)
public:
    explicit WaitlistRepository(Database &db);
    // Entries still waiting, longest waiting first.
    Result<QList<WaitlistEntry>> waiting() const;
    static RecordStore::Table table();

protected:
    QVariantMap toValues(const WaitlistEntry &e) const override;
    WaitlistEntry fromRecord(const QSqlRecord &r) const override;
    Status validate(const WaitlistEntry &e) const override;
};

} // namespace frontdesk
