-- Scheduling: appointment types, practitioner/clinic exceptions, the status history of
-- appointments, recurring series and the waitlist. SQLite 3.15: ADD COLUMN only.
-- All times are UTC milliseconds; local rules (weekday, minute of day) are in the clinic's
-- time zone (settings key clinic_time_zone).

-- What can be booked: appointments.type holds the code.
CREATE TABLE appointment_types (
    id TEXT PRIMARY KEY NOT NULL,
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    default_minutes INTEGER NOT NULL DEFAULT 15 CHECK (default_minutes BETWEEN 5 AND 1440),
    color TEXT NOT NULL DEFAULT '',
    active INTEGER NOT NULL DEFAULT 1,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    server_version TEXT,
    sync_state TEXT NOT NULL DEFAULT 'pending',
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX appointment_types_code ON appointment_types(code) WHERE deleted = 0;

-- The built-in types carry the same fixed ids on every workstation, so there is nothing to
-- push for them; they are 'synced' from the start.
INSERT INTO appointment_types (id, code, name, default_minutes, color, created_at, updated_at, sync_state)
VALUES ('00000000-0000-4000-8000-000000000001', 'consultation', 'Consultation', 15, '#4e79a7', 0, 0, 'synced');
INSERT INTO appointment_types (id, code, name, default_minutes, color, created_at, updated_at, sync_state)
VALUES ('00000000-0000-4000-8000-000000000002', 'follow-up', 'Follow-up', 15, '#59a14f', 0, 0, 'synced');
INSERT INTO appointment_types (id, code, name, default_minutes, color, created_at, updated_at, sync_state)
VALUES ('00000000-0000-4000-8000-000000000003', 'check-up', 'Check-up', 30, '#f28e2b', 0, 0, 'synced');
INSERT INTO appointment_types (id, code, name, default_minutes, color, created_at, updated_at, sync_state)
VALUES ('00000000-0000-4000-8000-000000000004', 'vaccination', 'Vaccination', 15, '#76b7b2', 0, 0, 'synced');
INSERT INTO appointment_types (id, code, name, default_minutes, color, created_at, updated_at, sync_state)
VALUES ('00000000-0000-4000-8000-000000000005', 'procedure', 'Procedure', 45, '#e15759', 0, 0, 'synced');

-- Time a practitioner (or, with practitioner_id NULL, the whole clinic) cannot be booked:
-- holidays, leave, blocked time. [start_at, end_at) in UTC.
CREATE TABLE schedule_exceptions (
    id TEXT PRIMARY KEY NOT NULL,
    practitioner_id TEXT REFERENCES practitioners(id),
    kind TEXT NOT NULL DEFAULT 'blocked' CHECK (kind IN ('holiday', 'leave', 'blocked')),
    start_at INTEGER NOT NULL,
    end_at INTEGER NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    server_version TEXT,
    sync_state TEXT NOT NULL DEFAULT 'pending',
    deleted INTEGER NOT NULL DEFAULT 0,
    CHECK (end_at > start_at)
);
CREATE INDEX schedule_exceptions_practitioner ON schedule_exceptions(practitioner_id, start_at);
CREATE INDEX schedule_exceptions_start ON schedule_exceptions(start_at);

-- A recurring series: the rule it was expanded from. Occurrences are ordinary appointments
-- that point here through appointments.series_id.
CREATE TABLE appointment_series (
    id TEXT PRIMARY KEY NOT NULL,
    frequency TEXT NOT NULL CHECK (frequency IN ('weekly', 'monthly')),
    interval_count INTEGER NOT NULL DEFAULT 1 CHECK (interval_count BETWEEN 1 AND 52),
    first_local_date TEXT NOT NULL,
    local_start_minute INTEGER NOT NULL,
    minutes INTEGER NOT NULL,
    until_date TEXT NOT NULL DEFAULT '',
    occurrence_count INTEGER NOT NULL DEFAULT 0,
    time_zone TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    server_version TEXT,
    sync_state TEXT NOT NULL DEFAULT 'pending',
    deleted INTEGER NOT NULL DEFAULT 0
);

ALTER TABLE appointments ADD COLUMN series_id TEXT REFERENCES appointment_series(id);
CREATE INDEX appointments_series ON appointments(series_id, start_at);

-- Every status change of an appointment, never rewritten: a mistaken change is undone by a
-- new row that names it in reverts_id, so the history keeps both. Rows are insert-only and
-- sync as their own resource (they can never conflict).
CREATE TABLE appointment_status_history (
    id TEXT PRIMARY KEY NOT NULL,
    appointment_id TEXT NOT NULL REFERENCES appointments(id),
    patient_id TEXT NOT NULL DEFAULT '',
    from_status TEXT NOT NULL DEFAULT '',
    to_status TEXT NOT NULL,
    changed_at INTEGER NOT NULL,
    changed_by TEXT NOT NULL DEFAULT '',
    reason TEXT NOT NULL DEFAULT '',
    cancelled_by TEXT NOT NULL DEFAULT '' CHECK (cancelled_by IN ('', 'patient', 'clinic')),
    reverts_id TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    server_version TEXT,
    sync_state TEXT NOT NULL DEFAULT 'pending',
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX appointment_status_history_appointment
    ON appointment_status_history(appointment_id, changed_at);

-- Patients waiting for an earlier slot. preferred_weekdays: e.g. '1,3,5' (Monday=1; empty:
-- any day); earliest/latest_minute: the time-of-day window in the clinic's zone.
CREATE TABLE waitlist (
    id TEXT PRIMARY KEY NOT NULL,
    patient_id TEXT NOT NULL REFERENCES patients(id),
    practitioner_id TEXT REFERENCES practitioners(id),
    type TEXT NOT NULL DEFAULT 'consultation',
    minutes INTEGER NOT NULL DEFAULT 15,
    preferred_weekdays TEXT NOT NULL DEFAULT '',
    earliest_minute INTEGER NOT NULL DEFAULT 0,
    latest_minute INTEGER NOT NULL DEFAULT 1440,
    not_after INTEGER NOT NULL DEFAULT 0,
    note TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'waiting' CHECK (status IN ('waiting', 'booked', 'removed')),
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    server_version TEXT,
    sync_state TEXT NOT NULL DEFAULT 'pending',
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX waitlist_status ON waitlist(status, created_at);
