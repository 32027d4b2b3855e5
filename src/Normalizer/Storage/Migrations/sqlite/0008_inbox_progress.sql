-- How far the inbox is processed: every inbox row up to processed_through. The processor moves it in the transaction that
-- stores the rows' events, so the two are never apart, even with the inbox in a file of its own (which the processor then
-- never writes). A single writer appends the inbox, so its ids commit in order and the rows still to do are those above it.
-- The row is created at first use, from the inbox's processed_at marks of earlier versions.
CREATE TABLE inbox_progress (
    id                INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    processed_through INTEGER NOT NULL
);
