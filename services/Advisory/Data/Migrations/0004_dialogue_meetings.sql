-- Dialogue meetings and education debates a JST holds with its school community, planned and recorded by its team
-- with the advisor. Stakeholders are counted by type (invited when planned, present when held), never named; a
-- public debate may take registrations without an account (name, address, type, consent), up to its capacity.
-- JST data: row-level security on every table.
CREATE TABLE dialogue_meetings (
    id                   uuid PRIMARY KEY,
    engagement_id        uuid NOT NULL REFERENCES engagements (id),
    jst_terc             text COLLATE "C" NOT NULL,
    kind                 text NOT NULL CHECK (kind IN ('dialogue', 'debate')),
    topic                text NOT NULL,
    starts_at            timestamptz NOT NULL,
    place                text NOT NULL,
    invited              jsonb NOT NULL DEFAULT '{}',
    status               text NOT NULL CHECK (status IN ('planned', 'held', 'cancelled')),
    -- Open registration (debates): the secret part of the public link, and how many may register.
    registration_token   text COLLATE "C" UNIQUE,
    capacity             integer CHECK (capacity BETWEEN 1 AND 5000),
    present              jsonb,
    minutes              text,
    conclusions          text,
    created_by           uuid,
    created_at           timestamptz NOT NULL,
    recorded_at          timestamptz
);
CREATE INDEX dialogue_meetings_engagement ON dialogue_meetings (engagement_id, starts_at);

CREATE TABLE dialogue_attachments (
    id                   uuid PRIMARY KEY,
    dialogue_meeting_id  uuid NOT NULL REFERENCES dialogue_meetings (id),
    jst_terc             text COLLATE "C" NOT NULL,
    file_name            text NOT NULL,
    content_type         text NOT NULL,
    size_bytes           bigint NOT NULL,
    content              bytea NOT NULL,
    uploaded_by          uuid,
    uploaded_at          timestamptz NOT NULL
);
CREATE INDEX dialogue_attachments_meeting ON dialogue_attachments (dialogue_meeting_id);

CREATE TABLE dialogue_registrations (
    id                   uuid PRIMARY KEY,
    dialogue_meeting_id  uuid NOT NULL REFERENCES dialogue_meetings (id),
    jst_terc             text COLLATE "C" NOT NULL,
    full_name            text NOT NULL,
    email                text NOT NULL,
    stakeholder_type     text NOT NULL,
    consented_at         timestamptz NOT NULL,
    registered_at        timestamptz NOT NULL
);
CREATE UNIQUE INDEX dialogue_registrations_once ON dialogue_registrations (dialogue_meeting_id, lower(email));

ALTER TABLE dialogue_meetings ENABLE ROW LEVEL SECURITY;
CREATE POLICY jst_isolation ON dialogue_meetings
    USING (current_setting('cro.jst_all', true) = 'on'
           OR jst_terc = ANY (string_to_array(current_setting('cro.jst_tercs', true), ',')))
    WITH CHECK (current_setting('cro.jst_all', true) = 'on'
           OR jst_terc = ANY (string_to_array(current_setting('cro.jst_tercs', true), ',')));
ALTER TABLE dialogue_attachments ENABLE ROW LEVEL SECURITY;
CREATE POLICY jst_isolation ON dialogue_attachments
    USING (current_setting('cro.jst_all', true) = 'on'
           OR jst_terc = ANY (string_to_array(current_setting('cro.jst_tercs', true), ',')))
    WITH CHECK (current_setting('cro.jst_all', true) = 'on'
           OR jst_terc = ANY (string_to_array(current_setting('cro.jst_tercs', true), ',')));
ALTER TABLE dialogue_registrations ENABLE ROW LEVEL SECURITY;
CREATE POLICY jst_isolation ON dialogue_registrations
    USING (current_setting('cro.jst_all', true) = 'on'
           OR jst_terc = ANY (string_to_array(current_setting('cro.jst_tercs', true), ',')))
    WITH CHECK (current_setting('cro.jst_all', true) = 'on'
           OR jst_terc = ANY (string_to_array(current_setting('cro.jst_tercs', true), ',')));

-- The JST a public debate's link belongs to, looked up past row-level security (a visitor has no scope until the
-- link names one): the token is the secret, and the answer is the JST code only.
CREATE FUNCTION debate_jst(p_token text) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
    SELECT jst_terc FROM dialogue_meetings WHERE registration_token = p_token
$$;
REVOKE ALL ON FUNCTION debate_jst(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION debate_jst(text) TO $app_role$;
