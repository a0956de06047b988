#pragma once

#include "domain/StatusChange.h"
#include "storage/Repository.h"

namespace frontdesk {

// appointment_status_history: insert-only rows, one per status change or revert.
class StatusHistoryRepository : public Repository<StatusChange>
{
    Q_DECLARE_TR_FUNCTIONS(StatusHistoryRepository)
public:
    explicit StatusHistoryRepository(Database &db);
    // In the order the changes were made.
    Result<QList<StatusChange>> forAppointment(const QString &appointmentId) const;
    // appointment id -> its history, for the appointments given.
    Result<QHash<QString, QList<StatusChange>>> forAppointments(const QStringList &ids) const;
    static RecordStore::Table table();

protected:
    QVariantMap toValues(const StatusChange &c) const override;
    StatusChange fromRecord(const QSqlRecord &r) const override;
    Status validate(const StatusChange &c) const override;
};

} // namespace frontdesk
