-- The JST each advisor advises now, kept from advisory's events (AdvisorAssigned, EngagementEnded), so a person in
-- the advisor role carries them in their access tokens (advised_jst claims) and every service lets them see those
-- JST. One row per engagement, naming its current advisor: a handover is a later AdvisorAssigned of the same
-- engagement, whichever order the two arrive in, and an end stands whatever arrives after it.
CREATE TABLE advised_jst (
    engagement_id uuid PRIMARY KEY,
    jst_terc      text COLLATE "C" NOT NULL,
    advisor_id    uuid NOT NULL,      -- advisory's id of the advisor
    user_id       uuid,               -- the advisor's account, as advisory named it or as found by address
    email         text,               -- the advisor's address, for an account that did not exist yet; none once ended or erased
    assigned_at   timestamptz,        -- the latest AdvisorAssigned applied; none while only the end has arrived
    ended_at      timestamptz
);
CREATE INDEX advised_jst_by_user ON advised_jst (user_id) WHERE ended_at IS NULL;
CREATE INDEX advised_jst_by_email ON advised_jst (lower(email)) WHERE ended_at IS NULL;
