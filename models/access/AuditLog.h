#pragma once

#include "core/Result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

namespace frontdesk {

class Database;

// One audit entry, shaped after FHIR AuditEvent: who (actor), did what (action), to which
// entity, for which patient, with what outcome; detail holds e.g. the changed fields.
struct AuditEntry
{
    qint64 seq = 0;
    QString id;
    qint64 recordedAt = 0;
    QString actor;
    QString actorKind;
    QString action;
    QString entityType;
    QString entityId;
    QString patientId;
    QString outcome = QStringLiteral("success");
    QJsonObject detail;
    QString prevHash;
    QString hash;

    // The bytes the hash covers, in a fixed order: any change to a field changes the hash.
    QByteArray canonical() const;
    QString computeHash() const;
};

// The append-only, hash-chained audit trail. Appends join the caller's transaction, so an
// entry exists exactly when the change it records does.
class AuditLog
{
    Q_DECLARE_TR_FUNCTIONS(AuditLog)
public:
    explicit AuditLog(Database &db) : m_db(db) {}

    static QString genesisHash() { return QString(64, QLatin1Char('0')); }

    // Fills id, time, actor (from the database's current actor) and the chain fields.
    Result<AuditEntry> append(AuditEntry entry);
    // Stores a setting and its audit entry (before and after) in one transaction.
    Status changeSetting(const QString &key, int before, int after);
    Result<qint64> count() const;

private:
    Database &m_db;
};

} // namespace frontdesk
