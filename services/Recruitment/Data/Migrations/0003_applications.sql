-- A JST's application in a round, from draft to decision. The applicant has no account while it is a
-- draft: a secret key (kept hashed) in an e-mailed link opens it.
CREATE TABLE applications (
    id               uuid PRIMARY KEY,
    round_id         uuid NOT NULL REFERENCES rounds (id),
    jst_terc         text COLLATE "C" NOT NULL REFERENCES jst (terc),
    status           text NOT NULL CHECK (status IN ('draft', 'submitted', 'accepted', 'reserve', 'rejected', 'withdrawn')),
    schools_run      integer CHECK (schools_run BETWEEN 0 AND 2000),
    took_part_before boolean,
    clause_version   text,
    commitment       boolean NOT NULL DEFAULT false,
    publish_consent  boolean NOT NULL DEFAULT false,
    key_hash         bytea NOT NULL,
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    submitted_at     timestamptz,
    score            integer,
    score_breakdown  jsonb,
    scoring_version  integer,
    CHECK ((status = 'draft') = (submitted_at IS NULL))
);
-- One live application per JST per round, whatever the code does.
CREATE UNIQUE INDEX applications_one_live_per_jst ON applications (round_id, jst_terc)
    WHERE status IN ('submitted', 'accepted', 'reserve');
CREATE INDEX applications_by_round ON applications (round_id, status, score DESC, submitted_at);

-- The task team. round_id and jst_terc repeat the application's so that a unique index can refuse one
-- e-mail address in two live applications of a round, and row-level security can filter by JST.
CREATE TABLE team_members (
    id             uuid PRIMARY KEY,
    application_id uuid NOT NULL REFERENCES applications (id),
    round_id       uuid NOT NULL,
    jst_terc       text COLLATE "C" NOT NULL,
    ordinal        integer NOT NULL,
    full_name      text NOT NULL,
    email          text NOT NULL,
    position       text NOT NULL,
    phone          text,
    sex            text NOT NULL CHECK (sex IN ('woman', 'man', 'non-binary', 'undisclosed')),
    is_coordinator boolean NOT NULL,
    -- True while the member belongs to a live application (submitted, accepted or on the reserve list).
    live           boolean NOT NULL DEFAULT false,
    joined_at      timestamptz NOT NULL,
    left_at        timestamptz
);
CREATE UNIQUE INDEX team_members_one_email_per_round ON team_members (round_id, lower(email)) WHERE live;
CREATE INDEX team_members_by_application ON team_members (application_id, ordinal);

-- JST isolation (see BuildingBlocks JstRowSecurity): the application role sees the rows of the JST in
-- the transaction's scope only.
ALTER TABLE applications ENABLE ROW LEVEL SECURITY;
CREATE POLICY jst_isolation ON applications
    USING (current_setting('cro.jst_all', true) = 'on' OR jst_terc = ANY (string_to_array(current_setting('cro.jst_tercs', true), ',')))
    WITH CHECK (current_setting('cro.jst_all', true) = 'on' OR jst_terc = ANY (string_to_array(current_setting('cro.jst_tercs', true), ',')));
ALTER TABLE team_members ENABLE ROW LEVEL SECURITY;
CREATE POLICY jst_isolation ON team_members
    USING (current_setting('cro.jst_all', true) = 'on' OR jst_terc = ANY (string_to_array(current_setting('cro.jst_tercs', true), ',')))
    WITH CHECK (current_setting('cro.jst_all', true) = 'on' OR jst_terc = ANY (string_to_array(current_setting('cro.jst_tercs', true), ',')));
