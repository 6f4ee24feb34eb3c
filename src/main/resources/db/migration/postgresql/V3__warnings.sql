-- Records of a run that broke a rule whose severity is warning, and every such rule each one broke. A warning does
-- not stop a record: it is registered all the same (unless another rule rejects it), and reported apart from the
-- rejects.
CREATE TABLE warning (
    run_id        BIGINT NOT NULL,
    record_number BIGINT NOT NULL,
    line          BIGINT NOT NULL,
    col           BIGINT NOT NULL,
    record        TEXT COLLATE "C" NOT NULL,
    CONSTRAINT pk_warning PRIMARY KEY (run_id, record_number)
);

CREATE TABLE warning_violation (
    run_id        BIGINT  NOT NULL,
    record_number BIGINT  NOT NULL,
    ordinal       INTEGER NOT NULL,
    rule          TEXT COLLATE "C" NOT NULL,
    field         TEXT COLLATE "C" NOT NULL,
    message       TEXT COLLATE "C" NOT NULL,
    CONSTRAINT pk_warning_violation PRIMARY KEY (run_id, record_number, ordinal)
);

CREATE INDEX ix_warning_violation_rule ON warning_violation (run_id, rule);
