-- Records of a run that broke a rule whose severity is warning, and every such rule each one broke. A warning does
-- not stop a record: it is registered all the same (unless another rule rejects it), and reported apart from the
-- rejects.
CREATE TABLE warning (
    run_id        INTEGER NOT NULL,
    record_number INTEGER NOT NULL,
    line          INTEGER NOT NULL,
    col           INTEGER NOT NULL,
    record        TEXT    NOT NULL,
    CONSTRAINT pk_warning PRIMARY KEY (run_id, record_number)
) WITHOUT ROWID;

CREATE TABLE warning_violation (
    run_id        INTEGER NOT NULL,
    record_number INTEGER NOT NULL,
    ordinal       INTEGER NOT NULL,
    rule          TEXT    NOT NULL,
    field         TEXT    NOT NULL,
    message       TEXT    NOT NULL,
    CONSTRAINT pk_warning_violation PRIMARY KEY (run_id, record_number, ordinal)
) WITHOUT ROWID;

CREATE INDEX ix_warning_violation_rule ON warning_violation (run_id, rule);
