-- Normalizer schema v1 (SQL Server): the tables of the PostgreSQL schema, in one batch. Times are Unix milliseconds,
-- integers are BIGINT (the code reads every integer as Int64), IDs are text: NVARCHAR(450) where a key or an index holds
-- them alone, shorter where several columns share one key (a clustered key holds 900 bytes, another index 1,700). Text
-- that is compared or ordered is binary (BIN2), as in SQLite and PostgreSQL: IDs that differ only in case are different.
CREATE TABLE inbox (
    id                 BIGINT IDENTITY(1,1) PRIMARY KEY,
    received_at        BIGINT         NOT NULL,
    channel            NVARCHAR(MAX)  NULL,
    signature_verified BIGINT         NOT NULL,
    headers            NVARCHAR(MAX)  NULL,
    body               VARBINARY(MAX) NOT NULL,
    processed_at       BIGINT         NULL,
    attempts           BIGINT         NOT NULL DEFAULT 0
);
CREATE INDEX ix_inbox_pending ON inbox (id) WHERE processed_at IS NULL;

-- The event log. seq is the log position readers page by: taken and committed under the log lock
-- (sp_getapplock, IStoreConnectionFactory.LockLogAsync), so positions become visible in order.
CREATE TABLE events (
    seq             BIGINT IDENTITY(1,1) PRIMARY KEY,
    id              NVARCHAR(450) COLLATE Latin1_General_100_BIN2 NOT NULL UNIQUE,
    platform        NVARCHAR(450) COLLATE Latin1_General_100_BIN2 NOT NULL,
    page_id         NVARCHAR(450) COLLATE Latin1_General_100_BIN2 NOT NULL,
    event           NVARCHAR(450) COLLATE Latin1_General_100_BIN2 NOT NULL,
    conversation_id NVARCHAR(450) COLLATE Latin1_General_100_BIN2 NULL,
    timestamp       BIGINT        NOT NULL,
    received_at     BIGINT        NOT NULL,
    inbox_id        BIGINT        NULL,
    body            NVARCHAR(MAX) NOT NULL
);
CREATE INDEX ix_events_page ON events (page_id, seq);
CREATE INDEX ix_events_conversation ON events (conversation_id, seq);

CREATE TABLE quarantine (
    id          BIGINT IDENTITY(1,1) PRIMARY KEY,
    inbox_id    BIGINT         NULL,
    event_id    NVARCHAR(MAX)  NULL,
    reason      NVARCHAR(MAX)  NOT NULL,
    body        VARBINARY(MAX) NOT NULL,
    received_at BIGINT         NOT NULL,
    created_at  BIGINT         NOT NULL
);
CREATE INDEX ix_quarantine_inbox ON quarantine (inbox_id);

CREATE TABLE subscriptions (
    id         NVARCHAR(200) COLLATE Latin1_General_100_BIN2 NOT NULL PRIMARY KEY,
    url        NVARCHAR(MAX) NOT NULL,
    secret     NVARCHAR(MAX) NOT NULL,
    platforms  NVARCHAR(MAX) NULL,
    page_ids   NVARCHAR(MAX) NULL,
    events     NVARCHAR(MAX) NULL,
    created_at BIGINT        NOT NULL
);

-- Delivery as cursors over the event log (README: delivery); the live row of a partition carries the lease of the
-- host that delivers it.
CREATE TABLE delivery_cursors (
    subscription_id NVARCHAR(200) COLLATE Latin1_General_100_BIN2 NOT NULL,
    stream          BIGINT        NOT NULL,
    partition       BIGINT        NOT NULL,
    cursor_seq      BIGINT        NOT NULL,
    end_seq         BIGINT        NULL,
    lease_owner     NVARCHAR(450) COLLATE Latin1_General_100_BIN2 NULL,
    lease_until     BIGINT        NULL,
    PRIMARY KEY (subscription_id, stream, partition)
);

CREATE TABLE delivery_retries (
    subscription_id  NVARCHAR(200) COLLATE Latin1_General_100_BIN2 NOT NULL,
    stream           BIGINT        NOT NULL,
    event_seq        BIGINT        NOT NULL,
    conversation_key NVARCHAR(MAX) NOT NULL,
    attempts         BIGINT        NOT NULL,
    next_at          BIGINT        NOT NULL,
    created_at       BIGINT        NOT NULL,
    PRIMARY KEY (subscription_id, stream, event_seq)
);
CREATE INDEX ix_delivery_retries_event ON delivery_retries (event_seq);

