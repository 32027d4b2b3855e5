-- How many times the processor began a row it did not finish (counted only after a start or a failed batch): a row
-- that keeps stopping the process is quarantined after Normalizer:Inbox:MaxAttempts.
ALTER TABLE inbox ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
