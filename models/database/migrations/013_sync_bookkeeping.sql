-- What the sync worker keeps besides the outbox (issue 17).
--
-- outbox.actor: the staff member who made the change (their username; '' when nobody signed in
-- made it, e.g. frontdeskctl's first accounts), so the server can check that person's role.
-- outbox.push_id: set on the rows of one push before it is sent, to the request id of its first
-- row; a retry after a timeout or a crash sends exactly those rows again under the same id, so
-- the server applies it once and answers it again instead of seeing a different bundle.
ALTER TABLE outbox ADD COLUMN actor TEXT NOT NULL DEFAULT '';
ALTER TABLE outbox ADD COLUMN push_id TEXT;
CREATE INDEX outbox_push ON outbox(push_id);

-- The server's side of each synced record: the version it last confirmed and its copy at that
-- version (FHIR JSON; '' for a tombstone), the base of a three-way merge when a push meets 412.
-- problem: why the server refused the last push (409, the rule that failed) or what it found
-- changed (412), kept until the record syncs again; the record's sync_state says which.
CREATE TABLE sync_records (
    resource_type TEXT NOT NULL,
    resource_id TEXT NOT NULL,
    server_version INTEGER NOT NULL DEFAULT 0,
    resource TEXT NOT NULL DEFAULT '',
    problem TEXT NOT NULL DEFAULT '',
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (resource_type, resource_id)
);
