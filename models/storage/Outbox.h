#pragma once

#include "core/Result.h"

#include <QCoreApplication>
#include <QString>

namespace frontdesk {

class Database;

// A local change waiting to be pushed to the server.
struct OutboxEntry
{
    enum class Operation
    {
        Create,
        Update,
        Delete
    };
    qint64 seq = 0;
    QString requestId;
    QString resourceType;
    QString resourceId;
    Operation operation = Operation::Create;
    QString baseVersion;
    qint64 localVersion = 0;
    qint64 createdAt = 0;
    int attempts = 0;

    static QString operationName(Operation op);
};

class Outbox
{
    Q_DECLARE_TR_FUNCTIONS(Outbox)
public:
    explicit Outbox(Database &db) : m_db(db) {}

    // Joins the caller's transaction; request ids are made here and never change.
    Status enqueue(OutboxEntry entry);
    // The records with changes waiting, as a person counts them: a record edited three times is
    // one, and a status change's Provenance or a photo's Binary is part of its appointment or
    // patient, not a record of its own (README "Sync").
    Result<qint64> waitingRecords() const;

private:
    Database &m_db;
};

} // namespace frontdesk
