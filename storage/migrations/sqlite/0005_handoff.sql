-- Hand-offs to a person. A thread is one conversation between a user and the operators' group;
-- every message of it that is in the group (the card, the user's messages copied there, the
-- operators' replies) is mapped to its thread, so an operator's reply to any of them reaches the
-- user, after a restart too.

CREATE TABLE handoff_threads (
    id              INTEGER PRIMARY KEY,
    user_id         INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    status          TEXT    NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    opened_at       INTEGER NOT NULL,
    closed_at       INTEGER,
    chat_id         INTEGER NOT NULL,                -- the operators' group
    card_message_id INTEGER,                         -- the card in that group; NULL until sent
    question        TEXT    NOT NULL DEFAULT ''      -- the question the thread was opened with
);

-- One open thread per user: a second "open" while one is open finds the first.
CREATE UNIQUE INDEX handoff_threads_one_open ON handoff_threads(user_id) WHERE status = 'open';

CREATE TABLE handoff_messages (
    chat_id    INTEGER NOT NULL,                     -- the operators' group
    message_id INTEGER NOT NULL,                     -- a message in that group
    thread_id  INTEGER NOT NULL REFERENCES handoff_threads(id) ON DELETE CASCADE,
    kind       TEXT    NOT NULL CHECK (kind IN ('card', 'user', 'operator')),
    created_at INTEGER NOT NULL,
    PRIMARY KEY (chat_id, message_id)
) WITHOUT ROWID;

CREATE INDEX handoff_messages_by_thread ON handoff_messages(thread_id);
