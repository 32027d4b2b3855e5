-- The inbox in its own SQLite file: webhooks as received, committed before the 200. Times are Unix milliseconds.
CREATE TABLE inbox (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    received_at        INTEGER NOT NULL,
    channel            TEXT    NULL,
    signature_verified INTEGER NOT NULL,
    headers            TEXT    NULL,
    body               BLOB    NOT NULL,
    processed_at       INTEGER NULL
);
CREATE INDEX ix_inbox_pending ON inbox (id) WHERE processed_at IS NULL;
