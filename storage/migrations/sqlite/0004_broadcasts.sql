-- Broadcasts from the agency's operators, and one delivery row per recipient.
-- The recipients are materialised into broadcast_deliveries in the same transaction that moves a
-- broadcast to 'sending', so the audience is fixed from then on and a restart resumes exactly
-- where it stopped. A delivery is 'sending' from the moment it is handed to the sending workers
-- until its result is written; rows still 'sending' at start-up were in flight at a crash and are
-- sent again (counted in broadcasts.uncertain: those people may have it twice).

CREATE TABLE broadcasts (
    id                  INTEGER PRIMARY KEY,
    operator_id         INTEGER NOT NULL,               -- who composed it (and gets the reports)
    from_chat_id        INTEGER NOT NULL,               -- the message copied to everyone
    message_id          INTEGER NOT NULL,
    segment             TEXT    NOT NULL DEFAULT '{"kind":"all"}', -- a JSON object
    status              TEXT    NOT NULL DEFAULT 'draft'
        CHECK (status IN ('draft', 'scheduled', 'sending', 'done', 'cancelled')),
    send_at             INTEGER,                        -- when 'scheduled': Unix seconds (UTC)
    created_at          INTEGER NOT NULL,
    started_at          INTEGER,
    finished_at         INTEGER,
    total               INTEGER NOT NULL DEFAULT 0,     -- recipients materialised at start
    sent                INTEGER NOT NULL DEFAULT 0,
    failed              INTEGER NOT NULL DEFAULT 0,
    blocked             INTEGER NOT NULL DEFAULT 0,
    uncertain           INTEGER NOT NULL DEFAULT 0,     -- in flight at a crash, sent again
    progress_message_id INTEGER                          -- the operator's progress message
);

CREATE INDEX broadcasts_by_status ON broadcasts(status);

CREATE TABLE broadcast_deliveries (
    broadcast_id INTEGER NOT NULL REFERENCES broadcasts(id) ON DELETE CASCADE,
    user_id      INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    status       TEXT    NOT NULL DEFAULT 'pending'
        CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'blocked')),
    attempts     INTEGER NOT NULL DEFAULT 0,
    sent_at      INTEGER,
    PRIMARY KEY (broadcast_id, user_id)
) WITHOUT ROWID;

-- "The next pending deliveries of broadcast X", in user order: a range scan of a small index
-- that shrinks as the broadcast goes on.
CREATE INDEX broadcast_deliveries_pending ON broadcast_deliveries(broadcast_id, user_id)
    WHERE status = 'pending';
CREATE INDEX broadcast_deliveries_by_user ON broadcast_deliveries(user_id);
