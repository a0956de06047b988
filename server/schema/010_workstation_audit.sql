-- Each enrolled workstation's audit trail as it uploads it (POST /fhir/AuditEvent/$upload): its
-- hash chain, entry by entry in sequence, every entry's hash checked again on arrival. The
-- copy a workstation's `frontdeskctl audit verify` compares its own chain with (GET
-- /fhir/AuditEvent/$chain), and what managers see of the workstations in GET /fhir/AuditEvent.
-- Append-only, as the trail it copies.
CREATE TABLE IF NOT EXISTS workstation_audit (
    workstation_id TEXT NOT NULL REFERENCES workstations(id),
    seq {{int64}} NOT NULL,
    entry_id TEXT NOT NULL,
    recorded_at {{int64}} NOT NULL,
    actor TEXT NOT NULL,
    patient_id TEXT NOT NULL DEFAULT '',
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL,
    event TEXT NOT NULL,
    received_at {{int64}} NOT NULL,
    PRIMARY KEY (workstation_id, seq)
);
CREATE INDEX IF NOT EXISTS workstation_audit_patient ON workstation_audit(patient_id, recorded_at);
CREATE INDEX IF NOT EXISTS workstation_audit_actor ON workstation_audit(actor, recorded_at);

-- [sqlite]
CREATE TRIGGER IF NOT EXISTS workstation_audit_no_update BEFORE UPDATE ON workstation_audit
BEGIN
    SELECT RAISE(ABORT, 'the workstations'' audit trails are append-only');
END;
CREATE TRIGGER IF NOT EXISTS workstation_audit_no_delete BEFORE DELETE ON workstation_audit
BEGIN
    SELECT RAISE(ABORT, 'the workstations'' audit trails are append-only');
END;
-- [end]
-- [postgresql]
CREATE OR REPLACE FUNCTION workstation_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'the workstations'' audit trails are append-only'; END $$;
CREATE OR REPLACE TRIGGER workstation_audit_no_change BEFORE UPDATE OR DELETE ON workstation_audit FOR EACH ROW EXECUTE FUNCTION workstation_audit_append_only();
-- [end]