CREATE TABLE delivery_attempts (
    id              BIGINT IDENTITY(1,1) PRIMARY KEY,
    subscription_id NVARCHAR(200) COLLATE Latin1_General_100_BIN2 NOT NULL,
    event_seq       BIGINT        NOT NULL,
    event_id        NVARCHAR(MAX) NOT NULL,
    conversation_id NVARCHAR(MAX) NULL,
    attempt         BIGINT        NOT NULL,
    at              BIGINT        NOT NULL,
    status_code     BIGINT        NULL,
    error           NVARCHAR(MAX) NULL,
    duration_ms     BIGINT        NOT NULL
);
CREATE INDEX ix_delivery_attempts_subscription ON delivery_attempts (subscription_id, event_seq);
CREATE INDEX ix_delivery_attempts_event ON delivery_attempts (event_seq);

CREATE TABLE contacts (
    id         NVARCHAR(450) COLLATE Latin1_General_100_BIN2 NOT NULL PRIMARY KEY,
    person_id  NVARCHAR(450) COLLATE Latin1_General_100_BIN2 NOT NULL,
    platform   NVARCHAR(MAX) NOT NULL,
    scoped_id  NVARCHAR(400) COLLATE Latin1_General_100_BIN2 NOT NULL,
    id_type    NVARCHAR(MAX) NOT NULL,
    scope_id   NVARCHAR(400) COLLATE Latin1_General_100_BIN2 NOT NULL,
    asid       NVARCHAR(450) COLLATE Latin1_General_100_BIN2 NULL,
    is_active  BIGINT        NOT NULL DEFAULT 1,
    first_seen BIGINT        NOT NULL,
    last_seen  BIGINT        NOT NULL,
    profile    NVARCHAR(MAX) NULL,
    UNIQUE (scoped_id, scope_id)
);
CREATE INDEX ix_contacts_person ON contacts (person_id);
CREATE INDEX ix_contacts_asid ON contacts (asid);

CREATE TABLE conversations (
    id              NVARCHAR(450) COLLATE Latin1_General_100_BIN2 NOT NULL PRIMARY KEY,
    platform        NVARCHAR(MAX) NOT NULL,
    page_id         NVARCHAR(MAX) NOT NULL,
    user_id         NVARCHAR(MAX) NOT NULL,
    last_inbound_at BIGINT        NULL,
    last_event_at   BIGINT        NOT NULL
);

CREATE TABLE page_tokens (
    page_id        NVARCHAR(450) COLLATE Latin1_General_100_BIN2 NOT NULL PRIMARY KEY,
    platform       NVARCHAR(MAX) NOT NULL,
    token          NVARCHAR(MAX) NOT NULL,
    app_id         NVARCHAR(MAX) NULL,
    linked_page_id NVARCHAR(MAX) NULL,
    created_at     BIGINT        NOT NULL,
    updated_at     BIGINT        NOT NULL
);

CREATE TABLE templates (
    name       NVARCHAR(400) COLLATE Latin1_General_100_BIN2 NOT NULL,
    locale     NVARCHAR(40) COLLATE Latin1_General_100_BIN2 NOT NULL,
    body       NVARCHAR(MAX) NOT NULL,
    updated_at BIGINT        NOT NULL,
    PRIMARY KEY (name, locale)
);

CREATE TABLE pending_sends (
    id         NVARCHAR(450) COLLATE Latin1_General_100_BIN2 NOT NULL PRIMARY KEY,
    person_id  NVARCHAR(450) COLLATE Latin1_General_100_BIN2 NOT NULL,
    platform   NVARCHAR(MAX) NOT NULL,
    page_id    NVARCHAR(MAX) NOT NULL,
    request    NVARCHAR(MAX) NOT NULL,
    status     NVARCHAR(32) COLLATE Latin1_General_100_BIN2 NOT NULL,
    result     NVARCHAR(MAX) NULL,
    created_at BIGINT        NOT NULL,
    updated_at BIGINT        NOT NULL
);
CREATE INDEX ix_pending_sends_person ON pending_sends (person_id, status);

-- The Data Protection key ring, shared by every host (tokens set through the API are encrypted with it).
CREATE TABLE data_protection_keys (
    name NVARCHAR(450) COLLATE Latin1_General_100_BIN2 NOT NULL PRIMARY KEY,
    xml  NVARCHAR(MAX) NOT NULL
);
