-- A load over its reject budget is final: it registered nothing and its staged records are gone, so loading the same
-- content again starts a new run, judged by the rules in force then, instead of resuming this one.
ALTER TABLE load_run ADD COLUMN over_budget INTEGER NOT NULL DEFAULT 0;
