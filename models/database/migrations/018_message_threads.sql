-- What the Messages view needs to show a conversation per patient (issue 18), all synced with
-- the message as extensions of its Communication:
--   author_id, author_name   the staff member who composed it (their account id and the name
--                            they had then); empty for an automated or inbound message
--   read_at                  when a person read an inbound message (UTC ms); NULL: unread. An
--                            outbound message is read by definition, a handled reply too
--   assigned_to, assigned_name  the staff member the conversation is assigned to; the newest
--                            message of a patient that names one says who
--   template_name, rule_name the template or server automation rule that made it
-- Plain new columns: SQLite 3.15 adds them without rebuilding the table.
ALTER TABLE messages ADD COLUMN author_id TEXT NOT NULL DEFAULT '';
ALTER TABLE messages ADD COLUMN author_name TEXT NOT NULL DEFAULT '';
ALTER TABLE messages ADD COLUMN read_at INTEGER;
ALTER TABLE messages ADD COLUMN assigned_to TEXT NOT NULL DEFAULT '';
ALTER TABLE messages ADD COLUMN assigned_name TEXT NOT NULL DEFAULT '';
ALTER TABLE messages ADD COLUMN template_name TEXT NOT NULL DEFAULT '';
ALTER TABLE messages ADD COLUMN rule_name TEXT NOT NULL DEFAULT '';
