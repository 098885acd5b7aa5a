-- SQLite cannot change a CHECK constraint in place: the table is rebuilt.
CREATE TABLE questions_new (
    id       INTEGER PRIMARY KEY,
    user_id  INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    asked_at INTEGER NOT NULL,
    text     TEXT    NOT NULL,
    lang     TEXT    NOT NULL,                  -- detected language of the question
    topic_id TEXT,                              -- NULL when declined
    score    REAL    NOT NULL,
    outcome  TEXT    NOT NULL
        CHECK (outcome IN ('answered', 'suggested', 'declined', 'smalltalk', 'plan'))
);
INSERT INTO questions_new SELECT id, user_id, asked_at, text, lang, topic_id, score, outcome
    FROM questions;
DROP TABLE questions;
ALTER TABLE questions_new RENAME TO questions;
CREATE INDEX questions_by_time ON questions(asked_at);
CREATE INDEX questions_by_user ON questions(user_id);
