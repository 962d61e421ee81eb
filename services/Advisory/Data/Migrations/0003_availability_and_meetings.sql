CREATE EXTENSION IF NOT EXISTS btree_gist;

-- An advisor's weekly hours, in Europe/Warsaw wall-clock time (ISO weekday 1 = Monday), and the meeting form they
-- offer in them. Not JST data.
CREATE TABLE availability_rules (
    id          uuid PRIMARY KEY,
    advisor_id  uuid NOT NULL REFERENCES advisors (id),
    weekday     integer NOT NULL CHECK (weekday BETWEEN 1 AND 7),
    starts_at   time NOT NULL,
    ends_at     time NOT NULL CHECK (ends_at > starts_at),
    mode        text NOT NULL CHECK (mode IN ('online', 'onsite'))
);
CREATE INDEX availability_rules_advisor ON availability_rules (advisor_id);

-- Time an advisor is away (leave, holidays): no slot is offered in it. Instants.
CREATE TABLE availability_exceptions (
    id          uuid PRIMARY KEY,
    advisor_id  uuid NOT NULL REFERENCES advisors (id),
    period      tstzrange NOT NULL CHECK (NOT isempty(period)),
    reason      text NOT NULL
);
CREATE INDEX availability_exceptions_advisor ON availability_exceptions USING gist (advisor_id, period);

-- Advisory meetings. "blocked" is the meeting with the advisor's buffers before and after: two meetings of one
-- advisor that are not cancelled can never block overlapping time, whoever books them and however many at once
-- (the exclusion constraint; the database refuses the second). A meeting over the engagement's budget waits for an
-- operator's approval and holds its time meanwhile. JST data: row-level security.
CREATE TABLE meetings (
    id                  uuid PRIMARY KEY,
    engagement_id       uuid NOT NULL REFERENCES engagements (id),
    jst_terc            text COLLATE "C" NOT NULL,
    advisor_id          uuid NOT NULL REFERENCES advisors (id),
    starts_at           timestamptz NOT NULL,
    ends_at             timestamptz NOT NULL CHECK (ends_at > starts_at),
    blocked             tstzrange NOT NULL,
    topic               text NOT NULL,
    stage               text NOT NULL CHECK (stage IN ('diagnosis', 'plan', 'implementation', 'other')),
    mode                text NOT NULL CHECK (mode IN ('online', 'onsite')),
    location            text,
    status              text NOT NULL CHECK (status IN ('awaiting-approval', 'booked', 'held', 'cancelled')),
    booked_by           uuid,
    booked_by_name      text NOT NULL,
    booked_at           timestamptz NOT NULL,
    -- iCalendar SEQUENCE: grows with every change the attendees' calendars must apply.
    sequence            integer NOT NULL DEFAULT 0,
    approved_by         uuid,
    cancelled_at        timestamptz,
    cancelled_by_name   text,
    cancel_reason       text,
    held_minutes        integer CHECK (held_minutes BETWEEN 1 AND 600),
    notes               text,
    next_steps          text,
    recorded_at         timestamptz,
    CONSTRAINT meetings_no_double_booking EXCLUDE USING gist (advisor_id WITH =, blocked WITH &&) WHERE (status <> 'cancelled')
);
CREATE INDEX meetings_engagement ON meetings (engagement_id, starts_at);
CREATE INDEX meetings_advisor ON meetings (advisor_id, starts_at);

-- Who was at a held meeting: team members by id, anyone else by name and role.
CREATE TABLE meeting_participants (
    meeting_id  uuid NOT NULL REFERENCES meetings (id),
    jst_terc    text COLLATE "C" NOT NULL,
    ordinal     integer NOT NULL,
    member_id   uuid,
    full_name   text NOT NULL,
    role        text,
    PRIMARY KEY (meeting_id, ordinal)
);

ALTER TABLE meetings ENABLE ROW LEVEL SECURITY;
CREATE POLICY jst_isolation ON meetings
    USING (current_setting('cro.jst_all', true) = 'on'
           OR jst_terc = ANY (string_to_array(current_setting('cro.jst_tercs', true), ',')))
    WITH CHECK (current_setting('cro.jst_all', true) = 'on'
           OR jst_terc = ANY (string_to_array(current_setting('cro.jst_tercs', true), ',')));
ALTER TABLE meeting_participants ENABLE ROW LEVEL SECURITY;
CREATE POLICY jst_isolation ON meeting_participants
    USING (current_setting('cro.jst_all', true) = 'on'
           OR jst_terc = ANY (string_to_array(current_setting('cro.jst_tercs', true), ',')))
    WITH CHECK (current_setting('cro.jst_all', true) = 'on'
           OR jst_terc = ANY (string_to_array(current_setting('cro.jst_tercs', true), ',')));

-- An advisor's busy time without anything of the JST it belongs to, read past row-level security (as the owner):
-- the free slots of an advisor are computed from every meeting they have, while a team sees only its own.
-- p_except leaves out one meeting (the one being moved).
CREATE FUNCTION advisor_busy(p_advisor_id uuid, p_from timestamptz, p_to timestamptz, p_except uuid) RETURNS TABLE (blocked tstzrange)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
    SELECT m.blocked FROM meetings m
    WHERE m.advisor_id = p_advisor_id AND m.status <> 'cancelled' AND m.blocked && tstzrange(p_from, p_to)
      AND m.id IS DISTINCT FROM p_except
    ORDER BY lower(m.blocked)
$$;
REVOKE ALL ON FUNCTION advisor_busy(uuid, timestamptz, timestamptz, uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION advisor_busy(uuid, timestamptz, timestamptz, uuid) TO $app_role$;
