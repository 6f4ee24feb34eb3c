-- A digest of the rules a run is judged by (every rule's id, settings and description, which states its parameters):
-- a run interrupted and then loaded again under other rules is not resumed, which would judge its records by two
-- sets of rules, but loaded anew. Empty for runs recorded before.
ALTER TABLE load_run ADD COLUMN rules_sha256 TEXT;
