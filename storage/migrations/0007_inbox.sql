-- Updates fetched from Telegram, kept until handled (bot/polling.py). An update is written here
-- before Telegram is told it arrived, so a crash re-runs it instead of losing it; its row, handled,
-- stays until Telegram can no longer send it again, so a second delivery is recognised by its id.

CREATE TABLE inbox (
    update_id   {bigint} PRIMARY KEY,
    payload     TEXT     NOT NULL,                  -- the update's JSON, as Telegram sent it
    received_at {bigint} NOT NULL,
    handled_at  {bigint}                            -- NULL: not handled yet
);

CREATE INDEX inbox_pending ON inbox (update_id) WHERE handled_at IS NULL;
