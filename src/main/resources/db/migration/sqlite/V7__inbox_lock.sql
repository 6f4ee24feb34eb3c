-- The lock that keeps two instances of the service from taking the inbox at once: ShedLock's table (its
-- JdbcTemplateLockProvider), one row per named lock, held until lock_until. Plain SQL that SQLite and PostgreSQL take.
CREATE TABLE shedlock (
    name       VARCHAR(64)  NOT NULL,
    lock_until TIMESTAMP    NOT NULL,
    locked_at  TIMESTAMP    NOT NULL,
    locked_by  VARCHAR(255) NOT NULL,
    PRIMARY KEY (name)
);
