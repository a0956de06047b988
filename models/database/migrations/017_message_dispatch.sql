-- What frontdesk-server's dispatch knows of each message, kept here since messages sync as
-- Communication (issues 17 and 18): when the gateway reported it delivered (or an inbound one
-- came), why a failed one did not go out, the SMTP Message-ID or the SMS gateway's id, an
-- inbound message's sender, and the patients a sender's number belongs to when it is not
-- exactly one. Such an inbound message has no patient, so patient_id may be empty now: SQLite
-- 3.15 cannot drop NOT NULL, so the table is made again with the same rows and indexes.
CREATE TABLE messages_v17 (
    id TEXT PRIMARY KEY NOT NULL,
    patient_id TEXT REFERENCES patients(id),
    appointment_id TEXT REFERENCES appointments(id),
    direction TEXT NOT NULL DEFAULT 'outbound',
    channel TEXT NOT NULL DEFAULT 'sms',
    purpose TEXT NOT NULL DEFAULT 'reminder',
    subject TEXT NOT NULL DEFAULT '',
    body TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'queued',
    sent_at INTEGER,
    delivered_at INTEGER,
    failure_reason TEXT NOT NULL DEFAULT '',
    provider_message_id TEXT NOT NULL DEFAULT '',
    from_address TEXT NOT NULL DEFAULT '',
    candidate_patient_ids TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    server_version TEXT,
    sync_state TEXT NOT NULL DEFAULT 'pending',
    deleted INTEGER NOT NULL DEFAULT 0
);
INSERT INTO messages_v17 (id, patient_id, appointment_id, direction, channel, purpose, subject,
                          body, status, sent_at, created_at, updated_at, version, server_version,
                          sync_state, deleted)
SELECT id, patient_id, appointment_id, direction, channel, purpose, subject, body, status,
       sent_at, created_at, updated_at, version, server_version, sync_state, deleted
FROM messages;
DROP TABLE messages;
ALTER TABLE messages_v17 RENAME TO messages;
CREATE INDEX messages_created ON messages(created_at);
CREATE INDEX messages_patient ON messages(patient_id, created_at);
CREATE INDEX messages_sent_summary
    ON messages(sent_at, direction, deleted, status, purpose, patient_id, appointment_id);
