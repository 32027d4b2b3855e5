-- An ASID is scoped to its app: the same ASID under two apps is two identities, so a contact keeps the app with it.
-- ASIDs stored before have no recorded app (NULL); the identity step asks Meta again when the customer next writes.
-- Lookups by ASID go through ix_contacts_asid and compare the app on the few rows it finds. Binary like the ASID beside it.
ALTER TABLE contacts ADD asid_app_id NVARCHAR(400) COLLATE Latin1_General_100_BIN2 NULL;
