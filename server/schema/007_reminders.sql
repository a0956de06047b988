-- Reminder rules (`frontdesk-server reminders`, server/automation): for one appointment type,
-- or every type when appointment_type is '', a reminder offset_minutes before the start, its
-- text from the synced template named template_name or else the rule's own body (both with the
-- template placeholders); a paused rule (active = 0) makes nothing. Kept at the server only: an
-- administrator on the server machine manages them, as the staff accounts.
CREATE TABLE reminder_rules (
    id TEXT PRIMARY KEY NOT NULL,
    appointment_type TEXT NOT NULL DEFAULT '',
    offset_minutes INTEGER NOT NULL CHECK (offset_minutes > 0),
    template_name TEXT NOT NULL DEFAULT '',
    body TEXT NOT NULL DEFAULT '',
    active INTEGER NOT NULL DEFAULT 1,
    created_at {{int64}} NOT NULL,
    updated_at {{int64}} NOT NULL,
    CHECK (template_name <> '' OR body <> '')
);

-- Every reminder a rule made (or decided not to make) for one appointment at one start time.
-- The key is what makes it exactly once across the server processes sharing the database; a
-- rescheduled appointment has another start, so it gets a new reminder. outcome: queued (record
-- the Communication), task (the patient wants a call or letter: record the Task), skipped
-- (reason says why: opted out, no number, booked after the reminder's time ...).
CREATE TABLE reminders_made (
    appointment_id TEXT NOT NULL,
    rule_id TEXT NOT NULL,
    start_ms {{int64}} NOT NULL,
    made_at {{int64}} NOT NULL,
    outcome TEXT NOT NULL CHECK (outcome IN ('queued', 'task', 'skipped')),
    record_type TEXT NOT NULL DEFAULT '',
    record_id TEXT NOT NULL DEFAULT '',
    reason TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (appointment_id, rule_id, start_ms)
);
CREATE INDEX reminders_made_rule ON reminders_made(rule_id);
