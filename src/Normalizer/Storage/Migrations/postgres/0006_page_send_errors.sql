-- The last send that Meta (or the channel) refused, per Page: what the console shows as the token's health.
CREATE TABLE page_send_errors (
    page_id  TEXT    NOT NULL PRIMARY KEY,
    platform TEXT    NOT NULL,
    kind     TEXT    NOT NULL,
    code     INTEGER NULL,
    message  TEXT    NOT NULL,
    at       BIGINT  NOT NULL
);
