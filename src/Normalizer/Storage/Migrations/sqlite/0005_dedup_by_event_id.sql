-- Dedup claims read the events' own unique id (events.id) in the processor's write transaction:
-- one random-keyed B-tree less to write per event.
DROP TABLE dedup_keys;
