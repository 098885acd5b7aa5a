-- Operators' answers to questions the bot declined or was unsure about (/review). One row per
-- question as normalised (`key`): its verdict is a topic, "not our subject", or skipped. Topic and
-- off-topic verdicts teach the matcher; `python -m faq learned` prints them for the content files.

CREATE TABLE reviews (
    key         TEXT    PRIMARY KEY,
    question    TEXT    NOT NULL,                   -- one of the texts asked, as typed
    lang        TEXT    NOT NULL,
    verdict     TEXT    NOT NULL CHECK (verdict IN ('topic', 'offtopic', 'skip')),
    topic_id    TEXT,                               -- with verdict 'topic'
    operator_id INTEGER NOT NULL,
    reviewed_at INTEGER NOT NULL,
    CHECK ((verdict = 'topic') = (topic_id IS NOT NULL))
);

-- Small talk and renewal-plan offers are logged too, apart from the questions answered,
-- suggested or declined (SQLite cannot change a CHECK constraint in place).
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
