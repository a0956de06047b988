-- frontdesk-server's schema, one script for both databases. Lines between "-- [postgresql]" and
-- "-- [end]" run only on PostgreSQL, between "-- [sqlite]" and "-- [end]" only on the SQLCipher
-- file; {{serial}} is an auto-numbered 64-bit key and {{int64}} a 64-bit integer in each
-- (ServerSchema). All times are UTC milliseconds since the epoch.

-- [postgresql]
-- SQLite's NOCASE, so the account code shared with the workstation (COLLATE NOCASE) runs as is.
CREATE COLLATION IF NOT EXISTS nocase (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
CREATE EXTENSION IF NOT EXISTS btree_gist;
-- [end]

CREATE TABLE settings (
    key TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
);

-- The same accounts as a workstation's (models/access), with the server as their authority.
CREATE TABLE staff_accounts (
    id TEXT PRIMARY KEY NOT NULL,
    username TEXT NOT NULL UNIQUE COLLATE NOCASE,
    display_name TEXT NOT NULL DEFAULT '',
    role TEXT NOT NULL CHECK (role IN ('receptionist', 'nurse', 'manager', 'admin')),
    active INTEGER NOT NULL DEFAULT 1,
    created_at {{int64}} NOT NULL,
    updated_at {{int64}} NOT NULL
);

CREATE TABLE staff_credentials (
    account_id TEXT PRIMARY KEY NOT NULL REFERENCES staff_accounts(id),
    password_hash TEXT NOT NULL,
    password_changed_at {{int64}} NOT NULL,
    failed_attempts INTEGER NOT NULL DEFAULT 0,
    locked_until {{int64}} NOT NULL DEFAULT 0
);

-- The server's own hash-chained trail (models/access/AuditLog), every read and write.
CREATE TABLE audit_log (
    seq {{serial}},
    id TEXT NOT NULL UNIQUE,
    recorded_at {{int64}} NOT NULL,
    actor TEXT NOT NULL,
    actor_kind TEXT NOT NULL,
    action TEXT NOT NULL,
    entity_type TEXT NOT NULL DEFAULT '',
    entity_id TEXT NOT NULL DEFAULT '',
    patient_id TEXT NOT NULL DEFAULT '',
    outcome TEXT NOT NULL DEFAULT 'success',
    detail TEXT NOT NULL DEFAULT '{}',
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE INDEX audit_log_patient ON audit_log(patient_id, seq);
CREATE INDEX audit_log_actor ON audit_log(actor, seq);
CREATE INDEX audit_log_recorded ON audit_log(recorded_at);

CREATE TABLE audit_checkpoint (
    id INTEGER PRIMARY KEY NOT NULL CHECK (id = 1),
    last_seq {{int64}} NOT NULL,
    last_hash TEXT NOT NULL,
    entries {{int64}} NOT NULL
);
INSERT INTO audit_checkpoint (id, last_seq, last_hash, entries)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000', 0);

-- [sqlite]
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
CREATE TRIGGER audit_log_checkpoint AFTER INSERT ON audit_log
BEGIN
    UPDATE audit_checkpoint SET last_seq = NEW.seq, last_hash = NEW.hash, entries = entries + 1
    WHERE id = 1;
END;
-- [end]
-- [postgresql]
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'the audit log is append-only'; END $$;
CREATE OR REPLACE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE FUNCTION audit_log_checkpoint() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN UPDATE audit_checkpoint SET last_seq = NEW.seq, last_hash = NEW.hash, entries = entries + 1 WHERE id = 1; RETURN NEW; END $$;
CREATE OR REPLACE TRIGGER audit_log_checkpoint AFTER INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_checkpoint();
-- [end]

-- Bearer tokens, kept as SHA-256 of the token: every server process on this database accepts
-- a token any of them issued.
CREATE TABLE auth_tokens (
    token_hash TEXT PRIMARY KEY NOT NULL,
    account_id TEXT NOT NULL REFERENCES staff_accounts(id),
    issued_at {{int64}} NOT NULL,
    expires_at {{int64}} NOT NULL
);
CREATE INDEX auth_tokens_expiry ON auth_tokens(expires_at);

-- Sign-in tries per client address, for the rate limit shared by every process.
CREATE TABLE login_attempts (
    id {{serial}},
    remote TEXT NOT NULL,
    attempted_at {{int64}} NOT NULL
);
CREATE INDEX login_attempts_remote ON login_attempts(remote, attempted_at);

-- The one global change sequence. A write takes the next number by updating this row, which
-- holds it until the transaction ends: changes commit in the order of their numbers, so a
-- client that read up to n never misses a change numbered below n.
CREATE TABLE change_sequence (
    id INTEGER PRIMARY KEY NOT NULL CHECK (id = 1),
    value {{int64}} NOT NULL
);
INSERT INTO change_sequence (id, value) VALUES (1, 0);

-- The current version of every resource (deleted ones as tombstones) and every version ever
-- stored, numbered by the change sequence.
CREATE TABLE resources (
    type TEXT NOT NULL,
    id TEXT NOT NULL,
    version_id {{int64}} NOT NULL,
    seq {{int64}} NOT NULL,
    last_updated {{int64}} NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0,
    content TEXT NOT NULL,
    PRIMARY KEY (type, id)
);
CREATE TABLE resource_versions (
    seq {{int64}} PRIMARY KEY NOT NULL,
    type TEXT NOT NULL,
    id TEXT NOT NULL,
    version_id {{int64}} NOT NULL,
    last_updated {{int64}} NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0,
    method TEXT NOT NULL,
    content TEXT NOT NULL,
    UNIQUE (type, id, version_id)
);

-- Search parameters of the current versions: (parameter, value) per resource, values folded as
-- the search folds them.
CREATE TABLE search_tokens (
    type TEXT NOT NULL,
    id TEXT NOT NULL,
    param TEXT NOT NULL,
    value TEXT NOT NULL
);
CREATE INDEX search_tokens_value ON search_tokens(type, param, value);
CREATE INDEX search_tokens_resource ON search_tokens(type, id);

-- The booked time of every current appointment: searched by date, and where the booking rule
-- is enforced (nobody in two places at once; cancelled and no-show appointments and a manager's
-- explicit double-booking free the time).
CREATE TABLE appointment_slots (
    id TEXT PRIMARY KEY NOT NULL,
    patient_id TEXT NOT NULL DEFAULT '',
    practitioner_id TEXT NOT NULL DEFAULT '',
    location_id TEXT NOT NULL DEFAULT '',
    start_ms {{int64}} NOT NULL,
    end_ms {{int64}} NOT NULL,
    status TEXT NOT NULL,
    overridden INTEGER NOT NULL DEFAULT 0,
    CHECK (end_ms > start_ms)
);
CREATE INDEX appointment_slots_start ON appointment_slots(start_ms);
CREATE INDEX appointment_slots_practitioner ON appointment_slots(practitioner_id, start_ms);
CREATE INDEX appointment_slots_patient ON appointment_slots(patient_id, start_ms);
CREATE INDEX appointment_slots_location ON appointment_slots(location_id, start_ms);
-- [postgresql]
ALTER TABLE appointment_slots ADD CONSTRAINT appointment_practitioner_free EXCLUDE USING gist (practitioner_id WITH =, int8range(start_ms, end_ms) WITH &&) WHERE (practitioner_id <> '' AND overridden = 0 AND status NOT IN ('cancelled', 'no-show'));
ALTER TABLE appointment_slots ADD CONSTRAINT appointment_room_free EXCLUDE USING gist (location_id WITH =, int8range(start_ms, end_ms) WITH &&) WHERE (location_id <> '' AND overridden = 0 AND status NOT IN ('cancelled', 'no-show'));
ALTER TABLE appointment_slots ADD CONSTRAINT appointment_patient_free EXCLUDE USING gist (patient_id WITH =, int8range(start_ms, end_ms) WITH &&) WHERE (patient_id <> '' AND overridden = 0 AND status NOT IN ('cancelled', 'no-show'));
-- [end]

-- Transaction bundles already applied, by the request id the client gave: a retried bundle
-- gets the answer of the first try and changes nothing.
CREATE TABLE applied_requests (
    request_id TEXT PRIMARY KEY NOT NULL,
    account_id TEXT NOT NULL,
    applied_at {{int64}} NOT NULL,
    response TEXT NOT NULL
);
