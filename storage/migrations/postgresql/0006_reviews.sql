-- Operators' answers to questions the bot declined or was unsure about (/review), and small talk
-- and renewal-plan offers logged among the questions (see the SQLite version).

CREATE TABLE reviews (
    key         TEXT   PRIMARY KEY,
    question    TEXT   NOT NULL,                    -- one of the texts asked, as typed
    lang        TEXT   NOT NULL,
    verdict     TEXT   NOT NULL CHECK (verdict IN ('topic', 'offtopic', 'skip')),
    topic_id    TEXT,                               -- with verdict 'topic'
    operator_id BIGINT NOT NULL,
    reviewed_at BIGINT NOT NULL,
    CHECK ((verdict = 'topic') = (topic_id IS NOT NULL))
);

ALTER TABLE questions DROP CONSTRAINT questions_outcome_check;
ALTER TABLE questions ADD CONSTRAINT questions_outcome_check
    CHECK (outcome IN ('answered', 'suggested', 'declined', 'smalltalk', 'plan'));
