-- The answers to the 1-5 survey a follow-up after a visit asks by SMS (issue 18): recorded by
-- frontdesk-server from the patient's reply, synced here as FHIR QuestionnaireResponse
-- (SurveyAnswerMapping) for the dashboard's survey figures, which work offline. One row per
-- answer; answered_at is UTC milliseconds.
-- IF NOT EXISTS: the migration tests take a database back to an older version (deleting
-- schema_version rows) and migrate it again.
CREATE TABLE IF NOT EXISTS survey_answers (
    id TEXT PRIMARY KEY NOT NULL,
    patient_id TEXT NOT NULL,
    appointment_id TEXT NOT NULL DEFAULT '',
    question_message_id TEXT NOT NULL DEFAULT '',
    reply_message_id TEXT NOT NULL DEFAULT '',
    question TEXT NOT NULL DEFAULT '',
    score INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
    answered_at INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    server_version TEXT,
    sync_state TEXT NOT NULL DEFAULT 'pending',
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS survey_answers_answered ON survey_answers(answered_at);
CREATE INDEX IF NOT EXISTS survey_answers_patient ON survey_answers(patient_id);
CREATE INDEX IF NOT EXISTS survey_answers_question ON survey_answers(question_message_id);
