-- A JST's diagnosis of its schools' digital state: a baseline, then again after 12 and after 36 months, each pinned to
-- the instrument version current when it started. It collects one questionnaire per school that was active in the
-- register when it started, and one for the JST's team (school_id null), until its team closes the collection.
CREATE TABLE diagnoses (
    id                   uuid PRIMARY KEY,
    jst_terc             text COLLATE "C" NOT NULL,
    kind                 text NOT NULL CHECK (kind IN ('baseline', 'after-12-months', 'after-36-months')),
    instrument_version   integer NOT NULL REFERENCES instrument_versions (version),
    started_by           uuid,
    started_at           timestamptz NOT NULL,
    collection_closed_at timestamptz,
    collection_closed_by uuid,
    UNIQUE (jst_terc, kind)
);

-- One respondent set's answers: a school's (its director's and IT administrator's sections) or the JST team's. Progress
-- is kept with each save: required questions asked (those whose condition holds) and how many of them are answered.
CREATE TABLE questionnaires (
    id                 uuid PRIMARY KEY,
    diagnosis_id       uuid NOT NULL REFERENCES diagnoses (id),
    jst_terc           text COLLATE "C" NOT NULL,
    school_id          uuid REFERENCES schools (id),
    school_name        text,
    status             text NOT NULL CHECK (status IN ('open', 'submitted')),
    required_questions integer NOT NULL,
    answered_required  integer NOT NULL,
    updated_at         timestamptz,
    submitted_at       timestamptz,
    submitted_by       uuid,
    submitted_via_link uuid,
    UNIQUE NULLS NOT DISTINCT (diagnosis_id, school_id)
);
CREATE INDEX questionnaires_by_school ON questionnaires (school_id);

-- A school director's personal link: the token is given once and only its SHA-256 hash is kept. It works until it is
-- revoked (or replaced by a new one), its date passes, or the diagnosis stops collecting.
CREATE TABLE questionnaire_links (
    id               uuid PRIMARY KEY,
    questionnaire_id uuid NOT NULL REFERENCES questionnaires (id),
    jst_terc         text COLLATE "C" NOT NULL,
    token_hash       bytea NOT NULL UNIQUE,
    issued_by        uuid,
    issued_at        timestamptz NOT NULL,
    expires_at       timestamptz,
    revoked_at       timestamptz,
    revoked_by       uuid,
    revoked_how      text CHECK (revoked_how IN ('revoked', 'replaced')),
    last_used_at     timestamptz
);
CREATE INDEX questionnaire_links_by_questionnaire ON questionnaire_links (questionnaire_id);

-- Answers as given, one row per question (and per row of a repeat group: row_key, in the order of row_ordinal; ''
-- outside groups). A single choice is a one-element choice_keys. Who gave it: a person, or a link.
CREATE TABLE answers (
    questionnaire_id  uuid NOT NULL REFERENCES questionnaires (id),
    question_key      text COLLATE "C" NOT NULL,
    row_key           text COLLATE "C" NOT NULL DEFAULT '',
    row_ordinal       integer NOT NULL DEFAULT 0,
    jst_terc          text COLLATE "C" NOT NULL,
    number_value      numeric,
    choice_keys       text[],
    scale_value       integer CHECK (scale_value BETWEEN 1 AND 5),
    text_value        text,
    dont_know         boolean NOT NULL DEFAULT false,
    answered_at       timestamptz NOT NULL,
    answered_by       uuid,
    answered_via_link uuid,
    PRIMARY KEY (questionnaire_id, question_key, row_key)
);

-- Each reopening of a submitted questionnaire, with the team's reason: kept, never changed.
CREATE TABLE questionnaire_reopenings (
    id               uuid PRIMARY KEY,
    questionnaire_id uuid NOT NULL REFERENCES questionnaires (id),
    jst_terc         text COLLATE "C" NOT NULL,
    reason           text NOT NULL,
    submitted_at     timestamptz NOT NULL,
    reopened_by      uuid,
    reopened_at      timestamptz NOT NULL
);
CREATE INDEX questionnaire_reopenings_by_questionnaire ON questionnaire_reopenings (questionnaire_id);
REVOKE UPDATE, DELETE, TRUNCATE ON questionnaire_reopenings FROM $app_role$;

-- Every table of a diagnosis is under the JST rule of JstRowSecurity.
CALL enable_jst_isolation('diagnoses', 'questionnaires', 'questionnaire_links', 'answers', 'questionnaire_reopenings');

-- The JST a school link belongs to, looked up past row-level security (a director has no scope until the link names
-- one): the token's hash is the secret, and the answer is the JST code only.
CREATE FUNCTION questionnaire_link_jst(p_token_hash bytea) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
    SELECT jst_terc FROM questionnaire_links WHERE token_hash = p_token_hash
$$;
REVOKE ALL ON FUNCTION questionnaire_link_jst(bytea) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION questionnaire_link_jst(bytea) TO $app_role$;
