-- A customer who stopped the business's marketing messages (WhatsApp user_preferences "stop") stays reachable for
-- everything else, so it is kept beside is_active rather than in it; a resume clears it. The send API refuses a marketing
-- message to a contact that has it, before calling Meta.
ALTER TABLE contacts ADD COLUMN marketing_opt_out BIGINT NOT NULL DEFAULT 0;
