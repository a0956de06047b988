-- The patient record (issue #7): search index, profile data (contacts, communication
-- preferences, consents, insurance, alerts), the clinical summary that arrives by sync or FHIR
-- import, merge links, and the map from FHIR identifiers to local ids.
-- Written for SQLite 3.15.2 (SQLCipher 3.4.1): FTS4 is available, FTS5, ICU and JSON1 are not.

-- Emergency contact and merge state live on the patient row itself.
ALTER TABLE patients ADD COLUMN emergency_contact_name TEXT NOT NULL DEFAULT '';
ALTER TABLE patients ADD COLUMN emergency_contact_relation TEXT NOT NULL DEFAULT '';
ALTER TABLE patients ADD COLUMN emergency_contact_phone TEXT NOT NULL DEFAULT '';
-- The surviving patient after a merge; '' while the record is active. Merged records are kept
-- (never deleted) so old references and the audit trail still resolve.
ALTER TABLE patients ADD COLUMN merged_into TEXT NOT NULL DEFAULT '';

-- Search: normalised text (case- and accent-folded names; phone, MRN, e-mail and birth date as
-- prefixed tokens) in an FTS4 table. docid comes from patient_search_doc, not from the patients
-- rowid, which VACUUM may renumber (patients has a TEXT primary key).
CREATE VIRTUAL TABLE patient_search USING fts4(names, identifiers, tokenize=unicode61, prefix="1,2,3");

-- The folded family and given name words are kept here too, for the ranking (one name column
-- in FTS keeps a name-prefix query to one doclist).
CREATE TABLE patient_search_doc (
    docid INTEGER PRIMARY KEY AUTOINCREMENT,
    patient_id TEXT NOT NULL UNIQUE,
    family_words TEXT NOT NULL DEFAULT '',
    given_words TEXT NOT NULL DEFAULT ''
);

-- Every write path (RecordStore, the demo seeder, sync, import) marks the patient here in its
-- own transaction; PatientSearchIndex folds the text in C++ and drains the queue before a search.
CREATE TABLE patient_search_dirty (
    patient_id TEXT PRIMARY KEY NOT NULL
);

CREATE TRIGGER patients_search_on_insert AFTER INSERT ON patients
BEGIN
    INSERT OR IGNORE INTO patient_search_dirty (patient_id) VALUES (new.id);
END;

CREATE TRIGGER patients_search_on_update AFTER UPDATE ON patients
BEGIN
    INSERT OR IGNORE INTO patient_search_dirty (patient_id) VALUES (new.id);
END;

-- Patients already present before this migration are indexed on the first search.
INSERT INTO patient_search_dirty (patient_id) SELECT id FROM patients;

