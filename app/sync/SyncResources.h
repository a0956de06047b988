#pragma once

#include "core/Result.h"
#include "domain/RecordMeta.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>
#include <QVariantMap>

#include <optional>

namespace frontdesk {

class Database;

// The records the sync engine exchanges today, each between its table and its FHIR form
// (models/fhir): Patient, Appointment, Practitioner, Location, time off as Slot, appointment
// types as HealthcareService, working hours as PractitionerRole, status changes as Provenance,
// recalls as Task and messages as Communication. Records of the other outbox types stay in the
// outbox, waiting, until the engine exchanges them too.
class SyncResources
{
    Q_DECLARE_TR_FUNCTIONS(SyncResources)
public:
    // The server's resource type for an outbox resource type; empty when it does not sync yet.
    static QString serverType(const QString &outboxType);
    // The outbox resource type of a server resource type; empty when it does not sync yet.
    static QString localType(const QString &serverType);
    static QStringList outboxTypes();

    struct Current
    {
        RecordMeta meta;
        std::optional<QJsonObject> resource; // nullopt: a tombstone
    };
    // The record as it is now, in its FHIR form; nullopt when the table has no such id.
    static Result<std::optional<Current>> current(Database &db, const QString &outboxType,
                                                  const QString &id);
    // Writes what the server holds (ServerCopy); refused with a message
    // naming what is wrong when the resource is not what the mapping reads.
    static Status apply(Database &db, const QString &serverType, const QString &id,
                        const QJsonObject &resource, qint64 serverVersion);
    static Status applyDelete(Database &db, const QString &serverType, const QString &id,
                              qint64 serverVersion);
    // The SQL table of an outbox resource type (from its repository), for the bookkeeping
    // columns the engine sets directly.
    static QString tableOf(const QString &outboxType);

    // For the three-way merge after a 412: a record's columns as a local save writes them, from
    // a FHIR resource (the server's version, or the base copy) or from the table (this
    // workstation's); and the merged columns written as the server's version.
    static Result<QVariantMap> serverValues(Database &db, const QString &outboxType,
                                            const QJsonObject &resource);
    static Result<QVariantMap> localValues(Database &db, const QString &outboxType,
                                           const QString &id);
    static Status applyValues(Database &db, const QString &outboxType, const QString &id,
                              const QVariantMap &values, qint64 serverVersion);
    // The record as it is here, queued to go to the server again on top of the server version
    // it names now (If-Match), for actor (the staff member the change is made for); pending.
    static Status queueAgain(Database &db, const QString &outboxType, const QString &id,
                             const QString &actor);
};

} // namespace frontdesk
