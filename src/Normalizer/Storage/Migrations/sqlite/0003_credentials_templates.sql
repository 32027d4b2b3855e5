-- Page tokens set through the API (token encrypted with ASP.NET Core Data Protection) and reply templates.
CREATE TABLE page_tokens (
    page_id        TEXT    NOT NULL PRIMARY KEY,
    platform       TEXT    NOT NULL,
    token          TEXT    NOT NULL,
    app_id         TEXT    NULL,
    linked_page_id TEXT    NULL,
    created_at     INTEGER NOT NULL,
    updated_at     INTEGER NOT NULL
);

CREATE TABLE templates (
    name       TEXT    NOT NULL,
    locale     TEXT    NOT NULL,
    body       TEXT    NOT NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (name, locale)
);
