-- Accepted JST teams, from recruitment's events, and the cohort each is placed in (none: waiting).
-- A team row holds no personal data (the JST and its application), so it is not under row-level security;
-- its people are.
CREATE TABLE teams (
    application_id uuid PRIMARY KEY,
    round_id       uuid NOT NULL,
    round_name     text,
    jst_terc       text COLLATE "C" NOT NULL,
    jst_name       text NOT NULL,
    accepted_at    timestamptz,
    withdrawn_at   timestamptz,
    cohort_id      uuid
);
CREATE INDEX teams_waiting ON teams (accepted_at, application_id) WHERE cohort_id IS NULL AND withdrawn_at IS NULL;
CREATE INDEX teams_by_cohort ON teams (cohort_id) WHERE cohort_id IS NOT NULL;

-- The people of those teams. id is the member's id in recruitment, so events about a person match
-- across services. A person who leaves keeps their row (left_at): their attendance stays history.
CREATE TABLE participants (
    id             uuid PRIMARY KEY,
    application_id uuid NOT NULL REFERENCES teams (application_id),
    jst_terc       text COLLATE "C" NOT NULL,
    full_name      text NOT NULL,
    email          text NOT NULL,
    position       text NOT NULL,
    sex            text NOT NULL CHECK (sex IN ('woman', 'man', 'non-binary', 'undisclosed')),
    is_coordinator boolean NOT NULL,
    enrolled_at    timestamptz NOT NULL,
    left_at        timestamptz
);
CREATE INDEX participants_by_team ON participants (application_id);
CREATE INDEX participants_by_email ON participants (lower(email));

ALTER TABLE participants ENABLE ROW LEVEL SECURITY;
CREATE POLICY jst_isolation ON participants
    USING (current_setting('cro.jst_all', true) = 'on' OR jst_terc = ANY (string_to_array(current_setting('cro.jst_tercs', true), ',')))
    WITH CHECK (current_setting('cro.jst_all', true) = 'on' OR jst_terc = ANY (string_to_array(current_setting('cro.jst_tercs', true), ',')));
