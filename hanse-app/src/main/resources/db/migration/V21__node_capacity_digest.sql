-- The capacity section of a node's config file is handed to the ordering module, not kept in config_json; its digest
-- (SHA-256 of the section's canonical JSON, null without one) lets a re-posted registration be told from a changed one.
ALTER TABLE node ADD COLUMN capacity_digest VARCHAR(64);
