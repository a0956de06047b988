-- The workstation's sign-in (models/access/SignIn) starts the count of failed tries over once
-- the lock-out period has passed since the last one; it needs the time of that last failure.
ALTER TABLE staff_credentials ADD COLUMN last_failed_at {{int64}} NOT NULL DEFAULT 0;
