-- The customer of each event (its user_id), beside its page_id: events are read with the contact of that scoped ID and
-- the contact's person (contact_id, person_id) through the contacts' unique (scoped_id, scope_id) index. Events stored
-- before it take their customer from their conversation, which names the same (page_id, user_id).
ALTER TABLE events ADD COLUMN user_id TEXT NULL;
UPDATE events SET user_id = c.user_id FROM conversations c WHERE c.id = events.conversation_id;
