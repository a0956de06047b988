-- The patients' replies to their appointments' messages (PatientReplies): the day list and the
-- calendar show the newest one beside each appointment. Without an index each day shown read
-- every message of the clinic, a fifth of the desktop app's start at 10k patients / 100k
-- appointments. Partial: only inbound messages, a small part of all.
-- IF NOT EXISTS: a database taken back to an older version runs this again.
CREATE INDEX IF NOT EXISTS messages_reply_appointment ON messages(appointment_id)
    WHERE direction = 'inbound';
