-- The records of a demo clinic seeded here, waiting to be queued for the server at enrollment
-- (SyncResources::queueDemoRecords, 20,000 to a transaction, in id order). Without these, each
-- batch walked past every record queued before it, one row lookup each: at 100k patients / 1M
-- appointments, more than a quarter of an hour before the first record went up. Partial: they
-- hold only records still 'demo', so on a workstation that never seeded, or once all is queued,
-- they are empty and cost a write next to nothing. A bulk load leaves them in place
-- (Database::deferIndexes).
-- IF NOT EXISTS: a database taken back to an older version runs this again.
CREATE INDEX IF NOT EXISTS locations_demo_queue ON locations(id) WHERE sync_state = 'demo';
CREATE INDEX IF NOT EXISTS practitioners_demo_queue ON practitioners(id) WHERE sync_state = 'demo';
CREATE INDEX IF NOT EXISTS working_hours_demo_queue ON working_hours(id) WHERE sync_state = 'demo';
CREATE INDEX IF NOT EXISTS patients_demo_queue ON patients(id) WHERE sync_state = 'demo';
CREATE INDEX IF NOT EXISTS appointments_demo_queue ON appointments(id) WHERE sync_state = 'demo';
CREATE INDEX IF NOT EXISTS messages_demo_queue ON messages(id) WHERE sync_state = 'demo';
CREATE INDEX IF NOT EXISTS appointment_types_demo_queue ON appointment_types(id) WHERE sync_state = 'demo';
CREATE INDEX IF NOT EXISTS schedule_exceptions_demo_queue ON schedule_exceptions(id) WHERE sync_state = 'demo';
CREATE INDEX IF NOT EXISTS appointment_series_demo_queue ON appointment_series(id) WHERE sync_state = 'demo';
CREATE INDEX IF NOT EXISTS appointment_status_history_demo_queue ON appointment_status_history(id) WHERE sync_state = 'demo';
CREATE INDEX IF NOT EXISTS waitlist_demo_queue ON waitlist(id) WHERE sync_state = 'demo';
CREATE INDEX IF NOT EXISTS communication_preferences_demo_queue ON communication_preferences(id) WHERE sync_state = 'demo';
CREATE INDEX IF NOT EXISTS consents_demo_queue ON consents(id) WHERE sync_state = 'demo';
CREATE INDEX IF NOT EXISTS coverages_demo_queue ON coverages(id) WHERE sync_state = 'demo';
CREATE INDEX IF NOT EXISTS patient_alerts_demo_queue ON patient_alerts(id) WHERE sync_state = 'demo';
CREATE INDEX IF NOT EXISTS patient_links_demo_queue ON patient_links(id) WHERE sync_state = 'demo';
CREATE INDEX IF NOT EXISTS encounters_demo_queue ON encounters(id) WHERE sync_state = 'demo';
CREATE INDEX IF NOT EXISTS conditions_demo_queue ON conditions(id) WHERE sync_state = 'demo';
CREATE INDEX IF NOT EXISTS allergies_demo_queue ON allergies(id) WHERE sync_state = 'demo';
CREATE INDEX IF NOT EXISTS medications_demo_queue ON medications(id) WHERE sync_state = 'demo';
CREATE INDEX IF NOT EXISTS observations_demo_queue ON observations(id) WHERE sync_state = 'demo';
CREATE INDEX IF NOT EXISTS immunizations_demo_queue ON immunizations(id) WHERE sync_state = 'demo';
CREATE INDEX IF NOT EXISTS patient_photos_demo_queue ON patient_photos(id) WHERE sync_state = 'demo';
CREATE INDEX IF NOT EXISTS recalls_demo_queue ON recalls(id) WHERE sync_state = 'demo';
CREATE INDEX IF NOT EXISTS message_templates_demo_queue ON message_templates(id) WHERE sync_state = 'demo';
CREATE INDEX IF NOT EXISTS clinic_settings_sync_demo_queue ON clinic_settings_sync(id) WHERE sync_state = 'demo';
CREATE INDEX IF NOT EXISTS survey_answers_demo_queue ON survey_answers(id) WHERE sync_state = 'demo';
