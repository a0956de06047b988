-- Closes the two ways round the audit trail's triggers that needed no DROP TRIGGER.
--
-- INSERT OR REPLACE resolves a conflict by deleting the old row, and SQLite 3.15.2 fires no
-- delete trigger for that unless recursive_triggers is on (it is off by default, and anyone
-- holding the key chooses their own pragmas). A BEFORE INSERT trigger runs before the conflict
-- is resolved, so refusing any insert that would meet an existing row holds whatever the
-- pragmas say.
CREATE TRIGGER audit_log_no_replace BEFORE INSERT ON audit_log
WHEN EXISTS (SELECT 1 FROM audit_log WHERE seq = NEW.seq OR id = NEW.id)
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;

-- The checkpoint has exactly one row since migration 002; another insert can only be a
-- REPLACE of it.
CREATE TRIGGER audit_checkpoint_no_insert BEFORE INSERT ON audit_checkpoint
BEGIN
    SELECT RAISE(ABORT, 'the audit checkpoint cannot be replaced');
END;

-- The only legitimate update is audit_log_checkpoint's, right after an append: one entry
-- further, naming the newest entry and its hash. Anything else would let the checkpoint be
-- moved back after the newest entries were removed.
CREATE TRIGGER audit_checkpoint_follows_log BEFORE UPDATE ON audit_checkpoint
WHEN NEW.id IS NOT OLD.id
  OR NEW.entries IS NOT OLD.entries + 1
  OR NEW.last_seq <= OLD.last_seq
  OR NEW.last_seq IS NOT (SELECT max(seq) FROM audit_log)
  OR NEW.last_hash IS NOT (SELECT hash FROM audit_log WHERE seq = NEW.last_seq)
BEGIN
    SELECT RAISE(ABORT, 'the audit checkpoint only follows the audit log');
END;
