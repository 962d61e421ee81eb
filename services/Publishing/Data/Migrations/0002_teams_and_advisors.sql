-- Row-level security with the platform's policy (BuildingBlocks' JstRowSecurity) on a JST table: one definition for this
-- service's migrations, which call it for each table of JST data they create. Run by the owner, as migrations are.
CREATE PROCEDURE enable_jst_isolation(VARIADIC jst_tables text[]) LANGUAGE plpgsql AS $$
DECLARE
    in_scope constant text := 'current_setting(''cro.jst_all'', true) = ''on'''
        || ' OR jst_terc = ANY (string_to_array(current_setting(''cro.jst_tercs'', true), '',''))';
    jst_table text;
BEGIN
    FOREACH jst_table IN ARRAY jst_tables LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', jst_table);
        EXECUTE format('CREATE POLICY jst_isolation ON %I USING (%s) WITH CHECK (%s)', jst_table, in_scope, in_scope);
    END LOOP;
END
$$;
REVOKE ALL ON PROCEDURE enable_jst_isolation(text[]) FROM PUBLIC;

-- The people of accepted task teams, as recruitment announces them: the authors a JST's practice may name (its team's
-- members, by member id), with the names and addresses its notices go to. left_at: no longer in the team (named before,
-- they stay named on what they wrote).
CREATE TABLE team_members (
    member_id      uuid PRIMARY KEY,
    application_id uuid NOT NULL,
    jst_terc       text COLLATE "C" NOT NULL,
    full_name      text NOT NULL,
    email          text NOT NULL,
    is_coordinator boolean NOT NULL,
    joined_at      timestamptz NOT NULL,
    left_at        timestamptz
);
CREATE INDEX team_members_current ON team_members (jst_terc) WHERE left_at IS NULL;
CREATE INDEX team_members_by_email ON team_members (lower(email));

-- Each JST's advisors, as advisory announces them (one row per engagement; a handover changes its advisor): whom a
-- submitted practice waits for. ended_at: the engagement ended.
CREATE TABLE jst_advisors (
    engagement_id   uuid PRIMARY KEY,
    jst_terc        text COLLATE "C" NOT NULL,
    advisor_id      uuid NOT NULL,
    advisor_user_id uuid,
    full_name       text NOT NULL,
    email           text NOT NULL,
    assigned_at     timestamptz NOT NULL,
    ended_at        timestamptz
);
CREATE INDEX jst_advisors_current ON jst_advisors (jst_terc) WHERE ended_at IS NULL;

CALL enable_jst_isolation('team_members', 'jst_advisors');
