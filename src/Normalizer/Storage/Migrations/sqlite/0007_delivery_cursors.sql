-- Delivery as cursors over the event log (README: delivery). Each subscription has partitions (conversations hashed to
-- them); each partition has a cursor per stream (0: the live log, from the subscription's creation on; 1…: a replayed
-- range, ended by end_seq). The live row of a partition carries the lease of the host that delivers it.
CREATE TABLE delivery_cursors (
    subscription_id TEXT    NOT NULL,
    stream          INTEGER NOT NULL,
    partition       INTEGER NOT NULL,
    cursor_seq      INTEGER NOT NULL,
    end_seq         INTEGER NULL,
    lease_owner     TEXT    NULL,
    lease_until     INTEGER NULL,
    PRIMARY KEY (subscription_id, stream, partition)
) WITHOUT ROWID;

-- A conversation parked by a failed attempt: its first row is retried at next_at, the later ones (attempts 0) wait behind it.
CREATE TABLE delivery_retries (
    subscription_id  TEXT    NOT NULL,
    stream           INTEGER NOT NULL,
    event_seq        INTEGER NOT NULL,
    conversation_key TEXT    NOT NULL,
    attempts         INTEGER NOT NULL,
    next_at          INTEGER NOT NULL,
    created_at       INTEGER NOT NULL,
    PRIMARY KEY (subscription_id, stream, event_seq)
) WITHOUT ROWID;
CREATE INDEX ix_delivery_retries_event ON delivery_retries (event_seq);

-- Every POST, written in batches; a delivery's status is derived from its attempts and its retry row.
CREATE TABLE delivery_attempts_v2 (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    subscription_id TEXT    NOT NULL,
    event_seq       INTEGER NOT NULL,
    event_id        TEXT    NOT NULL,
    conversation_id TEXT    NULL,
    attempt         INTEGER NOT NULL,
    at              INTEGER NOT NULL,
    status_code     INTEGER NULL,
    error           TEXT    NULL,
    duration_ms     INTEGER NOT NULL
);

INSERT INTO delivery_attempts_v2 (subscription_id, event_seq, event_id, conversation_id, attempt, at, status_code, error, duration_ms)
SELECT d.subscription_id, d.event_seq, d.event_id, d.conversation_id, a.attempt, a.at, a.status_code, a.error, a.duration_ms
FROM delivery_attempts a JOIN deliveries d ON d.id = a.delivery_id
ORDER BY a.id;

-- Every subscription gets 16 partitions (the default of Normalizer:Delivery:Partitions) at the head of the log: each
-- stored event already has its delivery rows, and those still pending become retry rows, so nothing pending is lost.
WITH RECURSIVE parts(p) AS (SELECT 0 UNION ALL SELECT p + 1 FROM parts WHERE p < 15)
INSERT INTO delivery_cursors (subscription_id, stream, partition, cursor_seq)
SELECT s.id, 0, parts.p, COALESCE((SELECT MAX(seq) FROM events), 0) FROM subscriptions s CROSS JOIN parts;

INSERT INTO delivery_retries (subscription_id, stream, event_seq, conversation_key, attempts, next_at, created_at)
SELECT d.subscription_id, 0, d.event_seq, COALESCE(d.conversation_id, d.event_id), MAX(d.attempts), MIN(d.next_attempt_at), MIN(d.created_at)
FROM deliveries d JOIN subscriptions s ON s.id = d.subscription_id
WHERE d.status = 'pending'
GROUP BY d.subscription_id, d.event_seq, COALESCE(d.conversation_id, d.event_id);

DROP TABLE delivery_attempts;
DROP TABLE deliveries;
ALTER TABLE delivery_attempts_v2 RENAME TO delivery_attempts;
CREATE INDEX ix_delivery_attempts_subscription ON delivery_attempts (subscription_id, event_seq);
CREATE INDEX ix_delivery_attempts_event ON delivery_attempts (event_seq);
