-- When the last failed sign-in happened: a count of failed tries starts over once the lock-out
-- period has passed since then, so a few typos spread over weeks never lock anyone out.
ALTER TABLE staff_credentials ADD COLUMN last_failed_at INTEGER NOT NULL DEFAULT 0;
