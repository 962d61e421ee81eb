-- The participatory consultation of a plan's version with the school community (directors, teachers, parents, pupils,
-- employers, NGOs), who have no accounts: the team opens it for a period of Warsaw days, which moves the version from
-- draft to consultation; closing it (the team, or the end of closes_on) moves it on to revised. One consultation per
-- version.
CREATE TABLE plan_consultations (
    id          uuid PRIMARY KEY,
    plan_id     uuid NOT NULL REFERENCES plans (id),
    version_id  uuid NOT NULL UNIQUE REFERENCES plan_versions (id),
    jst_terc    text COLLATE "C" NOT NULL,
    opens_on    date NOT NULL,
    closes_on   date NOT NULL,
    opened_by   uuid,
    opened_at   timestamptz NOT NULL,
    closed_at   timestamptz,
    closed_by   uuid,
    closed_how  text CHECK (closed_how IN ('team', 'term')),
    CHECK (closes_on >= opens_on),
    CHECK ((closed_at IS NULL) = (closed_how IS NULL))
);
CREATE INDEX plan_consultations_by_plan ON plan_consultations (plan_id);
CREATE INDEX plan_consultations_open_by_term ON plan_consultations (closes_on) WHERE closed_at IS NULL;

-- The ways in: the public link the team shares (one working at a time; issuing a new one replaces it) and a personal
-- link per invited address (mailed by notifications; inviting the address again replaces it). The token is given once
-- and only its SHA-256 hash is kept. Every link stops working when the consultation closes; the team may revoke one.
CREATE TABLE consultation_links (
    id               uuid PRIMARY KEY,
    consultation_id  uuid NOT NULL REFERENCES plan_consultations (id),
    jst_terc         text COLLATE "C" NOT NULL,
    kind             text NOT NULL CHECK (kind IN ('public', 'personal')),
    token_hash       bytea NOT NULL UNIQUE,
    email            text,
    issued_by        uuid,
    issued_at        timestamptz NOT NULL,
    revoked_at       timestamptz,
    revoked_by       uuid,
    revoked_how      text CHECK (revoked_how IN ('revoked', 'replaced')),
    last_used_at     timestamptz,
    CHECK ((revoked_at IS NULL) = (revoked_how IS NULL))
);
CREATE INDEX consultation_links_by_consultation ON consultation_links (consultation_id);

-- A participant's comment: who they are (a stakeholder type; a name and a school only if they give them), on what (the
-- whole plan, or a priority or action of the consulted version), the text, and their consent to the processing (when);
-- publish_name is the separate consent to their name (and school) appearing in the public resolution log. The team
-- answers each (accepted, partly, rejected, with the reason) or hides it with a reason (kept here, never published).
-- client_key stands for the client's address: SHA-256 of the consultation's id and the address while the consultation
-- is open (the limit per address goes by it), hashed again with a random salt no one keeps when it closes, so comments
-- from one address still count as one participant's but the address can no longer be found from it.
CREATE TABLE consultation_comments (
    id               uuid PRIMARY KEY,
    consultation_id  uuid NOT NULL REFERENCES plan_consultations (id),
    jst_terc         text COLLATE "C" NOT NULL,
    link_id          uuid NOT NULL REFERENCES consultation_links (id),
    stakeholder_type text NOT NULL,
    author_name      text,
    publish_name     boolean NOT NULL DEFAULT false,
    school_id        uuid REFERENCES schools (id),
    target_id        uuid,
    text             text NOT NULL,
    consented_at     timestamptz NOT NULL,
    client_key       bytea,
    created_at       timestamptz NOT NULL,
    answer           text CHECK (answer IN ('accepted', 'partly', 'rejected')),
    answer_reason    text,
    answered_by      uuid,
    answered_at      timestamptz,
    hidden_reason    text,
    hidden_by        uuid,
    hidden_at        timestamptz,
    CHECK ((answer IS NULL) = (answer_reason IS NULL)),
    CHECK ((hidden_at IS NULL) = (hidden_reason IS NULL))
);
CREATE INDEX consultation_comments_by_consultation ON consultation_comments (consultation_id, created_at);
CREATE INDEX consultation_comments_by_link ON consultation_comments (link_id, created_at);

CALL enable_jst_isolation('plan_consultations', 'consultation_links', 'consultation_comments');

-- The JST a consultation link belongs to, looked up past row-level security (a participant has no scope until the
-- link names one): the token's hash is the secret, and the answer is the JST code only.
CREATE FUNCTION consultation_link_jst(p_token_hash bytea) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
    SELECT jst_terc FROM consultation_links WHERE token_hash = p_token_hash
$$;
REVOKE ALL ON FUNCTION consultation_link_jst(bytea) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION consultation_link_jst(bytea) TO $app_role$;
