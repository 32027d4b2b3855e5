-- A PSID reset is looked for among the stale contacts of a Page (is_active = 0: an opt-out, a block, a send that Meta
-- refused as unreachable). profile_key is a hash of the cached profile's first name, last name and picture URL, set
-- only when all three are known, so that a new ID can be matched to exactly one stale contact with the same profile.
-- Profiles cached before it have no key and are not matched.
ALTER TABLE contacts ADD COLUMN profile_key TEXT NULL;
-- One partial index holds the stale contacts only (a Page's few), by Page and profile: both lookups (stale contacts
-- with an ASID; stale contacts with a profile) go through it, and writing an active contact costs it nothing.
CREATE INDEX ix_contacts_stale ON contacts (scope_id, profile_key) WHERE is_active = 0;
