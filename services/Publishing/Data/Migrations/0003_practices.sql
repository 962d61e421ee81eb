-- Good practices as their authors write them and their reviewers review them. JST data: a practice of a JST is seen by
-- the JST's task team, its advisor and ORE (row-level security), and by the partner's client that wrote it (checked in
-- code); the public reads only what is published (published_practices, migration 0004).

-- A trainer's, an advisor's or ORE's proposal that a JST describe something as a good practice: open until the JST's
-- team turns it into a draft (taken, practice_id) or declines it (with a reason).
CREATE TABLE practice_proposals (
    id                uuid PRIMARY KEY,
    jst_terc          text COLLATE "C" NOT NULL,
    title             text NOT NULL,
    description       text NOT NULL,
    proposed_by       uuid,
    proposed_by_name  text NOT NULL,
    proposed_by_role  text NOT NULL CHECK (proposed_by_role IN ('trainer', 'advisor', 'operator')),
    proposed_at       timestamptz NOT NULL,
    status            text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'taken', 'declined')),
    practice_id       uuid,
    answered_by       uuid,
    answered_at       timestamptz,
    decline_reason    text
);
CREATE INDEX practice_proposals_by_jst ON practice_proposals (jst_terc, proposed_at DESC);
CREATE INDEX practice_proposals_by_proposer ON practice_proposals (proposed_by, proposed_at DESC);

-- A practice and the text being written: the template's fields as one document (template, written and read whole) and
-- its authors (resolved: team members by member id, or people a partner named), changed by saves that name the revision
-- they change. draft → submitted (the advisor reviews) → editor-review (ORE's editor) → published; either reviewer may
-- ask for changes (changes-requested, returned_from says who), and a resubmission goes back to that reviewer; a
-- published practice may be unpublished with a reason and revised. round counts the submissions (= versions).
-- created_by_client: the partner's API client that wrote it on the JST's behalf.
CREATE TABLE practices (
    id                 uuid PRIMARY KEY,
    jst_terc           text COLLATE "C" NOT NULL,
    status             text NOT NULL CHECK (status IN ('draft', 'submitted', 'editor-review', 'changes-requested', 'published', 'unpublished')),
    template           jsonb NOT NULL,
    authors            jsonb NOT NULL,
    revision           integer NOT NULL DEFAULT 1,
    round              integer NOT NULL DEFAULT 0,
    returned_from      text CHECK (returned_from IN ('advisor', 'editor')),
    proposal_id        uuid REFERENCES practice_proposals (id),
    created_by         uuid,
    created_by_client  text,
    created_at         timestamptz NOT NULL,
    updated_by         uuid,
    updated_at         timestamptz NOT NULL,
    submitted_at       timestamptz,
    published_version  integer,
    first_published_at timestamptz,
    published_at       timestamptz,
    unpublished_at     timestamptz,
    unpublish_reason   text
);
CREATE INDEX practices_by_jst ON practices (jst_terc, updated_at DESC, id);
CREATE INDEX practices_by_status ON practices (status, updated_at DESC, id);
CREATE INDEX practices_by_client ON practices (created_by_client, updated_at DESC, id) WHERE created_by_client IS NOT NULL;

-- Every submission's version, as submitted: the template, the authors and the files then attached. Kept, never changed
-- (erasure alone rewrites the names and addresses in it).
CREATE TABLE practice_versions (
    id                  uuid PRIMARY KEY,
    practice_id         uuid NOT NULL REFERENCES practices (id),
    jst_terc            text COLLATE "C" NOT NULL,
    number              integer NOT NULL CHECK (number >= 1),
    template            jsonb NOT NULL,
    authors             jsonb NOT NULL,
    files               jsonb NOT NULL,
    submitted_by        uuid,
    submitted_by_client text,
    submitted_at        timestamptz NOT NULL,
    UNIQUE (practice_id, number)
);
REVOKE UPDATE, DELETE, TRUNCATE ON practice_versions FROM $app_role$;
GRANT UPDATE (template, authors) ON practice_versions TO $app_role$;

-- The reviews: the advisor's approval or request for changes, the editor's request, publication and unpublication, each
-- with its comment or reason, on the version reviewed. Kept, never changed (erasure alone empties a reviewer's name).
CREATE TABLE practice_reviews (
    id            uuid PRIMARY KEY,
    practice_id   uuid NOT NULL REFERENCES practices (id),
    jst_terc      text COLLATE "C" NOT NULL,
    version       integer NOT NULL,
    stage         text NOT NULL CHECK (stage IN ('advisor', 'editor')),
    decision      text NOT NULL CHECK (decision IN ('approved', 'changes-requested', 'published', 'unpublished')),
    comment       text,
    reviewer      uuid,
    reviewer_name text NOT NULL,
    at            timestamptz NOT NULL
);
CREATE INDEX practice_reviews_by_practice ON practice_reviews (practice_id, at, id);
REVOKE UPDATE, DELETE, TRUNCATE ON practice_reviews FROM $app_role$;
GRANT UPDATE (reviewer_name) ON practice_reviews TO $app_role$;

-- The practice's files: model documents (attachment) and photos, each photo with its alternative text. A file removed from
-- the text being written stays for the versions that had it (removed_at).
CREATE TABLE practice_files (
    id                 uuid PRIMARY KEY,
    practice_id        uuid NOT NULL REFERENCES practices (id),
    jst_terc           text COLLATE "C" NOT NULL,
    kind               text NOT NULL CHECK (kind IN ('attachment', 'photo')),
    file_name          text NOT NULL,
    content_type       text NOT NULL,
    size_bytes         bigint NOT NULL,
    content            bytea NOT NULL,
    alt_text           text,
    description        text,
    uploaded_by        uuid,
    uploaded_by_client text,
    uploaded_at        timestamptz NOT NULL,
    removed_at         timestamptz,
    CHECK (kind <> 'photo' OR length(btrim(coalesce(alt_text, ''))) > 0)
);
CREATE INDEX practice_files_by_practice ON practice_files (practice_id, uploaded_at, id);

CALL enable_jst_isolation('practice_proposals', 'practices', 'practice_versions', 'practice_reviews', 'practice_files');
