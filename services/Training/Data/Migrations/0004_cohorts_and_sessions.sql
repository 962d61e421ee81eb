-- A cohort (grupa szkoleniowa): several JST teams trained together on the programme version current
-- when the cohort was formed, by the trainers assigned to it.
CREATE TABLE cohorts (
    id                uuid PRIMARY KEY,
    name              text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    programme_version integer NOT NULL REFERENCES programme_versions (version),
    created_by        uuid,
    created_at        timestamptz NOT NULL
);
ALTER TABLE teams ADD CONSTRAINT teams_cohort FOREIGN KEY (cohort_id) REFERENCES cohorts (id);

-- Trainers by address (always) and account id (when the operator knows it): a trainer's token matches
-- either, so a trainer invited after the assignment is recognised by the address.
CREATE TABLE cohort_trainers (
    cohort_id   uuid NOT NULL REFERENCES cohorts (id),
    email       text NOT NULL,
    full_name   text NOT NULL,
    user_id     uuid,
    assigned_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX cohort_trainers_one_per_cohort ON cohort_trainers (cohort_id, lower(email));
CREATE INDEX cohort_trainers_by_email ON cohort_trainers (lower(email));
CREATE INDEX cohort_trainers_by_user ON cohort_trainers (user_id) WHERE user_id IS NOT NULL;

-- A session of one module for one cohort. Times are instants (UTC); operators enter them in
-- Europe/Warsaw. hours count towards the module's attendance. sequence counts the changes (iCalendar
-- SEQUENCE). check_in_code is what the trainer shows; it works only while the session runs.
CREATE TABLE sessions (
    id            uuid PRIMARY KEY,
    cohort_id     uuid NOT NULL REFERENCES cohorts (id),
    module_code   text COLLATE "C" NOT NULL,
    starts_at     timestamptz NOT NULL,
    ends_at       timestamptz NOT NULL,
    form          text NOT NULL CHECK (form IN ('stationary', 'online', 'blended')),
    place         text,
    online_url    text,
    capacity      integer NOT NULL CHECK (capacity > 0),
    hours         numeric(4,1) NOT NULL CHECK (hours > 0),
    check_in_code text COLLATE "C" NOT NULL,
    sequence      integer NOT NULL DEFAULT 0,
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL,
    CHECK (ends_at > starts_at),
    CHECK (form = 'online' OR place IS NOT NULL),
    CHECK (form = 'stationary' OR online_url IS NOT NULL)
);
CREATE INDEX sessions_by_cohort ON sessions (cohort_id, starts_at);
CREATE INDEX sessions_by_code ON sessions (check_in_code);
