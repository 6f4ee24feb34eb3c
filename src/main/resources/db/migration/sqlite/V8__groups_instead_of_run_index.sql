-- The run index (V5) made every row of a load a second B-tree insert: a quarter of the time a load spends writing
-- rows, and more than a third of the file's size. What it served, cheaper:
--   - a small run (at most 50,000 rows written) notes the groups (asset and department) its chunks wrote in
--     run_group, one row per group: its resolve checks those groups for gaps, and removing its rows (a dry run, a
--     run over its reject budget, an abandoned run) walks only them;
--   - a large run is checked in one pass over all versions, as before, and its rows are removed in one such pass;
--   - its rejected rows were always found from its gaps, by primary key.
CREATE TABLE run_group (
    run_id     INTEGER NOT NULL,
    asset_id   INTEGER NOT NULL,
    department TEXT    NOT NULL,
    CONSTRAINT pk_run_group PRIMARY KEY (run_id, asset_id, department)
) WITHOUT ROWID;

-- A run left pending by a release before this one (a load that was killed, to be resumed) noted no groups: note them
-- now, so that its resolution and its removal find every row it wrote.
INSERT INTO run_group (run_id, asset_id, department)
SELECT DISTINCT run_id, asset_id, department FROM asset_version_row
WHERE run_id IN (SELECT id FROM load_run WHERE pending = 1);

DROP INDEX ix_asset_version_row_run;
