-- The public catalogue: the published version of each practice as anyone reads it (document, the catalogue's view), with
-- what the catalogue searches and filters by. Public data, so no row-level security; a practice unpublished leaves it.
-- search: Polish full text (polish_ascii, migration 0001) weighted title A, the summary, problem and solution B, the rest
-- C; the facets: topics, the JST's kind and województwo, the total cost (PLN) and the year it was first published (Warsaw).
CREATE TABLE published_practices (
    practice_id      uuid PRIMARY KEY REFERENCES practices (id),
    version          integer NOT NULL,
    jst_terc         text COLLATE "C" NOT NULL,
    jst_name         text NOT NULL,
    jst_kind         text NOT NULL,
    voivodeship_terc text COLLATE "C" NOT NULL,
    title            text NOT NULL,
    summary          text NOT NULL,
    problem          text NOT NULL,
    solution         text NOT NULL,
    other_text       text NOT NULL,
    topics           text[] NOT NULL,
    licence          text NOT NULL,
    total_cost       numeric(14,2) NOT NULL,
    published_at     timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    published_year   integer NOT NULL,
    file_ids         uuid[] NOT NULL,
    document         jsonb NOT NULL,
    search           tsvector GENERATED ALWAYS AS (
                         setweight(to_tsvector('polish_ascii', title), 'A')
                         || setweight(to_tsvector('polish_ascii', summary || ' ' || problem || ' ' || solution), 'B')
                         || setweight(to_tsvector('polish_ascii', other_text), 'C')) STORED
);
CREATE INDEX published_practices_search ON published_practices USING gin (search);
CREATE INDEX published_practices_topics ON published_practices USING gin (topics);
CREATE INDEX published_practices_newest ON published_practices (published_at DESC, practice_id DESC);
CREATE INDEX published_practices_facets ON published_practices (jst_kind, voivodeship_terc, published_year);
CREATE INDEX published_practices_cost ON published_practices (total_cost);
