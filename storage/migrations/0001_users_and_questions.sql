-- Users who have talked to the bot, and every free-text question with what the bot did with it.
-- Times are Unix seconds (UTC).

CREATE TABLE users (
    id          {bigint} PRIMARY KEY,           -- Telegram user id
    first_name  TEXT     NOT NULL DEFAULT '',
    tg_language TEXT,                           -- language_code Telegram reports
    language    TEXT,                           -- chosen with /language; NULL until chosen
    timezone    TEXT,                           -- NULL = the bot's DEFAULT_TIMEZONE
    first_seen  {bigint} NOT NULL,
    last_seen   {bigint} NOT NULL,
    blocked     INTEGER  NOT NULL DEFAULT 0     -- 1 once Telegram says the user blocked the bot
);

CREATE TABLE questions (
    id       {id},
    user_id  {bigint} NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    asked_at {bigint} NOT NULL,
    text     TEXT     NOT NULL,
    lang     TEXT     NOT NULL,                 -- detected language of the question
    topic_id TEXT,                              -- NULL when declined
    score    {float}  NOT NULL,
    outcome  TEXT     NOT NULL CHECK (outcome IN ('answered', 'suggested', 'declined'))
);

CREATE INDEX questions_by_time ON questions(asked_at);
CREATE INDEX questions_by_user ON questions(user_id);
