-- The outbox names the FHIR resource each record travels as (README "What each record is in
-- FHIR"), so an entry is pushed as what it names. Entries queued before keep their place.
UPDATE outbox SET resource_type = 'Provenance' WHERE resource_type = 'AppointmentStatusChange';
UPDATE outbox SET resource_type = 'HealthcareService' WHERE resource_type = 'AppointmentType';
UPDATE outbox SET resource_type = 'ServiceRequest' WHERE resource_type = 'AppointmentSeries';
UPDATE outbox SET resource_type = 'PractitionerRole' WHERE resource_type = 'Schedule';
UPDATE outbox SET resource_type = 'Slot' WHERE resource_type = 'ScheduleException';
UPDATE sync_records SET resource_type = 'Slot' WHERE resource_type = 'ScheduleException';
UPDATE outbox SET resource_type = 'Appointment' WHERE resource_type = 'WaitlistEntry';
UPDATE outbox SET resource_type = 'Task' WHERE resource_type = 'Recall';
UPDATE outbox SET resource_type = 'Binary' WHERE resource_type = 'PatientPhoto';
UPDATE outbox SET resource_type = 'Consent' WHERE resource_type = 'CommunicationRequest';

-- A link travels in Patient.link of its source patient: its entry becomes an update of that
-- patient, based on the patient's versions.
UPDATE outbox SET
    resource_type = 'Patient',
    operation = 'update',
    resource_id = (SELECT l.source_id FROM patient_links l WHERE l.id = outbox.resource_id),
    base_version = (SELECT p.server_version FROM patient_links l
                    JOIN patients p ON p.id = l.source_id WHERE l.id = outbox.resource_id),
    local_version = (SELECT p.version FROM patient_links l
                     JOIN patients p ON p.id = l.source_id WHERE l.id = outbox.resource_id)
WHERE resource_type = 'PatientLink'
  AND resource_id IN (SELECT id FROM patient_links);
