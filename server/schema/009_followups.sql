-- Follow-up rules (`frontdesk-server followups`, issue 18) are reminder rules of another kind,
-- so they share the rules' table and reminders_made's exactly-once key (appointment, rule, start:
-- one follow-up per visit and rule). For kind 'followup', offset_minutes is the delay after the
-- visit was completed; survey_question, when not empty, is asked after the text of an SMS
-- follow-up and its 1-5 answer recorded (an e-mail follow-up carries no survey).
ALTER TABLE reminder_rules ADD COLUMN kind TEXT NOT NULL DEFAULT 'reminder' CHECK (kind IN ('reminder', 'followup'));
ALTER TABLE reminder_rules ADD COLUMN survey_question TEXT NOT NULL DEFAULT '';
