-- Tables of the messaging tests: what a consumer received, and a trace of this script's own runs.
CREATE TABLE received (
    key uuid NOT NULL,
    at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE migration_runs (ran_at timestamptz NOT NULL DEFAULT now());
INSERT INTO migration_runs DEFAULT VALUES;
