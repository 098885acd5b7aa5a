-- Broadcasts from the agency's operators, and one delivery row per recipient.
-- The recipients are materialised into broadcast_deliveries in the same transaction that moves a
-- broadcast to 'sending', so the audience is fixed from then on and a restart resumes exactly
-- where it stopped. A delivery is 'sending' from the moment it is handed to the sending workers
-- until its result is written; rows still 'sending' at start-up were in flight at a crash and are
-- sent again (counted in broadcasts.uncertain: those people may have it twice).

CREATE TABLE broadcasts (
    id                  {id},
    operator_id         {bigint} NOT NULL,              -- who composed it (and gets the reports)
    from_chat_id        {bigint} NOT NULL,              -- the message copied to everyone
    message_id          {bigint} NOT NULL,
    segment             TEXT     NOT NULL DEFAULT '{"kind":"all"}', -- a JSON object
    status              TEXT     NOT NULL DEFAULT 'draft'
        CHECK (status IN ('draft', 'scheduled', 'sending', 'done', 'cancelled')),
    send_at             {bigint},                       -- when 'scheduled': Unix seconds (UTC)
    created_at          {bigint} NOT NULL,
    started_at          {bigint},
    finished_at         {bigint},
    total               INTEGER  NOT NULL DEFAULT 0,    -- recipients materialised at start
    sent                INTEGER  NOT NULL DEFAULT 0,
    failed              INTEGER  NOT NULL DEFAULT 0,
    blocked             INTEGER  NOT NULL DEFAULT 0,
    uncertain           INTEGER  NOT NULL DEFAULT 0,    -- in flight at a crash, sent again
    progress_message_id {bigint}                        -- the operator's progress message
);

CREATE INDEX broadcasts_by_status ON broadcasts(status);

CREATE TABLE broadcast_deliveries (
    broadcast_id {bigint} NOT NULL REFERENCES broadcasts(id) ON DELETE CASCADE,
    user_id      {bigint} NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    status       TEXT     NOT NULL DEFAULT 'pending'
        CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'blocked')),
    attempts     INTEGER  NOT NULL DEFAULT 0,
    sent_at      {bigint},
    PRIMARY KEY (broadcast_id, user_id)
){without_rowid};

-- "The next pending deliveries of broadcast X", in user order: a range scan of a small index
-- that shrinks as the broadcast goes on.
CREATE INDEX broadcast_deliveries_pending ON broadcast_deliveries(broadcast_id, user_id)
    WHERE status = 'pending';
CREATE INDEX broadcast_deliveries_by_user ON broadcast_deliveries(user_id);
