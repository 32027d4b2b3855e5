-- How many times the processor began a row it did not finish (counted only after a start or a failed batch): a row
-- that keeps stopping the process is quarantined after Normalizer:Inbox:MaxAttempts. One quarantine record per row.
ALTER TABLE inbox ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
CREATE INDEX ix_quarantine_inbox ON quarantine (inbox_id);
