#pragma once

#include "domain/Message.h"
#include "storage/Repository.h"

namespace frontdesk {

struct MessageRow
{
    Message message;
    QString patientName;
};

class MessageRepository : public Repository<Message>
{
    Q_DECLARE_TR_FUNCTIONS(MessageRepository)
public:
    explicit MessageRepository(Database &db);
    // The newest messages first, with the patient's name.
    Result<QList<MessageRow>> recent(int limit) const;
    // One patient's messages, inbound and outbound, newest first. Reading them is opening the
    // patient's record: checked and audited as such (AccessGuard::openPatient).
    Result<QList<Message>> thread(const QString &patientId);
    static RecordStore::Table table();
    // A row of a SELECT of store().selectList(), for queries of their own (MessageThreads).
    Message messageFrom(const QSqlRecord &record) const { return fromRecord(record); }

protected:
    QVariantMap toValues(const Message &m) const override;
    Message fromRecord(const QSqlRecord &r) const override;
    Status validate(const Message &m) const override;
};

} // namespace frontdesk
