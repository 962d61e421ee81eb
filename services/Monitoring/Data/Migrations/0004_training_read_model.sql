-- What the programme's indicators need from training, per person (the recruitment member id) with the
-- JST and sex category the event carried, so a later erasure leaves the counts as they were.

-- One row per session and person: present, or no longer (an attendance corrected after the fact).
-- The later event wins, whichever order they arrive in.
CREATE TABLE training_attendance (
    session_id     uuid NOT NULL,
    participant_id uuid NOT NULL,
    jst_terc       text COLLATE "C" NOT NULL,
    sex            text NOT NULL,
    attended       boolean NOT NULL,
    recorded_at    timestamptz NOT NULL,
    PRIMARY KEY (session_id, participant_id)
);

-- The standing validation of each person's module in their cohort: the latest CompetenceValidated.
CREATE TABLE training_competence (
    participant_id uuid NOT NULL,
    cohort_id      uuid NOT NULL,
    module_code    text NOT NULL,
    jst_terc       text COLLATE "C" NOT NULL,
    sex            text NOT NULL,
    validated      boolean NOT NULL,
    raised         boolean NOT NULL,
    validated_at   timestamptz NOT NULL,
    PRIMARY KEY (participant_id, cohort_id, module_code)
);
