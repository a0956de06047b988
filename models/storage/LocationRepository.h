#pragma once

#include "domain/Location.h"
#include "storage/Repository.h"

namespace frontdesk {

class LocationRepository : public Repository<Location>
{
    Q_DECLARE_TR_FUNCTIONS(LocationRepository)
public:
    explicit LocationRepository(Database &db);
    Result<QList<Location>> active() const;
    static RecordStore::Table table();

protected:
    QVariantMap toValues(const Location &l) const override;
    Location fromRecord(const QSqlRecord &r) const override;
    Status validate(const Location &l) const override;
};

} // namespace frontdesk
