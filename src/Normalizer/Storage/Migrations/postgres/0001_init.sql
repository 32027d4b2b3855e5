-- Normalizer schema v1 (PostgreSQL): the state the SQLite migrations reach, in one step. Times are Unix milliseconds,
-- integers are BIGINT (the code reads every integer as Int64), IDs are text.
CREATE TABLE inbox (
    id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    received_at        BIGINT  NOT NULL,
    channel            TEXT    NULL,
    signature_verified BIGINT  NOT NULL,
    headers            TEXT    NULL,
    body               BYTEA   NOT NULL,
    processed_at       BIGINT  NULL,
    attempts           BIGINT  NOT NULL DEFAULT 0
);
CREATE INDEX ix_inbox_pending ON inbox (id) WHERE processed_at IS NULL;

-- The event log. seq is the log position readers page by: taken and committed under the log lock
-- (pg_advisory_xact_lock, IStoreConnectionFactory.LockLogAsync), so positions become visible in order.
CREATE TABLE events (
    seq             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id              TEXT    NOT NULL UNIQUE,
    platform        TEXT    NOT NULL,
    page_id         TEXT    NOT NULL,
    event           TEXT    NOT NULL,
    conversation_id TEXT    NULL,
    timestamp       BIGINT  NOT NULL,
    received_at     BIGINT  NOT NULL,
    inbox_id        BIGINT  NULL,
    body            TEXT    NOT NULL
);
CREATE INDEX ix_events_page ON events (page_id, seq);
CREATE INDEX ix_events_conversation ON events (conversation_id, seq);

CREATE TABLE quarantine (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    inbox_id    BIGINT  NULL,
    event_id    TEXT    NULL,
    reason      TEXT    NOT NULL,
    body        BYTEA   NOT NULL,
    received_at BIGINT  NOT NULL,
    created_at  BIGINT  NOT NULL
);
CREATE INDEX ix_quarantine_inbox ON quarantine (inbox_id);

CREATE TABLE subscriptions (
    id         TEXT    NOT NULL PRIMARY KEY,
    url        TEXT    NOT NULL,
    secret     TEXT    NOT NULL,
    platforms  TEXT    NULL,
    page_ids   TEXT    NULL,
    events     TEXT    NULL,
    created_at BIGINT  NOT NULL
);

-- Delivery as cursors over the event log (README: delivery); the live row of a partition carries the lease of the
-- host that delivers it.
CREATE TABLE delivery_cursors (
    subscription_id TEXT    NOT NULL,
    stream          BIGINT  NOT NULL,
    partition       BIGINT  NOT NULL,
    cursor_seq      BIGINT  NOT NULL,
    end_seq         BIGINT  NULL,
    lease_owner     TEXT    NULL,
    lease_until     BIGINT  NULL,
    PRIMARY KEY (subscription_id, stream, partition)
);

CREATE TABLE delivery_retries (
    subscription_id  TEXT    NOT NULL,
    stream           BIGINT  NOT NULL,
    event_seq        BIGINT  NOT NULL,
    conversation_key TEXT    NOT NULL,
    attempts         BIGINT  NOT NULL,
    next_at          BIGINT  NOT NULL,
    created_at       BIGINT  NOT NULL,
    PRIMARY KEY (subscription_id, stream, event_seq)
);
CREATE INDEX ix_delivery_retries_event ON delivery_retries (event_seq);

CREATE TABLE delivery_attempts (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    subscription_id TEXT    NOT NULL,
    event_seq       BIGINT  NOT NULL,
    event_id        TEXT    NOT NULL,
    conversation_id TEXT    NULL,
    attempt         BIGINT  NOT NULL,
    at              BIGINT  NOT NULL,
    status_code     BIGINT  NULL,
    error           TEXT    NULL,
    duration_ms     BIGINT  NOT NULL
);
CREATE INDEX ix_delivery_attempts_subscription ON delivery_attempts (subscription_id, event_seq);
CREATE INDEX ix_delivery_attempts_event ON delivery_attempts (event_seq);

CREATE TABLE contacts (
    id         TEXT    NOT NULL PRIMARY KEY,
    person_id  TEXT    NOT NULL,
    platform   TEXT    NOT NULL,
    scoped_id  TEXT    NOT NULL,
    id_type    TEXT    NOT NULL,
    scope_id   TEXT    NOT NULL,
    asid       TEXT    NULL,
    is_active  BIGINT  NOT NULL DEFAULT 1,
    first_seen BIGINT  NOT NULL,
    last_seen  BIGINT  NOT NULL,
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
    last_inbound_at BIGINT  NULL,
    last_event_at   BIGINT  NOT NULL
);

CREATE TABLE page_tokens (
    page_id        TEXT    NOT NULL PRIMARY KEY,
    platform       TEXT    NOT NULL,
    token          TEXT    NOT NULL,
    app_id         TEXT    NULL,
    linked_page_id TEXT    NULL,
    created_at     BIGINT  NOT NULL,
    updated_at     BIGINT  NOT NULL
);

CREATE TABLE templates (
    name       TEXT    NOT NULL,
    locale     TEXT    NOT NULL,
    body       TEXT    NOT NULL,
    updated_at BIGINT  NOT NULL,
    PRIMARY KEY (name, locale)
);

CREATE TABLE pending_sends (
    id         TEXT    NOT NULL PRIMARY KEY,
    person_id  TEXT    NOT NULL,
    platform   TEXT    NOT NULL,
    page_id    TEXT    NOT NULL,
    request    TEXT    NOT NULL,
    status     TEXT    NOT NULL,
    result     TEXT    NULL,
    created_at BIGINT  NOT NULL,
    updated_at BIGINT  NOT NULL
);
CREATE INDEX ix_pending_sends_person ON pending_sends (person_id, status);

-- The Data Protection key ring, shared by every host (tokens set through the API are encrypted with it).
CREATE TABLE data_protection_keys (
    name TEXT NOT NULL PRIMARY KEY,
    xml  TEXT NOT NULL
);
