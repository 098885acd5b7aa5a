-- A broadcast may carry one version per language; the broadcast's own message is the version for
-- everyone whose language has none (the agency's default language).
CREATE TABLE broadcast_versions (
    broadcast_id BIGINT NOT NULL REFERENCES broadcasts(id) ON DELETE CASCADE,
    lang         TEXT   NOT NULL,
    from_chat_id BIGINT NOT NULL,
    message_id   BIGINT NOT NULL,
    PRIMARY KEY (broadcast_id, lang)
);

-- 0 once the client turned off the agency's news in /settings (reminders still come).
ALTER TABLE users ADD COLUMN news INTEGER NOT NULL DEFAULT 1;
