-- A dry run writes its records pending, as a load does, and removes them when it resolves. Its rows would collide with
-- those of a load running beside it, so it takes the registry's one pending-load place too: a dry run and a load, or
-- two dry runs, queue one behind the other.
DROP INDEX ux_load_run_one_pending_load;
CREATE UNIQUE INDEX ux_load_run_one_pending_load ON load_run (pending) WHERE pending = 1 AND kind IN ('load', 'dry-run');
