-- The JST's local strategic plan: one per JST, built on its accepted diagnosis, in versions. A version's content (priorities,
-- goals, actions with their budget, management tools, risks) is one document: it is written and read whole, adopted whole
-- and never changed once adopted (an amendment is a new version), so it is kept as jsonb; what runs across JST (money
-- planned by year and source) reads it with jsonb_array_elements.
CREATE TABLE plans (
    id            uuid PRIMARY KEY,
    jst_terc      text COLLATE "C" NOT NULL UNIQUE,
    diagnosis_id  uuid NOT NULL REFERENCES diagnoses (id),
    created_by    uuid,
    created_at    timestamptz NOT NULL
);

-- draft → consultation → revised → adopted; a later version (an amendment, with its reason) is a draft again, and its
-- adoption supersedes the version adopted before. revision grows with every save (optimistic concurrency).
CREATE TABLE plan_versions (
    id                uuid PRIMARY KEY,
    plan_id           uuid NOT NULL REFERENCES plans (id),
    jst_terc          text COLLATE "C" NOT NULL,
    number            integer NOT NULL,
    status            text NOT NULL CHECK (status IN ('draft', 'consultation', 'revised', 'adopted', 'superseded')),
    content           jsonb NOT NULL,
    revision          integer NOT NULL DEFAULT 1,
    amendment_reason  text,
    created_by        uuid,
    created_at        timestamptz NOT NULL,
    updated_by        uuid,
    updated_at        timestamptz NOT NULL,
    adopted_on        date,
    resolution_number text,
    adopted_by        uuid,
    adopted_at        timestamptz,
    superseded_at     timestamptz,
    UNIQUE (plan_id, number)
);
-- At most one version of a plan is being written (or consulted) at a time.
CREATE UNIQUE INDEX plan_versions_one_open ON plan_versions (plan_id) WHERE status IN ('draft', 'consultation', 'revised');

-- The council's resolution adopting a version, as the PDF the team uploaded.
CREATE TABLE plan_resolutions (
    version_id   uuid PRIMARY KEY REFERENCES plan_versions (id),
    jst_terc     text COLLATE "C" NOT NULL,
    file_name    text NOT NULL,
    content      bytea NOT NULL,
    uploaded_by  uuid,
    uploaded_at  timestamptz NOT NULL
);

-- The advisor's (or ORE's) comments on a version — on the whole plan or on one of its items — and how the team resolved each.
CREATE TABLE plan_comments (
    id           uuid PRIMARY KEY,
    version_id   uuid NOT NULL REFERENCES plan_versions (id),
    jst_terc     text COLLATE "C" NOT NULL,
    item_id      uuid,
    text         text NOT NULL,
    author       uuid,
    created_at   timestamptz NOT NULL,
    resolution   text,
    resolved_by  uuid,
    resolved_at  timestamptz
);
CREATE INDEX plan_comments_by_version ON plan_comments (version_id, created_at);

CALL enable_jst_isolation('plans', 'plan_versions', 'plan_resolutions', 'plan_comments');
