-- The key of the hashes that stand in for clinical free text and message bodies in the trail's
-- entries (models/access/AuditRedaction, fields listed in domain/ClinicalText), as on the
-- workstation (its migration 012): the server appends through the same AuditLog, and an entry
-- about a Condition's or a message's text must be hashed here too, not refused or kept in clear.
-- One row of 32 random bytes, written by the server when the first such entry is made; it never
-- changes, or the hashes already in the trail would no longer match their values.
-- [sqlite]
CREATE TABLE audit_field_key (
    id INTEGER PRIMARY KEY NOT NULL CHECK (id = 1),
    secret BLOB NOT NULL CHECK (length(secret) = 32)
);
CREATE TRIGGER audit_field_key_no_update BEFORE UPDATE ON audit_field_key
BEGIN
    SELECT RAISE(ABORT, 'the audit hashing key cannot be changed');
END;
CREATE TRIGGER audit_field_key_no_delete BEFORE DELETE ON audit_field_key
BEGIN
    SELECT RAISE(ABORT, 'the audit hashing key cannot be removed');
END;
-- INSERT OR REPLACE would swap the key without an update or delete trigger firing.
CREATE TRIGGER audit_field_key_no_replace BEFORE INSERT ON audit_field_key
WHEN EXISTS (SELECT 1 FROM audit_field_key)
BEGIN
    SELECT RAISE(ABORT, 'the audit hashing key cannot be replaced');
END;
-- [end]
-- [postgresql]
CREATE TABLE audit_field_key (
    id INTEGER PRIMARY KEY NOT NULL CHECK (id = 1),
    secret BYTEA NOT NULL CHECK (octet_length(secret) = 32)
);
CREATE FUNCTION audit_field_key_fixed() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'the audit hashing key cannot be changed'; END $$;
CREATE OR REPLACE TRIGGER audit_field_key_no_change BEFORE UPDATE OR DELETE ON audit_field_key FOR EACH ROW EXECUTE FUNCTION audit_field_key_fixed();
-- [end]
