-- Hand-offs to a person. A thread is one conversation between a user and the operators' group;
-- every message of it that is in the group (the card, the user's messages copied there, the
-- operators' replies) is mapped to its thread, so an operator's reply to any of them reaches the
-- user, after a restart too.

CREATE TABLE handoff_threads (
    id              {id},
    user_id         {bigint} NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    status          TEXT     NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    opened_at       {bigint} NOT NULL,
    closed_at       {bigint},
    chat_id         {bigint} NOT NULL,               -- the operators' group (-100...)
    card_message_id {bigint},                        -- the card in that group; NULL until sent
    question        TEXT     NOT NULL DEFAULT ''     -- the question the thread was opened with
);

-- One open thread per user: a second "open" while one is open finds the first.
CREATE UNIQUE INDEX handoff_threads_one_open ON handoff_threads(user_id) WHERE status = 'open';

CREATE TABLE handoff_messages (
    chat_id    {bigint} NOT NULL,                    -- the operators' group
    message_id {bigint} NOT NULL,                    -- a message in that group
    thread_id  {bigint} NOT NULL REFERENCES handoff_threads(id) ON DELETE CASCADE,
    kind       TEXT     NOT NULL CHECK (kind IN ('card', 'user', 'operator')),
    created_at {bigint} NOT NULL,
    PRIMARY KEY (chat_id, message_id)
){without_rowid};

CREATE INDEX handoff_messages_by_thread ON handoff_messages(thread_id);
