-- Message templates (issue 18): the texts staff compose from and the server's reminders render,
-- synced as FHIR Basic (README "What each record is in FHIR"). Names are kept unique among live
-- templates by MessageTemplateRepository rather than an index: two workstations may name a
-- template alike while apart, and the server's copy must still be stored when it arrives.
-- IF NOT EXISTS: the migration tests take a database back to an older version (deleting
-- schema_version rows) and migrate it again.
CREATE TABLE IF NOT EXISTS message_templates (
    id TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    purpose TEXT NOT NULL DEFAULT 'reminder',
    channel TEXT NOT NULL DEFAULT 'any',
    subject TEXT NOT NULL DEFAULT '',
    body TEXT NOT NULL DEFAULT '',
    active INTEGER NOT NULL DEFAULT 1,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    server_version TEXT,
    sync_state TEXT NOT NULL DEFAULT 'pending',
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS message_templates_name ON message_templates(name);
