-- The clinic's shared settings (ClinicSettingsMapping::keys(): name, phone, time zone, quiet
-- hours, ...) travel as one record, Organization/clinic (issue 17). Their values stay in
-- `settings`, where everything reads them; this row is the record's bookkeeping for the sync
-- engine: its version here, the server's version, and its sync state.
-- IF NOT EXISTS: the migration tests take a database back to an older version (deleting
-- schema_version rows) and migrate it again.
CREATE TABLE IF NOT EXISTS clinic_settings_sync (
    id TEXT PRIMARY KEY NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    server_version TEXT,
    sync_state TEXT NOT NULL DEFAULT 'pending',
    deleted INTEGER NOT NULL DEFAULT 0,
    updated_at INTEGER NOT NULL DEFAULT 0
);
