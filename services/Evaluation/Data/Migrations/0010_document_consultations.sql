-- The programme's documents (its concept, the training programmes, the materials), each a series of Markdown versions:
-- ORE drafts a version, may put it to consultation, and publishes it (the one published before becomes superseded).
-- Sections are the Markdown's headings, named by slugs computed from them (BuildingBlocks.Markdown), so they are not
-- stored. Programme-wide data, not a JST's, so no row-level security.
CREATE TABLE documents (
    id          uuid PRIMARY KEY,
    slug        text COLLATE "C" NOT NULL UNIQUE,
    kind        text NOT NULL CHECK (kind IN ('concept', 'programme', 'material')),
    title       text NOT NULL,
    created_by  uuid,
    created_at  timestamptz NOT NULL
);

CREATE TABLE document_versions (
    id              uuid PRIMARY KEY,
    document_id     uuid NOT NULL REFERENCES documents (id),
    number          int NOT NULL CHECK (number > 0),
    markdown        text NOT NULL,
    status          text NOT NULL CHECK (status IN ('draft', 'in-consultation', 'published', 'superseded')),
    change_summary  text,
    created_by      uuid,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    published_by    uuid,
    published_at    timestamptz,
    UNIQUE (document_id, number)
);
-- One version published at a time.
CREATE UNIQUE INDEX document_versions_one_published ON document_versions (document_id) WHERE status = 'published';

-- A draft version's consultation, one per version, for a period of Warsaw days; ORE may close it before its term.
CREATE TABLE document_consultations (
    id           uuid PRIMARY KEY,
    document_id  uuid NOT NULL REFERENCES documents (id),
    version_id   uuid NOT NULL UNIQUE REFERENCES document_versions (id),
    opens_on     date NOT NULL,
    closes_on    date NOT NULL,
    opened_by    uuid,
    opened_at    timestamptz NOT NULL,
    closed_at    timestamptz,
    closed_by    uuid,
    CHECK (closes_on >= opens_on)
);

-- Personal links of the people ORE invites by e-mail: JST representatives, a workshop's participants (named by the
-- workshop) or the partner association's people. The token is derived from the id (LinkTokens) and mailed by
-- notifications; only its hash is kept. The address goes when the person is erased; the link stays.
CREATE TABLE document_consultation_invitations (
    id               uuid PRIMARY KEY,
    consultation_id  uuid NOT NULL REFERENCES document_consultations (id),
    audience         text NOT NULL CHECK (audience IN ('jst', 'workshop', 'partner')),
    workshop         text,
    email            text,
    token_hash       bytea NOT NULL UNIQUE,
    invited_by       uuid,
    invited_at       timestamptz NOT NULL,
    revoked_at       timestamptz,
    last_used_at     timestamptz,
    CHECK ((audience = 'workshop') = (workshop IS NOT NULL))
);
CREATE INDEX document_consultation_invitations_by_consultation ON document_consultation_invitations (consultation_id);

-- A comment on a section of the consulted version, through an invitation or from the partner's API client, and ORE's
-- decision on it: accepted / partly / rejected with the reason, and where the change is (a later version's section).
CREATE TABLE document_comments (
    id               uuid PRIMARY KEY,
    consultation_id  uuid NOT NULL REFERENCES document_consultations (id),
    invitation_id    uuid REFERENCES document_consultation_invitations (id),
    partner_client   text,
    section_slug     text NOT NULL,
    text             text NOT NULL,
    created_at       timestamptz NOT NULL,
    decision         text CHECK (decision IN ('accepted', 'partly', 'rejected')),
    decision_reason  text,
    change_version   int,
    change_section   text,
    decided_by       uuid,
    decided_at       timestamptz,
    CHECK ((invitation_id IS NULL) <> (partner_client IS NULL)),
    CHECK ((decision IS NULL) = (decided_at IS NULL))
);
CREATE INDEX document_comments_by_consultation ON document_comments (consultation_id, created_at);

-- The partner association's review of a consulted version: a document of its own, once per consultation, with its
-- recommendations (each on a section or the whole), each decided by ORE as a comment is.
CREATE TABLE document_partner_reviews (
    id               uuid PRIMARY KEY,
    consultation_id  uuid NOT NULL UNIQUE REFERENCES document_consultations (id),
    partner_client   text NOT NULL,
    summary          text NOT NULL,
    submitted_at     timestamptz NOT NULL
);

CREATE TABLE document_recommendations (
    id               uuid PRIMARY KEY,
    review_id        uuid NOT NULL REFERENCES document_partner_reviews (id),
    consultation_id  uuid NOT NULL REFERENCES document_consultations (id),
    ordinal          int NOT NULL,
    section_slug     text,
    text             text NOT NULL,
    decision         text CHECK (decision IN ('accepted', 'partly', 'rejected')),
    decision_reason  text,
    change_version   int,
    change_section   text,
    decided_by       uuid,
    decided_at       timestamptz,
    UNIQUE (review_id, ordinal),
    CHECK ((decision IS NULL) = (decided_at IS NULL))
);
CREATE INDEX document_recommendations_by_consultation ON document_recommendations (consultation_id);

-- The revision log of a published version, public beside it: what changed (a section, or the whole), why, and from
-- what: a consultation's comment or recommendation, a survey's finding or a monitoring conclusion (a reference in
-- words, and a link where there is one), or other.
CREATE TABLE document_revisions (
    id                 uuid PRIMARY KEY,
    version_id         uuid NOT NULL REFERENCES document_versions (id),
    ordinal            int NOT NULL,
    section_slug       text,
    what               text NOT NULL,
    why                text NOT NULL,
    source             text NOT NULL CHECK (source IN ('comment', 'recommendation', 'survey', 'monitoring', 'other')),
    comment_id         uuid REFERENCES document_comments (id),
    recommendation_id  uuid REFERENCES document_recommendations (id),
    reference          text,
    reference_url      text,
    UNIQUE (version_id, ordinal),
    CHECK ((source = 'comment') = (comment_id IS NOT NULL)),
    CHECK ((source = 'recommendation') = (recommendation_id IS NOT NULL))
);
