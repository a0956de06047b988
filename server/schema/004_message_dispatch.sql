-- Outbound messages frontdesk-server sends (server/dispatch): one row a message, made when a
-- queued outbound Communication is stored. The Communication's id is the idempotency key (an
-- email's Message-ID is made of it). A process takes a due row by moving it to `sending` under
-- its name and a lease, committed before a byte leaves; the outcome moves it on to sent, failed
-- or back to due with the next attempt's time. A `sending` row whose lease ran out belongs to
-- a process that died mid-send: nobody knows whether the message went out, so it is not sent
-- again but becomes `unknown` (its Communication failed, saying so) for a person to decide.
CREATE TABLE message_dispatch (
    communication_id TEXT PRIMARY KEY NOT NULL,
    channel TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('due', 'sending', 'sent', 'failed', 'unknown')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at {{int64}} NOT NULL,
    lease_owner TEXT NOT NULL DEFAULT '',
    lease_until {{int64}} NOT NULL DEFAULT 0,
    provider_id TEXT NOT NULL DEFAULT '',
    last_error TEXT NOT NULL DEFAULT '',
    updated_at {{int64}} NOT NULL
);
CREATE INDEX message_dispatch_due ON message_dispatch(state, next_attempt_at);
CREATE INDEX message_dispatch_lease ON message_dispatch(state, lease_until);
