-- The time a run spent stopped between two attempts (killed, then loaded again the next morning): its duration is
-- its working time, from its start to its end less this. 0 for runs recorded before, and for runs never resumed.
ALTER TABLE load_run ADD COLUMN paused_ms BIGINT NOT NULL DEFAULT 0;
