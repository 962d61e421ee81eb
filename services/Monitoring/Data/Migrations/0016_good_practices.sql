-- The good practices publishing's catalogue holds, as its events tell (GoodPracticePublished, GoodPracticeUnpublished):
-- monitoring counts the published ones per JST and topic. changed_at is the moment of the latest event applied, so an
-- older one arriving after it changes nothing. Public data (the catalogue shows the same), so no row-level security.
CREATE TABLE published_practices (
    practice_id        uuid PRIMARY KEY,
    jst_terc           text COLLATE "C" NOT NULL,
    jst_kind           text,
    voivodeship_terc   text COLLATE "C",
    topics             text[] NOT NULL DEFAULT '{}',
    published          boolean NOT NULL,
    first_published_at timestamptz,
    changed_at         timestamptz NOT NULL
);
CREATE INDEX published_practices_by_jst ON published_practices (jst_terc) WHERE published;
