-- One photo per patient, shown in the profile header and exported as Patient.photo.
-- The bytes live in `data` but are not among the columns RecordStore audits: the audit trail
-- and the outbox diff hold the type, size and SHA-256 only.
CREATE TABLE patient_photos (
    id TEXT PRIMARY KEY NOT NULL,
    patient_id TEXT NOT NULL REFERENCES patients(id),
    content_type TEXT NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png')),
    size_bytes INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    data BLOB,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    server_version TEXT,
    sync_state TEXT NOT NULL DEFAULT 'pending',
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX patient_photos_patient ON patient_photos(patient_id, deleted);
