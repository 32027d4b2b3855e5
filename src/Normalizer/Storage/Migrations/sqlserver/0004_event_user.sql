-- The customer of each event (its user_id), beside its page_id: events are read with the contact of that scoped ID and
-- the contact's person (contact_id, person_id) through the contacts' unique (scoped_id, scope_id) index. Binary and of
-- the size of the contacts' scoped_id, so that the two compare without a collation conflict. Events stored before it
-- take their customer from their conversation, which names the same (page_id, user_id); the update is compiled by EXEC
-- after the new column exists (the file runs as one batch).
ALTER TABLE events ADD user_id NVARCHAR(400) COLLATE Latin1_General_100_BIN2 NULL;
EXEC ('UPDATE events SET user_id = c.user_id FROM events JOIN conversations c ON c.id = events.conversation_id');
