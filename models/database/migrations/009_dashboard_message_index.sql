-- The dashboard (issue #9) reads every outbound message of half a year by sent_at: who it went
-- to, about which appointment, its purpose and status. Through messages_sent each of those
-- rows cost a seek into the table; this index holds all the columns that read needs, so it is
-- one pass over the index. It starts with sent_at, so it also serves everything messages_sent
-- did, which it replaces.
CREATE INDEX messages_sent_summary
    ON messages(sent_at, direction, deleted, status, purpose, patient_id, appointment_id);
DROP INDEX messages_sent;
