#pragma once

#include "ResourceStore.h"
#include "core/Result.h"
#include "messaging/ContactPolicy.h"

#include <QCoreApplication>
#include <QJsonObject>

#include <optional>

namespace frontdesk {
class Database;
}

namespace frontdesk::server {

// What frontdesk-server reads and writes on its own (reply words, reminders), as a workstation
// would: every change a new version of the resource, read through the same mapping as a pushed
// one (ResourceTypes), made by author() (FhirJson::changedBy) and recorded in the trail as the
// server's own act. Writes join the caller's transaction.
class AutomatedRecords
{
    Q_DECLARE_TR_FUNCTIONS(AutomatedRecords)
public:
    explicit AutomatedRecords(Database &db) : m_db(db), m_store(db) {}

    static QString author() { return QStringLiteral("frontdesk-server"); }

    Result<std::optional<StoredResource>> current(const QString &type, const QString &id) const;
    // The next version of type/id (a new resource with a fresh id when id is empty), with an
    // audit entry `action` naming why in `detail`.
    Result<StoredResource> save(const QString &type, const QString &id, const QJsonObject &content,
                                const QString &action, const QJsonObject &detail);
    // The current, not deleted resources of a type about this patient.
    Result<QList<StoredResource>> ofPatient(const QString &type, const QString &patientId) const;
    // The current, not deleted resources of a type with this search token.
    Result<QList<StoredResource>> withToken(const QString &type, const QString &param,
                                            const QString &value) const;

    // What the contact rule knows about the patient on this server: the per-purpose preferences
    // and consents. The patient's own preferred channel is not part of the synced Patient, so
    // `wanted` stands for it (the channel a person chose, or the one a reminder would use).
    Result<ContactFacts> contactFacts(const QString &patientId, const QString &wanted) const;

private:
    Database &m_db;
    ResourceStore m_store;
};

} // namespace frontdesk::server
