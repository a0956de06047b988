-- Every purpose a message is sent for is a communication preference of its own (issue 18):
-- follow-ups, surveys and recalls join reminders, administrative, clinical and marketing, so a
-- patient may opt out of recall outreach alone and a STOP (which the server writes for every
-- purpose) reaches the workstation. Migration 004's CHECK allowed the first four only, so a
-- follow-up or survey preference made by the server could not be pulled. A CHECK cannot be
-- altered: the table is made again (IF NOT EXISTS, so a database taken back runs this again).
CREATE TABLE IF NOT EXISTS communication_preferences_v24 (
    id TEXT PRIMARY KEY NOT NULL,
    patient_id TEXT NOT NULL REFERENCES patients(id),
    purpose TEXT NOT NULL CHECK (purpose IN ('reminder', 'follow-up', 'survey', 'recall',
                                             'administrative', 'clinical', 'marketing')),
    channel TEXT NOT NULL DEFAULT 'sms',
    opted_out INTEGER NOT NULL DEFAULT 0,
    quiet_start_minute INTEGER NOT NULL DEFAULT 0 CHECK (quiet_start_minute BETWEEN 0 AND 1440),
    quiet_end_minute INTEGER NOT NULL DEFAULT 0 CHECK (quiet_end_minute BETWEEN 0 AND 1440),
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    server_version TEXT,
    sync_state TEXT NOT NULL DEFAULT 'pending',
    deleted INTEGER NOT NULL DEFAULT 0
);
INSERT INTO communication_preferences_v24 (id, patient_id, purpose, channel, opted_out,
                                           quiet_start_minute, quiet_end_minute, created_at,
                                           updated_at, version, server_version, sync_state,
                                           deleted)
    SELECT id, patient_id, purpose, channel, opted_out, quiet_start_minute, quiet_end_minute,
           created_at, updated_at, version, server_version, sync_state, deleted
    FROM communication_preferences;
DROP TABLE communication_preferences;
ALTER TABLE communication_preferences_v24 RENAME TO communication_preferences;
CREATE INDEX IF NOT EXISTS communication_preferences_patient
    ON communication_preferences(patient_id, purpose);
