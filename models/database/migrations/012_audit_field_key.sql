-- The key of the hashes that stand in for clinical free text and message bodies in audit
-- entries (access/AuditRedaction, fields listed in domain/ClinicalText). One row of 32 random
-- bytes, written by the application (libsodium) when the first such entry is made. It never
-- changes: the hashes already in the trail would no longer match their values.
--
-- Entries written before this migration are not rewritten and keep the text they held: the
-- trail is append-only and hash-chained, and rewriting them would break the chain that
-- `frontdeskctl audit verify` checks.
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

-- INSERT OR REPLACE would swap the key without an update or delete trigger firing (see 010).
CREATE TRIGGER audit_field_key_no_replace BEFORE INSERT ON audit_field_key
WHEN EXISTS (SELECT 1 FROM audit_field_key)
BEGIN
    SELECT RAISE(ABORT, 'the audit hashing key cannot be replaced');
END;
