#pragma once

#include "core/Result.h"
#include "domain/RecordMeta.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>
#include <QVariantMap>

#include <functional>
#include <optional>
#include <utility>

namespace frontdesk {

class Database;

// The records the sync engine exchanges, each between its table and its FHIR form
// (models/fhir): Patient, Appointment and waitlist entries (Appointment, status waitlist),
// recurring series as ServiceRequest, Practitioner, Location, time off as Slot, appointment
// types as HealthcareService, working hours as PractitionerRole, status changes as Provenance,
// recalls as Task, messages as Communication, consents and communication preferences as
// Consent, insurance as Coverage, alerts as Flag, the photo as Binary, the clinical record
// (Encounter, Condition, AllergyIntolerance, MedicationStatement, Observation, Immunization),
// message templates as Basic, and the clinic's shared settings as Organization/clinic
// (SharedSettings).
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
    // A server's resource read into this workstation's record, ready to be written (apply).
    // Made without the database, so on any thread: a pull reads each page on a thread of its
    // own while the page before it is written.
    struct Mapped
    {
        QString table;   // the SQL table it goes to; empty when it does not sync
        QString problem; // why it cannot be written here (what the mapping refused)
        std::function<Status(Database &, qint64 serverVersion)> write;
    };
    static Mapped map(const QString &serverType, const QString &id, const QJsonObject &resource);
    // Writes what the server holds (ServerCopy); refused with a message
    // naming what is wrong when the resource is not what the mapping reads.
    static Status apply(Database &db, const Mapped &mapped, qint64 serverVersion);
    static Status apply(Database &db, const QString &serverType, const QString &id,
                        const QJsonObject &resource, qint64 serverVersion);
    static Status applyDelete(Database &db, const QString &serverType, const QString &id,
                              qint64 serverVersion);
    // The SQL table (from its repository) of a record of an outbox resource type, for the
    // bookkeeping columns the engine sets directly: where two tables share a type, the one that
    // holds id, or, given the server's resource, the one whose records it is.
    static QString tableOf(Database &db, const QString &outboxType, const QString &id,
                           const QJsonObject &resource = {});
    // Every synced table with its outbox resource type; each synced table once; the tables of
    // one type.
    static QList<std::pair<QString, QString>> tables();
    static QStringList distinctTables();
    static QStringList tablesOf(const QString &outboxType);

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
    // Records seeded as demo data (sync_state demo, never queued while the workstation stood
    // alone) queued for the server as actor's (the administrator who enrolled it): at most
    // limit of them, in one transaction, kind by kind in the kinds' order (patients and
    // practitioners before the appointments that name them). How many were queued; 0 when
    // none is left.
    static Result<qint64> queueDemoRecords(Database &db, const QString &actor, int limit);
    // The sync_meta key marking that every demo record is queued (DemoSeeder removes it).
    static QString demoQueuedKey() { return QStringLiteral("demo_records_queued"); }
};

} // namespace frontdesk
