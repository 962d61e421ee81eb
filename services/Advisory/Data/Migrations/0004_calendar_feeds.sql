-- The secret addresses of advisory's calendar feeds (see Features/Calendar): an advisor's meetings, or a team's. Calendar
-- apps subscribe without signing in, so the address is the credential; only its hash is kept. Each person has one feed
-- of each kind; a new address replaces the old, which stops working. A team's feed works while its holder is a member of
-- a team still in the programme, an advisor's while the advisor is active.
CREATE TABLE calendar_feeds (
    id             uuid        PRIMARY KEY,
    kind           text        NOT NULL CHECK (kind IN ('advisor', 'team')),
    holder_email   text        NOT NULL CHECK (holder_email = lower(holder_email)),
    holder_user_id uuid,
    advisor_id     uuid        REFERENCES advisors (id),
    application_id uuid        REFERENCES teams (application_id),
    token_hash     bytea       NOT NULL UNIQUE,
    created_at     timestamptz NOT NULL,
    CHECK ((kind = 'advisor') = (advisor_id IS NOT NULL) AND (kind = 'team') = (application_id IS NOT NULL)),
    UNIQUE (kind, holder_email)
);
