-- The groups (asset and department) a small run (at most 50,000 rows written) wrote to: its resolve checks them for
-- gaps, and removing its rows walks only them. SQLite's migration drops the run index in their favour; PostgreSQL
-- keeps it, because its batch inserts do not count their rows one by one and a chunk finds the rows it wrote by it.
CREATE TABLE run_group (
    run_id     BIGINT NOT NULL,
    asset_id   BIGINT NOT NULL,
    department TEXT COLLATE "C" NOT NULL,
    CONSTRAINT pk_run_group PRIMARY KEY (run_id, asset_id, department)
);

-- A run left pending by a release before this one (a load that was killed, to be resumed) noted no groups: note them
-- now, so that its resolution and its removal find every row it wrote.
INSERT INTO run_group (run_id, asset_id, department)
SELECT DISTINCT run_id, asset_id, department FROM asset_version_row
WHERE run_id IN (SELECT id FROM load_run WHERE pending = 1);
