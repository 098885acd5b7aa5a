-- aiogram FSM state and data, one row per aiogram StorageKey, so a wizard survives a restart.
-- The key columns are NOT NULL so the primary key is really unique (SQLite treats NULLs in a key
-- as distinct): a missing thread_id is stored as 0, a missing business_connection_id as ''.
-- No foreign key to users: the FSM may be touched before the user row exists; /forget removes
-- a user's rows explicitly (storage.fsm.delete_fsm_for_user).

CREATE TABLE fsm_state (
    bot_id                 {bigint} NOT NULL,
    chat_id                {bigint} NOT NULL,
    user_id                {bigint} NOT NULL,
    thread_id              {bigint} NOT NULL DEFAULT 0,
    business_connection_id TEXT     NOT NULL DEFAULT '',
    destiny                TEXT     NOT NULL DEFAULT 'default',
    state                  TEXT,                         -- NULL = no state
    data                   TEXT     NOT NULL DEFAULT '{}', -- a JSON object
    updated_at             {bigint} NOT NULL,            -- Unix seconds (UTC)
    PRIMARY KEY (bot_id, chat_id, user_id, thread_id, business_connection_id, destiny)
){without_rowid};

CREATE INDEX fsm_state_by_user ON fsm_state(user_id);
