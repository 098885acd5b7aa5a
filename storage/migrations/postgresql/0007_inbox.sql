-- Updates fetched from Telegram, kept until handled (see the SQLite version).

CREATE TABLE inbox (
    update_id   BIGINT PRIMARY KEY,
    payload     TEXT   NOT NULL,                    -- the update's JSON, as Telegram sent it
    received_at BIGINT NOT NULL,
    handled_at  BIGINT                              -- NULL: not handled yet
);

CREATE INDEX inbox_pending ON inbox (update_id) WHERE handled_at IS NULL;
