-- Staff accounts, their local credentials, and the audit trail's tail checkpoint.

-- Staff accounts of this workstation. Local-only for now: they are not queued in the outbox.
-- When a server is connected it becomes the authority for accounts and roles and feeds this
-- table; the roles are the names models/access/Role.h knows.
CREATE TABLE staff_accounts (
    id TEXT PRIMARY KEY NOT NULL,
    username TEXT NOT NULL UNIQUE COLLATE NOCASE,
    display_name TEXT NOT NULL DEFAULT '',
    role TEXT NOT NULL CHECK (role IN ('receptionist', 'nurse', 'manager', 'admin')),
    active INTEGER NOT NULL DEFAULT 1,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);

-- Secrets and lock-out state: never synced, never exported, never in the audit trail.
-- password_hash is libsodium's crypto_pwhash_str (Argon2id) string.
CREATE TABLE staff_credentials (
    account_id TEXT PRIMARY KEY NOT NULL REFERENCES staff_accounts(id),
    password_hash TEXT NOT NULL,
    password_changed_at INTEGER NOT NULL,
    failed_attempts INTEGER NOT NULL DEFAULT 0,
    locked_until INTEGER NOT NULL DEFAULT 0
);

-- The chain's tail as of the last append, kept beside the chain: removing the newest entries
-- leaves no gap in seq, but it leaves the chain shorter than this checkpoint says.
CREATE TABLE audit_checkpoint (
    id INTEGER PRIMARY KEY NOT NULL CHECK (id = 1),
    last_seq INTEGER NOT NULL,
    last_hash TEXT NOT NULL,
    entries INTEGER NOT NULL
);

INSERT INTO audit_checkpoint (id, last_seq, last_hash, entries)
SELECT 1,
       coalesce((SELECT max(seq) FROM audit_log), 0),
       coalesce((SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1),
                '0000000000000000000000000000000000000000000000000000000000000000'),
       (SELECT count(*) FROM audit_log);

CREATE TRIGGER audit_log_checkpoint AFTER INSERT ON audit_log
BEGIN
    UPDATE audit_checkpoint SET last_seq = NEW.seq, last_hash = NEW.hash, entries = entries + 1
    WHERE id = 1;
END;

CREATE TRIGGER audit_checkpoint_no_delete BEFORE DELETE ON audit_checkpoint
BEGIN
    SELECT RAISE(ABORT, 'the audit checkpoint cannot be removed');
END;

CREATE INDEX audit_log_actor ON audit_log(actor, seq);
CREATE INDEX audit_log_recorded ON audit_log(recorded_at);
