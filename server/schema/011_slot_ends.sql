-- The booking rule's look for what could collide with a new appointment goes by where the others
-- end: with (practitioner_id, start_ms) alone, "starts before the new one ends" reads every
-- earlier appointment of the practitioner, a number that only grows; "ends after the new one
-- starts" reads the few after it (FhirApi::checkBookingRule).
CREATE INDEX IF NOT EXISTS appointment_slots_practitioner_end ON appointment_slots(practitioner_id, end_ms);
CREATE INDEX IF NOT EXISTS appointment_slots_patient_end ON appointment_slots(patient_id, end_ms);
CREATE INDEX IF NOT EXISTS appointment_slots_location_end ON appointment_slots(location_id, end_ms);
