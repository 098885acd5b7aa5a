-- Saved documents with their reminder schedule, each user's reminder settings, and a log of
-- reminders sent. A document's next reminder is one indexed column, so the periodic check is one
-- range scan however many documents there are; the schedule itself is derived from the document,
-- the user's settings and the content's per-kind offsets.

ALTER TABLE users ADD COLUMN reminder_hour INTEGER NOT NULL DEFAULT 10;
ALTER TABLE users ADD COLUMN reminder_days TEXT;      -- JSON list of offsets; NULL = per-kind defaults

CREATE TABLE documents (
    id             {id},
    user_id        {bigint} NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    kind           TEXT     NOT NULL,                -- visa | registration | rvp | vnzh | patent | other
    label          TEXT     NOT NULL DEFAULT '',     -- e.g. "my son's visa"
    expires_on     TEXT     NOT NULL,                -- ISO date (compares as text)
    created_at     {bigint} NOT NULL,
    next_remind_at {bigint},                         -- when the next reminder is due; NULL = none
    snoozed        INTEGER  NOT NULL DEFAULT 0,      -- 1 when next_remind_at was set by "tomorrow"
    claimed_at     {bigint},                         -- set while a reminder is being sent
    failures       INTEGER  NOT NULL DEFAULT 0       -- failed tries of the current reminder
);

CREATE INDEX documents_due ON documents(next_remind_at) WHERE next_remind_at IS NOT NULL;
CREATE INDEX documents_by_user ON documents(user_id);
CREATE INDEX documents_by_expiry ON documents(expires_on);

CREATE TABLE reminders_sent (
    id          {id},
    document_id {bigint} NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    sent_at     {bigint} NOT NULL,
    days_left   INTEGER  NOT NULL                    -- negative: the after-expiry notice
);

CREATE INDEX reminders_sent_by_time ON reminders_sent(sent_at);
CREATE INDEX reminders_sent_by_document ON reminders_sent(document_id);
