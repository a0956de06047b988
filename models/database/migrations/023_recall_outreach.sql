-- Recall outreach and the front desk's worklist (issue 18). A row of recalls is now a recall of
-- the patient or a task for the front desk (kind: call, letter, or offering a freed time), and a
-- recall records when and how the patient was contacted about it (contacted_at UTC ms, the
-- channel: sms, email, call or letter, and the message or task that did it), so that an outreach
-- contacts nobody twice for the same recall. All of it synced with the Task.
-- The table is made again rather than altered: ALTER TABLE ADD COLUMN cannot be run twice, and
-- the migration tests take a database back to an older version and migrate it again (a
-- database taken back so keeps its recalls, not their contacts).
CREATE TABLE IF NOT EXISTS recalls_v23 (
    id TEXT PRIMARY KEY NOT NULL,
    patient_id TEXT NOT NULL REFERENCES patients(id),
    practitioner_id TEXT REFERENCES practitioners(id),
    reason TEXT NOT NULL DEFAULT '',
    due_on TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'cancelled')),
    kind TEXT NOT NULL DEFAULT 'recall' CHECK (kind IN ('recall', 'call', 'letter', 'offer')),
    contacted_at INTEGER,
    contact_channel TEXT NOT NULL DEFAULT '',
    contact_ref TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    server_version TEXT,
    sync_state TEXT NOT NULL DEFAULT 'pending',
    deleted INTEGER NOT NULL DEFAULT 0
);
INSERT INTO recalls_v23 (id, patient_id, practitioner_id, reason, due_on, status, created_at,
                         updated_at, version, server_version, sync_state, deleted)
    SELECT id, patient_id, practitioner_id, reason, due_on, status, created_at, updated_at,
           version, server_version, sync_state, deleted FROM recalls;
DROP TABLE recalls;
ALTER TABLE recalls_v23 RENAME TO recalls;
CREATE INDEX IF NOT EXISTS recalls_status_due ON recalls(status, due_on);
CREATE INDEX IF NOT EXISTS recalls_patient ON recalls(patient_id, due_on);
