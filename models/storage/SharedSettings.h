#pragma once

#include "core/Result.h"
#include "domain/RecordMeta.h"
#include "fhir/ClinicSettingsMapping.h"

#include <QCoreApplication>

namespace frontdesk {

class Database;

// The clinic's shared settings as one synced record, Organization/clinic (issue 17): a change
// of one of ClinicSettingsMapping::keys() here is queued for the server like any record's, and
// the server's version is written back here. The values live in the `settings` table, where
// every reader finds them; clinic_settings_sync keeps the record's versions and sync state.
// Workstation-only settings (the server address, window geometry) never go through here.
class SharedSettings
{
    Q_DECLARE_TR_FUNCTIONS(SharedSettings)
public:
    explicit SharedSettings(Database &db) : m_db(db) {}

    static QString table() { return QStringLiteral("clinic_settings_sync"); }

    // Whether value may be the shared setting key (ClinicSettingsMapping::keys()): the rule
    // each owner of a setting keeps, in one place for what arrives from the server (the
    // workstation's pull and frontdesk-server alike). An empty value means "not set".
    static Status validate(const QString &key, const QString &value);
    static QString resourceType() { return QStringLiteral("Organization"); }

    // Writes a shared setting (checked by validate(); empty clears it) and queues
    // the clinic's record for the server, in the caller's transaction or its own. Unchanged
    // values queue nothing.
    Status set(const QString &key, const QString &value);
    // A person's change (frontdeskctl settings set): needs ManageSettings, audited as a
    // settings-change with the value before and after, then set().
    Status change(const QString &key, const QString &value);
    // Every shared setting that is set here.
    Result<ClinicSettingsMapping::Values> values() const;
    // The record's bookkeeping; nullopt while nothing was ever set or received.
    Result<std::optional<RecordMeta>> meta() const;
    // The server's version, as it came: every shared key it names is written, every other one
    // cleared; no outbox entry. Refused, writing nothing, when a value breaks its rule.
    Status applyServer(const ClinicSettingsMapping::Values &values, qint64 serverVersion);

private:
    Database &m_db;
};

} // namespace frontdesk
