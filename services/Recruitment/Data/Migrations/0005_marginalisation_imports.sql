-- Each import of the official list of JST at risk of permanent marginalisation: who, when, how many.
-- The list itself is the at_risk_of_marginalisation flag of the registry, replaced by each import.
CREATE TABLE marginalisation_imports (
    id          uuid PRIMARY KEY,
    imported_at timestamptz NOT NULL,
    imported_by uuid,
    file_name   text,
    lines       integer NOT NULL,
    marked      integer NOT NULL,
    skipped     integer NOT NULL
);
