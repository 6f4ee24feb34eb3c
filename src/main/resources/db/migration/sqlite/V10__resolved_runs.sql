-- Whether a run's resolution has committed: its registrations are then final (or, for a dry run or a load over its
-- reject budget, removed), and resuming the run (to write its report) must not make it pending again, which would
-- hide its versions, and let the next load of other content abandon them.
ALTER TABLE load_run ADD COLUMN resolved INTEGER NOT NULL DEFAULT 0;

-- A claimed load or dry run is pending until its resolution commits, or it is abandoned: one that is not pending and
-- was neither abandoned nor refused at its start (FAILED with nothing written) was resolved.
UPDATE load_run SET resolved = 1
WHERE kind IN ('load', 'dry-run') AND pending = 0 AND status IN ('RUNNING', 'FAILED', 'COMPLETED') AND written > 0;
