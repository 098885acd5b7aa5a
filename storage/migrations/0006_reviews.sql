-- Operators' answers to questions the bot declined or was unsure about (/review). One row per
-- question as normalised (`key`): its verdict is a topic, "not our subject", or skipped. Topic and
-- off-topic verdicts teach the matcher; `python -m faq learned` prints them for the content files.
-- Small talk and renewal-plan offers are logged too, apart from the questions answered, suggested
-- or declined: each dialect widens the questions' outcome check its own way (sqlite/, postgresql/).

CREATE TABLE reviews (
    key         TEXT     PRIMARY KEY,
    question    TEXT     NOT NULL,                  -- one of the texts asked, as typed
    lang        TEXT     NOT NULL,
    verdict     TEXT     NOT NULL CHECK (verdict IN ('topic', 'offtopic', 'skip')),
    topic_id    TEXT,                               -- with verdict 'topic'
    operator_id {bigint} NOT NULL,
    reviewed_at {bigint} NOT NULL,
    CHECK ((verdict = 'topic') = (topic_id IS NOT NULL))
);
