-- A load writes each valid record straight into the registry's tables, once, instead of staging it and copying it
-- there at the end. Its rows wait there, invisible, until its resolve step has judged the whole file by the
-- cross-record rules and removed what may not stay; the same transaction then clears the run's pending flag, which
-- makes all its rows visible at once.
--
-- The tables keep every row, pending or not (asset_row, asset_version_row); the views under the old names (asset,
-- asset_version) show only what is registered, so every reader sees the registry as it was before the load began
-- until the moment the load's registration commits. Only the load store writes the row tables.
ALTER TABLE asset RENAME TO asset_row;
ALTER TABLE asset_version RENAME TO asset_version_row;

-- The run that created the asset: invisible while that run is pending.
ALTER TABLE asset_row ADD COLUMN run_id INTEGER NOT NULL DEFAULT 0;
-- The record of the run's file that registered the version: its provenance, and how a rejected row is found again.
ALTER TABLE asset_version_row ADD COLUMN record_number INTEGER NOT NULL DEFAULT 0;
-- A run's rows, in record order: its rejects are listed, a dry run or a run over budget removed, by this index.
-- Within a load it grows at its right edge only, which costs little.
CREATE INDEX ix_asset_version_row_run ON asset_version_row (run_id, record_number);

-- 1 while a run's rows are not yet registered; how many rows its chunks wrote.
ALTER TABLE load_run ADD COLUMN pending INTEGER NOT NULL DEFAULT 0;
ALTER TABLE load_run ADD COLUMN written INTEGER NOT NULL DEFAULT 0;
CREATE INDEX ix_load_run_pending ON load_run (id) WHERE pending = 1;
-- One load at a time per registry, whatever the number of processes or hosts: a second load cannot become pending
-- while another is.
CREATE UNIQUE INDEX ux_load_run_one_pending_load ON load_run (pending) WHERE pending = 1 AND kind = 'load';

-- The groups (asset and department) of a run whose versions would leave a gap, with the length of their gap-free
-- prefix: the resolve step's working set, emptied when it ends.
CREATE TABLE run_gap (
    run_id         INTEGER NOT NULL,
    asset_id       INTEGER NOT NULL,
    department     TEXT    NOT NULL,
    complete_up_to INTEGER NOT NULL,
    CONSTRAINT pk_run_gap PRIMARY KEY (run_id, asset_id, department)
) WITHOUT ROWID;

CREATE VIEW asset AS
SELECT id, name, type
FROM asset_row
WHERE run_id NOT IN (SELECT id FROM load_run WHERE pending = 1);

CREATE VIEW asset_version AS
SELECT asset_id, department, version, status, run_id, record_number
FROM asset_version_row
WHERE run_id NOT IN (SELECT id FROM load_run WHERE pending = 1);
