-- The schools register: the schools and placówki each JST runs (as organ prowadzący), seeded from the national
-- school register extract of 2022 (Data/Seed/rspo-schools-2022-02-16.csv.gz) and then kept by the JST's team, which
-- confirms its list, adds the schools the extract lacks, corrects and closes (or reopens) them. Diagnoses refer to
-- these rows. JST data: row-level security by jst_terc.
CREATE TABLE schools (
    id              uuid PRIMARY KEY,
    jst_terc        text COLLATE "C" NOT NULL,       -- the JST that runs the school (2024 TERC, as in the JST registry)
    rspo_id         integer UNIQUE,                  -- RSPO number; null for a school the team added
    name            text NOT NULL,
    kind            text,                            -- e.g. 'Szkoła podstawowa', 'Przedszkole'; the extract's is inferred
    status          text NOT NULL CHECK (status IN ('active', 'closed')),
    street          text,
    house_number    text,
    postcode        text,
    town            text NOT NULL,
    is_public       boolean,                         -- publiczna / niepubliczna; null where the extract does not say
    regon           text,
    parent_rspo_id  integer,                         -- the zespół the school belongs to, as the extract has it
    source          text NOT NULL CHECK (source IN ('rspo-2022', 'team')),
    jst_terc_method text,                            -- how the extract derived the organ's TERC from its name (not official)
    closed_at       timestamptz,
    closed_reason   text,
    -- Set once the team corrected, closed or reopened the school: from then on the import leaves it as the team has it.
    team_changed_at timestamptz,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    CHECK ((source = 'team') = (rspo_id IS NULL)),
    CHECK ((status = 'closed') = (closed_at IS NOT NULL))
);
CREATE INDEX schools_by_jst ON schools (jst_terc, status);

-- Every change of a school, with who made it (the person's id and name as their token gave them; the import has no
-- person) and when: what kind of change, the school before and after (jsonb, the same fields the API shows), the
-- reason given. The application role adds rows and never changes them, save the name of a person erased (RODO).
CREATE TABLE school_changes (
    id              uuid PRIMARY KEY,
    school_id       uuid NOT NULL REFERENCES schools (id),
    jst_terc        text COLLATE "C" NOT NULL,
    change          text NOT NULL CHECK (change IN ('added', 'corrected', 'closed', 'reopened', 'register-updated')),
    before          jsonb,
    after           jsonb NOT NULL,
    reason          text,
    changed_by      uuid,
    changed_by_name text NOT NULL,
    changed_at      timestamptz NOT NULL
);
CREATE INDEX school_changes_by_jst ON school_changes (jst_terc, changed_at DESC);
CREATE INDEX school_changes_by_school ON school_changes (school_id, changed_at DESC);

-- The team confirmed its JST's list as it stood (how many schools were active then): one row per confirmation,
-- the latest is the JST's standing one.
CREATE TABLE school_list_confirmations (
    id                uuid PRIMARY KEY,
    jst_terc          text COLLATE "C" NOT NULL,
    active_schools    integer NOT NULL,
    confirmed_by      uuid,
    confirmed_by_name text NOT NULL,
    confirmed_at      timestamptz NOT NULL
);
CREATE INDEX school_list_confirmations_by_jst ON school_list_confirmations (jst_terc, confirmed_at DESC);

REVOKE UPDATE, DELETE, TRUNCATE ON school_changes, school_list_confirmations FROM $app_role$;
GRANT UPDATE (changed_by_name) ON school_changes TO $app_role$;
GRANT UPDATE (confirmed_by_name) ON school_list_confirmations TO $app_role$;

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

-- The three are JST data.
CALL enable_jst_isolation('schools', 'school_changes', 'school_list_confirmations');

-- Each run of the import and what it did (ORE reads the latest): rows of the extract read, schools imported, updated
-- from the extract, unchanged, kept as the team has them, and rows skipped, counted by reason. Not JST data.
CREATE TABLE school_register_imports (
    id            uuid PRIMARY KEY,
    source        text NOT NULL,
    source_sha256 text NOT NULL,
    started_at    timestamptz NOT NULL,
    finished_at   timestamptz NOT NULL,
    rows_read     integer NOT NULL,
    imported      integer NOT NULL,
    updated       integer NOT NULL,
    unchanged     integer NOT NULL,
    kept          integer NOT NULL,
    skipped       jsonb NOT NULL
);
CREATE INDEX school_register_imports_latest ON school_register_imports (finished_at DESC);
