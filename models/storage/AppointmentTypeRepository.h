#pragma once

#include "domain/AppointmentType.h"
#include "storage/Repository.h"

namespace frontdesk {

class AppointmentTypeRepository : public Repository<AppointmentType>
{
    Q_DECLARE_TR_FUNCTIONS(AppointmentTypeRepository)
public:
    explicit AppointmentTypeRepository(Database &db);
    Result<QList<AppointmentType>> active() const;
    // The live type with this code, if any.
    Result<std::optional<AppointmentType>> byCode(const QString &code) const;
    static RecordStore::Table table();

protected:
    QVariantMap toValues(const AppointmentType &t) const override;
    AppointmentType fromRecord(const QSqlRecord &r) const override;
    Status validate(const AppointmentType &t) const override;
};

} // namespace frontdesk
