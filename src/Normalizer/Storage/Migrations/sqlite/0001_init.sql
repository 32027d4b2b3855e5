-- Normalizer schema v1 (SQLite). Times are Unix milliseconds; IDs are text.
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

CREATE TABLE dedup_keys (
    event_id TEXT    NOT NULL PRIMARY KEY,
    seen_at  INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE events (
    seq             INTEGER PRIMARY KEY AUTOINCREMENT,
    id              TEXT    NOT NULL UNIQUE,
    platform        TEXT    NOT NULL,
    page_id         TEXT    NOT NULL,
    event           TEXT    NOT NULL,
    conversation_id TEXT    NULL,
    timestamp       INTEGER NOT NULL,
    received_at     INTEGER NOT NULL,
    inbox_id        INTEGER NULL,
    body            TEXT    NOT NULL
);
CREATE INDEX ix_events_page ON events (page_id, seq);
CREATE INDEX ix_events_conversation ON events (conversation_id, seq);

CREATE TABLE quarantine (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    inbox_id    INTEGER NULL,
    event_id    TEXT    NULL,
    reason      TEXT    NOT NULL,
    body        BLOB    NOT NULL,
    received_at INTEGER NOT NULL,
    created_at  INTEGER NOT NULL
);

CREATE TABLE subscriptions (
    id         TEXT    NOT NULL PRIMARY KEY,
    url        TEXT    NOT NULL,
    secret     TEXT    NOT NULL,
    platforms  TEXT    NULL,
    page_ids   TEXT    NULL,
    events     TEXT    NULL,
    created_at INTEGER NOT NULL
);

CREATE TABLE deliveries (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    subscription_id TEXT    NOT NULL,
    event_seq       INTEGER NOT NULL,
    event_id        TEXT    NOT NULL,
    conversation_id TEXT    NULL,
    status          TEXT    NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL
);
CREATE INDEX ix_deliveries_pending ON deliveries (status, next_attempt_at, id);
CREATE INDEX ix_deliveries_order ON deliveries (subscription_id, conversation_id, status, id);
CREATE INDEX ix_deliveries_event ON deliveries (event_id);

CREATE TABLE delivery_attempts (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    delivery_id INTEGER NOT NULL,
    attempt     INTEGER NOT NULL,
    at          INTEGER NOT NULL,
    status_code INTEGER NULL,
    error       TEXT    NULL,
    duration_ms INTEGER NOT NULL
);
CREATE INDEX ix_delivery_attempts_delivery ON delivery_attempts (delivery_id, attempt);

CREATE TABLE contacts (
    id         TEXT    NOT NULL PRIMARY KEY,
    person_id  TEXT    NOT NULL,
    platform   TEXT    NOT NULL,
    scoped_id  TEXT    NOT NULL,
    id_type    TEXT    NOT NULL,
    scope_id   TEXT    NOT NULL,
    asid       TEXT    NULL,
    is_active  INTEGER NOT NULL DEFAULT 1,
    first_seen INTEGER NOT NULL,
    last_seen  INTEGER NOT NULL,
    profile    TEXT    NULL,
    UNIQUE (scoped_id, scope_id)
);
CREATE INDEX ix_contacts_person ON contacts (person_id);
CREATE INDEX ix_contacts_asid ON contacts (asid);

CREATE TABLE conversations (
    id              TEXT    NOT NULL PRIMARY KEY,
    platform        TEXT    NOT NULL,
    page_id         TEXT    NOT NULL,
    user_id         TEXT    NOT NULL,
    last_inbound_at INTEGER NULL,
    last_event_at   INTEGER NOT NULL
);
