-- Monitoring's record of advisory, kept from advisory's events, that the advisory indicators are counted on.
-- One row per engagement, per meeting and per dialogue meeting, keyed by advisory's own ids: an event delivered
-- twice writes the same row, and where events of one thing can overtake each other each fills in its own columns
-- (or the later record wins). Counts are computed from the rows when asked. Nothing personal is kept: advisors
-- are advisory's ids, meetings are minutes and head counts, stakeholders are counts by type.

-- A JST's advisory in a round (AdvisorAssigned, EngagementEnded). A handover is a later AdvisorAssigned of the
-- same engagement: the latest assignment names the advisor. The end may arrive before the assignment.
CREATE TABLE advisory_engagements (
    engagement_id uuid PRIMARY KEY,
    round_id      uuid NOT NULL,
    jst_terc      text COLLATE "C" NOT NULL,
    jst_name      text,
    advisor_id    uuid NOT NULL,
    hours_budget  numeric(6,1),
    starts_on     date,
    ends_on       date,
    assigned_at   timestamptz,           -- the latest AdvisorAssigned applied
    ended_at      timestamptz,           -- EngagementEnded
    ended_how     text
);
CREATE INDEX advisory_engagements_by_round ON advisory_engagements (round_id, jst_terc);

-- An advisory meeting: booked (AdvisoryMeetingBooked), then cancelled or held (never both). The round, the
-- advisor and the stage are unknown while only a cancellation has arrived; the held meeting's advisor is the
-- one whose hours they are.
CREATE TABLE advisory_meetings (
    meeting_id       uuid PRIMARY KEY,
    engagement_id    uuid NOT NULL,
    round_id         uuid,
    jst_terc         text COLLATE "C" NOT NULL,
    advisor_id       uuid,
    stage            text,
    booked_at        timestamptz,
    cancelled_at     timestamptz,
    held_minutes     integer CHECK (held_minutes > 0),
    participants     integer,
    held_recorded_at timestamptz
);
CREATE INDEX advisory_meetings_held_by_round ON advisory_meetings (round_id, jst_terc) WHERE held_minutes IS NOT NULL;

-- A dialogue meeting or education debate held (DialogueMeetingHeld): the stakeholders present by type, as counts.
-- A later record of the same meeting (a correction) replaces an earlier one.
CREATE TABLE dialogue_meetings (
    dialogue_meeting_id uuid PRIMARY KEY,
    round_id            uuid NOT NULL,
    jst_terc            text COLLATE "C" NOT NULL,
    kind                text NOT NULL,
    held_at             timestamptz NOT NULL,
    present             jsonb NOT NULL,
    recorded_at         timestamptz NOT NULL
);
CREATE INDEX dialogue_meetings_by_round ON dialogue_meetings (round_id);
