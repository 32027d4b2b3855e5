-- Sends kept until the person writes again (queue_if_unreachable).
CREATE TABLE pending_sends (
    id         TEXT    NOT NULL PRIMARY KEY,
    person_id  TEXT    NOT NULL,
    platform   TEXT    NOT NULL,
    page_id    TEXT    NOT NULL,
    request    TEXT    NOT NULL,
    status     TEXT    NOT NULL,
    result     TEXT    NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX ix_pending_sends_person ON pending_sends (person_id, status);
