-- What a person needs to settle a record the server did not take (issue 17, Conflicts):
-- theirs: the server's version when it last answered for the record (FHIR JSON; '' when the
-- server never had it, or, with theirs_version > 0, when the server deleted it), kept fresh by
-- the pull while the record waits; theirs_version: that version's number (0: none);
-- theirs_by: who made it at the server (the staff member named in meta, '' when not known);
-- mine_by: who made the change here the server refused or met with its own.
ALTER TABLE sync_records ADD COLUMN theirs TEXT NOT NULL DEFAULT '';
ALTER TABLE sync_records ADD COLUMN theirs_version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sync_records ADD COLUMN theirs_by TEXT NOT NULL DEFAULT '';
ALTER TABLE sync_records ADD COLUMN mine_by TEXT NOT NULL DEFAULT '';
