-- Advisors: people with an account in the advisor role, recognised by account id or address (whichever the
-- operator registered them with), with the regions (województwa, two-digit TERC) they prefer to work in and how
-- many JST they can advise at once. Not JST data: no row-level security.
CREATE TABLE advisors (
    id                 uuid PRIMARY KEY,
    user_id            uuid,
    email              text NOT NULL,
    full_name          text NOT NULL,
    voivodeships       text[] COLLATE "C" NOT NULL DEFAULT '{}',
    max_engagements    integer NOT NULL CHECK (max_engagements BETWEEN 1 AND 100),
    active             boolean NOT NULL DEFAULT true,
    -- How they can be booked (see availability): buffers around each meeting, notice, horizon, meeting length.
    buffer_before_min  integer NOT NULL DEFAULT 15 CHECK (buffer_before_min BETWEEN 0 AND 240),
    buffer_after_min   integer NOT NULL DEFAULT 15 CHECK (buffer_after_min BETWEEN 0 AND 240),
    min_notice_hours   integer NOT NULL DEFAULT 24 CHECK (min_notice_hours BETWEEN 0 AND 720),
    horizon_days       integer NOT NULL DEFAULT 60 CHECK (horizon_days BETWEEN 1 AND 365),
    meeting_minutes    integer NOT NULL DEFAULT 60 CHECK (meeting_minutes BETWEEN 15 AND 480),
    online_link        text,
    address            text,
    created_at         timestamptz NOT NULL
);
CREATE UNIQUE INDEX advisors_email ON advisors (lower(email));
CREATE UNIQUE INDEX advisors_user ON advisors (user_id) WHERE user_id IS NOT NULL;

-- The hours of advice each JST of a round may use (data per round; the default applies to rounds not listed).
CREATE TABLE round_budgets (
    round_id     uuid PRIMARY KEY,
    hours        numeric(6,1) NOT NULL CHECK (hours > 0),
    changed_by   uuid,
    changed_at   timestamptz NOT NULL
);

-- One JST's advisory: its team, its advisor for the term, the hours it may use. One open engagement per team.
-- A handover changes the advisor and keeps the engagement (and its meetings); engagement_advisors keeps who
-- advised when. JST data: row-level security.
CREATE TABLE engagements (
    id              uuid PRIMARY KEY,
    application_id  uuid NOT NULL REFERENCES teams (application_id),
    round_id        uuid NOT NULL,
    jst_terc        text COLLATE "C" NOT NULL,
    advisor_id      uuid NOT NULL REFERENCES advisors (id),
    starts_on       date NOT NULL,
    ends_on         date NOT NULL CHECK (ends_on > starts_on),
    hours_budget    numeric(6,1) NOT NULL CHECK (hours_budget > 0),
    ended_at        timestamptz,
    end_reason      text,
    ended_by        uuid,
    created_by      uuid,
    created_at      timestamptz NOT NULL
);
CREATE UNIQUE INDEX engagements_one_open_per_team ON engagements (application_id) WHERE ended_at IS NULL;
CREATE INDEX engagements_advisor ON engagements (advisor_id) WHERE ended_at IS NULL;

CREATE TABLE engagement_advisors (
    engagement_id  uuid NOT NULL REFERENCES engagements (id),
    advisor_id     uuid NOT NULL REFERENCES advisors (id),
    jst_terc       text COLLATE "C" NOT NULL,
    from_at        timestamptz NOT NULL,
    to_at          timestamptz,
    reason         text,
    changed_by     uuid,
    PRIMARY KEY (engagement_id, from_at)
);

ALTER TABLE engagements ENABLE ROW LEVEL SECURITY;
CREATE POLICY jst_isolation ON engagements
    USING (current_setting('cro.jst_all', true) = 'on'
           OR jst_terc = ANY (string_to_array(current_setting('cro.jst_tercs', true), ',')))
    WITH CHECK (current_setting('cro.jst_all', true) = 'on'
           OR jst_terc = ANY (string_to_array(current_setting('cro.jst_tercs', true), ',')));
ALTER TABLE engagement_advisors ENABLE ROW LEVEL SECURITY;
CREATE POLICY jst_isolation ON engagement_advisors
    USING (current_setting('cro.jst_all', true) = 'on'
           OR jst_terc = ANY (string_to_array(current_setting('cro.jst_tercs', true), ',')))
    WITH CHECK (current_setting('cro.jst_all', true) = 'on'
           OR jst_terc = ANY (string_to_array(current_setting('cro.jst_tercs', true), ',')));

-- The JST an advisor advises now, read before a session's scope is set (so past row-level security): runs as the
-- owner, whom the policies do not bind, and returns TERC codes only.
CREATE FUNCTION advised_tercs(p_user_id uuid, p_email text) RETURNS SETOF text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
    SELECT DISTINCT e.jst_terc FROM engagements e JOIN advisors a ON a.id = e.advisor_id
    WHERE e.ended_at IS NULL AND (a.user_id = p_user_id OR lower(a.email) = lower(p_email))
$$;
REVOKE ALL ON FUNCTION advised_tercs(uuid, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION advised_tercs(uuid, text) TO $app_role$;