-- Which channel a patient wants per purpose, opt-outs and quiet hours (minutes after local
-- midnight in the clinic's time zone; start = end means no quiet hours).
CREATE TABLE communication_preferences (
    id TEXT PRIMARY KEY NOT NULL,
    patient_id TEXT NOT NULL REFERENCES patients(id),
    purpose TEXT NOT NULL CHECK (purpose IN ('reminder', 'administrative', 'clinical', 'marketing')),
    channel TEXT NOT NULL DEFAULT 'sms',
    opted_out INTEGER NOT NULL DEFAULT 0,
    quiet_start_minute INTEGER NOT NULL DEFAULT 0 CHECK (quiet_start_minute BETWEEN 0 AND 1440),
    quiet_end_minute INTEGER NOT NULL DEFAULT 0 CHECK (quiet_end_minute BETWEEN 0 AND 1440),
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    server_version TEXT,
    sync_state TEXT NOT NULL DEFAULT 'pending',
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX communication_preferences_patient ON communication_preferences(patient_id, purpose);

CREATE TABLE consents (
    id TEXT PRIMARY KEY NOT NULL,
    patient_id TEXT NOT NULL REFERENCES patients(id),
    type TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('given', 'withdrawn')),
    decided_at INTEGER NOT NULL,
    recorded_by TEXT NOT NULL DEFAULT '',
    document_name TEXT NOT NULL DEFAULT '',
    -- SHA-256 of the scanned document: the audit trail names the document without holding it.
    document_sha256 TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    server_version TEXT,
    sync_state TEXT NOT NULL DEFAULT 'pending',
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX consents_patient ON consents(patient_id, decided_at);

-- The scanned consent documents themselves, beside their consent (kept out of the audit trail).
CREATE TABLE consent_documents (
    consent_id TEXT PRIMARY KEY NOT NULL REFERENCES consents(id),
    data BLOB NOT NULL,
    updated_at INTEGER NOT NULL
);

-- Insurance (FHIR Coverage). Dates are ISO dates ('' = open-ended).
CREATE TABLE coverages (
    id TEXT PRIMARY KEY NOT NULL,
    patient_id TEXT NOT NULL REFERENCES patients(id),
    payer TEXT NOT NULL,
    member_id TEXT NOT NULL DEFAULT '',
    group_id TEXT NOT NULL DEFAULT '',
    valid_from TEXT NOT NULL DEFAULT '',
    valid_to TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'active',
    eligibility TEXT NOT NULL DEFAULT 'unknown'
        CHECK (eligibility IN ('unknown', 'eligible', 'not-eligible', 'error')),
    eligibility_checked_at INTEGER,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    server_version TEXT,
    sync_state TEXT NOT NULL DEFAULT 'pending',
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX coverages_patient ON coverages(patient_id);

-- Alerts shown prominently on the profile (e.g. "needs an interpreter", "fall risk").
CREATE TABLE patient_alerts (
    id TEXT PRIMARY KEY NOT NULL,
    patient_id TEXT NOT NULL REFERENCES patients(id),
    severity TEXT NOT NULL DEFAULT 'info' CHECK (severity IN ('info', 'warning', 'high')),
    text TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    server_version TEXT,
    sync_state TEXT NOT NULL DEFAULT 'pending',
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX patient_alerts_patient ON patient_alerts(patient_id);

-- A merge: source_id was merged into target_id (FHIR Patient.link replaced-by / replaces).
CREATE TABLE patient_links (
    id TEXT PRIMARY KEY NOT NULL,
    source_id TEXT NOT NULL REFERENCES patients(id),
    target_id TEXT NOT NULL REFERENCES patients(id),
    kind TEXT NOT NULL DEFAULT 'replaced-by',
    detail TEXT NOT NULL DEFAULT '{}',
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    server_version TEXT,
    sync_state TEXT NOT NULL DEFAULT 'pending',
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX patient_links_source ON patient_links(source_id);
CREATE INDEX patient_links_target ON patient_links(target_id);

-- The clinical summary. Codes are kept as system + code + display; times are UTC ms.
CREATE TABLE encounters (
    id TEXT PRIMARY KEY NOT NULL,
    patient_id TEXT NOT NULL REFERENCES patients(id),
    status TEXT NOT NULL DEFAULT 'finished',
    class_code TEXT NOT NULL DEFAULT '',
    type_system TEXT NOT NULL DEFAULT '',
    type_code TEXT NOT NULL DEFAULT '',
    type_display TEXT NOT NULL DEFAULT '',
    reason TEXT NOT NULL DEFAULT '',
    practitioner_name TEXT NOT NULL DEFAULT '',
    start_at INTEGER,
    end_at INTEGER,
    notes TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    server_version TEXT,
    sync_state TEXT NOT NULL DEFAULT 'pending',
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX encounters_patient ON encounters(patient_id, start_at);

CREATE TABLE conditions (
    id TEXT PRIMARY KEY NOT NULL,
    patient_id TEXT NOT NULL REFERENCES patients(id),
    encounter_id TEXT NOT NULL DEFAULT '',
    code_system TEXT NOT NULL DEFAULT '',
    code TEXT NOT NULL DEFAULT '',
    display TEXT NOT NULL,
    clinical_status TEXT NOT NULL DEFAULT 'active',
    onset_at INTEGER,
    abated_at INTEGER,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    server_version TEXT,
    sync_state TEXT NOT NULL DEFAULT 'pending',
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX conditions_patient ON conditions(patient_id);

CREATE TABLE allergies (
    id TEXT PRIMARY KEY NOT NULL,
    patient_id TEXT NOT NULL REFERENCES patients(id),
    code_system TEXT NOT NULL DEFAULT '',
    code TEXT NOT NULL DEFAULT '',
    display TEXT NOT NULL,
    category TEXT NOT NULL DEFAULT '',
    criticality TEXT NOT NULL DEFAULT '',
    clinical_status TEXT NOT NULL DEFAULT 'active',
    reaction TEXT NOT NULL DEFAULT '',
    recorded_at INTEGER,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    server_version TEXT,
    sync_state TEXT NOT NULL DEFAULT 'pending',
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX allergies_patient ON allergies(patient_id);

CREATE TABLE medications (
    id TEXT PRIMARY KEY NOT NULL,
    patient_id TEXT NOT NULL REFERENCES patients(id),
    encounter_id TEXT NOT NULL DEFAULT '',
    code_system TEXT NOT NULL DEFAULT '',
    code TEXT NOT NULL DEFAULT '',
    display TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'active',
    dosage TEXT NOT NULL DEFAULT '',
    asserted_at INTEGER,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    server_version TEXT,
    sync_state TEXT NOT NULL DEFAULT 'pending',
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX medications_patient ON medications(patient_id);

-- Vitals and lab values. value_text holds non-numeric results; value_number is NULL then.
CREATE TABLE observations (
    id TEXT PRIMARY KEY NOT NULL,
    patient_id TEXT NOT NULL REFERENCES patients(id),
    encounter_id TEXT NOT NULL DEFAULT '',
    category TEXT NOT NULL DEFAULT '',
    code_system TEXT NOT NULL DEFAULT '',
    code TEXT NOT NULL DEFAULT '',
    display TEXT NOT NULL,
    value_number REAL,
    value_text TEXT NOT NULL DEFAULT '',
    unit TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'final',
    effective_at INTEGER,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    server_version TEXT,
    sync_state TEXT NOT NULL DEFAULT 'pending',
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX observations_patient ON observations(patient_id, code, effective_at);

CREATE TABLE immunizations (
    id TEXT PRIMARY KEY NOT NULL,
    patient_id TEXT NOT NULL REFERENCES patients(id),
    encounter_id TEXT NOT NULL DEFAULT '',
    code_system TEXT NOT NULL DEFAULT '',
    code TEXT NOT NULL DEFAULT '',
    display TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'completed',
    occurred_at INTEGER,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    server_version TEXT,
    sync_state TEXT NOT NULL DEFAULT 'pending',
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX immunizations_patient ON immunizations(patient_id);

-- Imported FHIR resources → local ids, so importing the same bundle again updates instead of
-- duplicating. source_key is "<ResourceType>|<identifier system>|<value>" or
-- "<ResourceType>|<fullUrl>" when a resource has no identifier.
CREATE TABLE fhir_identifiers (
    source_key TEXT PRIMARY KEY NOT NULL,
    resource_type TEXT NOT NULL,
    local_id TEXT NOT NULL,
    imported_at INTEGER NOT NULL
);
CREATE INDEX fhir_identifiers_local ON fhir_identifiers(resource_type, local_id);
