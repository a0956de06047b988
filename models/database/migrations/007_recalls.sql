-- Recalls (care gaps): a patient should come back by a local date, e.g. a yearly check-up.
-- due_on is a local date in the clinic's zone ('YYYY-MM-DD'), compared as text.
CREATE TABLE recalls (
    id TEXT PRIMARY KEY NOT NULL,
    patient_id TEXT NOT NULL REFERENCES patients(id),
    practitioner_id TEXT REFERENCES practitioners(id),
    reason TEXT NOT NULL DEFAULT '',
    due_on TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'cancelled')),
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    server_version TEXT,
    sync_state TEXT NOT NULL DEFAULT 'pending',
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX recalls_status_due ON recalls(status, due_on);
CREATE INDEX recalls_patient ON recalls(patient_id, due_on);

-- The dashboard reads no-shows over a year, cancellations, visits seen and booked/confirmed
-- visits without walking every appointment of those days (the index alone answers which
-- patients: it covers deleted and patient_id), and reminders by the time they were sent.
CREATE INDEX appointments_status_start ON appointments(status, start_at, deleted, patient_id);
CREATE INDEX messages_sent ON messages(sent_at);
-- Whether a status change was reverted, without walking the whole history.
CREATE INDEX appointment_status_history_reverts ON appointment_status_history(reverts_id);

-- Each patient's first visit ever (the earliest live appointment that was not cancelled), kept
-- by triggers so the dashboard tells new from returning patients without looking up the
-- history of every patient in the period. Derived and local: never synced.
CREATE TABLE patient_first_visits (
    patient_id TEXT PRIMARY KEY NOT NULL,
    first_start_at INTEGER NOT NULL
);
CREATE INDEX patient_first_visits_start ON patient_first_visits(first_start_at);
INSERT INTO patient_first_visits (patient_id, first_start_at)
    SELECT patient_id, min(start_at) FROM appointments
    WHERE deleted = 0 AND status != 'cancelled' GROUP BY patient_id;

-- A new visit can only move the first one earlier. Two cheap statements rather than a
-- REPLACE, which would rewrite the row and both its index entries on every booking.
CREATE TRIGGER appointments_first_visit_on_insert AFTER INSERT ON appointments
    WHEN NEW.deleted = 0 AND NEW.status != 'cancelled'
BEGIN
    UPDATE patient_first_visits SET first_start_at = NEW.start_at
        WHERE patient_id = NEW.patient_id AND first_start_at > NEW.start_at;
    INSERT OR IGNORE INTO patient_first_visits (patient_id, first_start_at)
        VALUES (NEW.patient_id, NEW.start_at);
END;

-- A move, cancellation, revert, deletion or merge: both patients' first visits are worked out
-- again from their appointments.
CREATE TRIGGER appointments_first_visit_on_update
    AFTER UPDATE OF patient_id, start_at, status, deleted ON appointments
BEGIN
    DELETE FROM patient_first_visits WHERE patient_id IN (OLD.patient_id, NEW.patient_id);
    INSERT INTO patient_first_visits (patient_id, first_start_at)
        SELECT patient_id, min(start_at) FROM appointments
        WHERE patient_id IN (OLD.patient_id, NEW.patient_id) AND deleted = 0
          AND status != 'cancelled'
        GROUP BY patient_id;
END;

CREATE TRIGGER appointments_first_visit_on_delete AFTER DELETE ON appointments
BEGIN
    DELETE FROM patient_first_visits WHERE patient_id = OLD.patient_id;
    INSERT INTO patient_first_visits (patient_id, first_start_at)
        SELECT patient_id, min(start_at) FROM appointments
        WHERE patient_id = OLD.patient_id AND deleted = 0 AND status != 'cancelled'
        GROUP BY patient_id;
END;
