-- The accepted JST task teams, as recruitment announces them: whom an advisor advises, and who may book. Rows of a
-- JST are visible only within its scope (row-level security, see BuildingBlocks' JstRowSecurity).
CREATE TABLE teams (
    application_id   uuid PRIMARY KEY,
    round_id         uuid NOT NULL,
    round_name       text NOT NULL DEFAULT '',
    jst_terc         text COLLATE "C" NOT NULL,
    jst_name         text NOT NULL,
    voivodeship_terc text COLLATE "C" NOT NULL,
    accepted_at      timestamptz NOT NULL,
    withdrawn_at     timestamptz
);
CREATE INDEX teams_round ON teams (round_id);

CREATE TABLE team_members (
    id             uuid PRIMARY KEY,
    application_id uuid NOT NULL REFERENCES teams (application_id),
    jst_terc       text COLLATE "C" NOT NULL,
    full_name      text NOT NULL,
    email          text NOT NULL,
    is_coordinator boolean NOT NULL,
    joined_at      timestamptz NOT NULL,
    left_at        timestamptz
);
CREATE INDEX team_members_application ON team_members (application_id);
CREATE INDEX team_members_email ON team_members (lower(email));

ALTER TABLE teams ENABLE ROW LEVEL SECURITY;
CREATE POLICY jst_isolation ON teams
    USING (current_setting('cro.jst_all', true) = 'on'
           OR jst_terc = ANY (string_to_array(current_setting('cro.jst_tercs', true), ',')))
    WITH CHECK (current_setting('cro.jst_all', true) = 'on'
           OR jst_terc = ANY (string_to_array(current_setting('cro.jst_tercs', true), ',')));
ALTER TABLE team_members ENABLE ROW LEVEL SECURITY;
CREATE POLICY jst_isolation ON team_members
    USING (current_setting('cro.jst_all', true) = 'on'
           OR jst_terc = ANY (string_to_array(current_setting('cro.jst_tercs', true), ',')))
    WITH CHECK (current_setting('cro.jst_all', true) = 'on'
           OR jst_terc = ANY (string_to_array(current_setting('cro.jst_tercs', true), ',')));
