-- Workstations an administrator enrolled (POST /auth/enroll). Each syncs with its own
-- credential: the id and a long random secret shown once, kept here only as its SHA-256 (the
-- secret is 256 random bits, so a slow hash would add nothing). A revoked workstation keeps its
-- row, so the trail's references to it stay readable; revoked_at = 0 means active.
CREATE TABLE workstations (
    id TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    secret_hash TEXT NOT NULL,
    enrolled_by TEXT NOT NULL REFERENCES staff_accounts(id),
    enrolled_at {{int64}} NOT NULL,
    last_seen_at {{int64}} NOT NULL DEFAULT 0,
    revoked_at {{int64}} NOT NULL DEFAULT 0
);

-- Bearer tokens of workstations (POST /auth/token), as SHA-256 like the staff's auth_tokens.
CREATE TABLE workstation_tokens (
    token_hash TEXT PRIMARY KEY NOT NULL,
    workstation_id TEXT NOT NULL REFERENCES workstations(id),
    issued_at {{int64}} NOT NULL,
    expires_at {{int64}} NOT NULL
);
CREATE INDEX workstation_tokens_expiry ON workstation_tokens(expires_at);
CREATE INDEX workstation_tokens_workstation ON workstation_tokens(workstation_id);
