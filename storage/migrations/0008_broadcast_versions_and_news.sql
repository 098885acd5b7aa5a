-- A broadcast may carry one version per language; the broadcast's own message is the version for
-- everyone whose language has none (the agency's default language).
CREATE TABLE broadcast_versions (
    broadcast_id {bigint} NOT NULL REFERENCES broadcasts(id) ON DELETE CASCADE,
    lang         TEXT     NOT NULL,
    from_chat_id {bigint} NOT NULL,
    message_id   {bigint} NOT NULL,
    PRIMARY KEY (broadcast_id, lang)
){without_rowid};

-- 0 once the client turned off the agency's news in /settings (reminders still come).
ALTER TABLE users ADD COLUMN news INTEGER NOT NULL DEFAULT 1;
