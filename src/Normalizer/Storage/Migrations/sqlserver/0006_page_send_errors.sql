-- The last send that Meta (or the channel) refused, per Page: what the console shows as the token's health.
CREATE TABLE page_send_errors (
    page_id  NVARCHAR(450) COLLATE Latin1_General_100_BIN2 NOT NULL PRIMARY KEY,
    platform NVARCHAR(MAX) NOT NULL,
    kind     NVARCHAR(MAX) NOT NULL,
    code     INT           NULL,
    message  NVARCHAR(MAX) NOT NULL,
    at       BIGINT        NOT NULL
);
