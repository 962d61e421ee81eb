-- A cancelled session stays (its UID keeps living in people's calendars, which must learn it is cancelled),
-- but it takes no attendance, counts for no hours and opens or closes no test.
ALTER TABLE sessions ADD COLUMN cancelled_at timestamptz;
ALTER TABLE sessions ADD COLUMN cancelled_by uuid;
ALTER TABLE sessions ADD COLUMN cancellation_reason text;
ALTER TABLE sessions ADD CONSTRAINT sessions_cancellation_reason CHECK ((cancelled_at IS NULL) = (cancellation_reason IS NULL));
CREATE INDEX sessions_upcoming ON sessions (starts_at) WHERE cancelled_at IS NULL;

-- A team moved to another cohort or taken out of one: from where, to where (none: out of every cohort), by
-- whom and why. Attendance and attempts keep pointing at the sessions and cohort they happened in. The
-- record of it: the application role may add rows, never change or remove them.
CREATE TABLE team_cohort_changes (
    id              uuid PRIMARY KEY,
    application_id  uuid NOT NULL REFERENCES teams (application_id),
    from_cohort_id  uuid REFERENCES cohorts (id),
    to_cohort_id    uuid REFERENCES cohorts (id),
    reason          text NOT NULL CHECK (length(reason) BETWEEN 1 AND 1000),
    changed_by      uuid,
    changed_by_name text,
    changed_at      timestamptz NOT NULL
);
CREATE INDEX team_cohort_changes_by_team ON team_cohort_changes (application_id, changed_at);

REVOKE UPDATE, DELETE, TRUNCATE ON team_cohort_changes FROM $app_role$;

-- What the service seeded once at start-up (the programme's public lessons): an operator who later hides or
-- removes a seeded row does not get it back at the next start.
CREATE TABLE seeds (
    name      text PRIMARY KEY,
    seeded_at timestamptz NOT NULL
);
