-- The registry: assets and their versions. The model's uniqueness rules are constraints, so the database refuses a
-- duplicate even if a bug let one through.
CREATE TABLE asset (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    CONSTRAINT uq_asset_name_type UNIQUE (name, type)
);

CREATE TABLE asset_version (
    asset_id   INTEGER NOT NULL REFERENCES asset (id),
    department TEXT    NOT NULL,
    version    INTEGER NOT NULL CHECK (version >= 1),
    status     TEXT    NOT NULL,
    run_id     INTEGER NOT NULL,
    CONSTRAINT pk_asset_version PRIMARY KEY (asset_id, department, version)
) WITHOUT ROWID;

-- One row per load, or per Java API call that added versions.
CREATE TABLE load_run (
    id          INTEGER PRIMARY KEY AUTOINCREMENT, -- never reused: a run id names its report directory
    kind        TEXT    NOT NULL,
    source      TEXT    NOT NULL,
    file_size   INTEGER NOT NULL DEFAULT 0,
    sha256      TEXT,
    started_at  TEXT    NOT NULL,
    ended_at    TEXT,
    status      TEXT    NOT NULL,
    read_count  INTEGER NOT NULL DEFAULT 0,
    registered  INTEGER NOT NULL DEFAULT 0,
    unchanged   INTEGER NOT NULL DEFAULT 0,
    rejected    INTEGER NOT NULL DEFAULT 0,
    report_dir  TEXT,
    owner       TEXT     -- pid@host of the process running it, to tell a crashed run from a live one
);

CREATE INDEX ix_load_run_sha256 ON load_run (sha256);

-- Records of a running load that kept every record rule, until the cross-record rules have judged the whole load.
-- Emptied by the load's resolve step.
CREATE TABLE staged_version (
    run_id        INTEGER NOT NULL,
    record_number INTEGER NOT NULL,
    name          TEXT    NOT NULL,
    type          TEXT    NOT NULL,
    department    TEXT    NOT NULL,
    version       INTEGER NOT NULL,
    status        TEXT    NOT NULL,
    line          INTEGER NOT NULL,
    col           INTEGER NOT NULL,
    byte_offset   INTEGER NOT NULL,
    byte_length   INTEGER NOT NULL,
    CONSTRAINT pk_staged_version PRIMARY KEY (run_id, record_number)
) WITHOUT ROWID;

-- Rejected records of a run and every rule each one broke.
CREATE TABLE reject (
    run_id        INTEGER NOT NULL,
    record_number INTEGER NOT NULL,
    line          INTEGER NOT NULL,
    col           INTEGER NOT NULL,
    record        TEXT    NOT NULL,
    CONSTRAINT pk_reject PRIMARY KEY (run_id, record_number)
) WITHOUT ROWID;

CREATE TABLE reject_violation (
    run_id        INTEGER NOT NULL,
    record_number INTEGER NOT NULL,
    ordinal       INTEGER NOT NULL,
    rule          TEXT    NOT NULL,
    field         TEXT    NOT NULL,
    message       TEXT    NOT NULL,
    CONSTRAINT pk_reject_violation PRIMARY KEY (run_id, record_number, ordinal)
) WITHOUT ROWID;

CREATE INDEX ix_reject_violation_rule ON reject_violation (run_id, rule);
