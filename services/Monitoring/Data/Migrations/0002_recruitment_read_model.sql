-- Monitoring's record of recruitment, kept from recruitment's events, that the indicators are counted on.
-- One row per application, and each event fills in its own columns: events that arrive out of order or
-- twice leave the same rows, and every count is computed from the rows when asked, never kept as a total.
-- Nothing personal is stored: a team member is an id and a sex category only, so a person's erasure
-- (PersonErased) has nothing to remove here and changes no count.
CREATE TABLE recruitment_rounds (
    id   uuid PRIMARY KEY,
    name text NOT NULL
);

CREATE TABLE recruitment_applications (
    id                    uuid PRIMARY KEY,
    round_id              uuid NOT NULL REFERENCES recruitment_rounds (id),
    jst_terc              text COLLATE "C" NOT NULL,
    voivodeship_terc      text COLLATE "C" NOT NULL,
    submitted_at          timestamptz,           -- ApplicationSubmitted
    accepted_at           timestamptz,           -- ApplicationAccepted (by an operator, or promoted from the reserve list)
    promoted_from_reserve boolean NOT NULL DEFAULT false,
    withdrawn_at          timestamptz,           -- JstWithdrew
    -- The JST is supported in the round: accepted and not withdrawn (the one promoted in a withdrawn JST's stead is).
    supported             boolean GENERATED ALWAYS AS (accepted_at IS NOT NULL AND withdrawn_at IS NULL) STORED
);

CREATE INDEX recruitment_applications_by_round ON recruitment_applications (round_id, voivodeship_terc);

-- The task team of an accepted application, as its ApplicationAccepted carried it.
CREATE TABLE recruitment_team_members (
    application_id uuid NOT NULL REFERENCES recruitment_applications (id),
    member_id      uuid NOT NULL,
    sex            text NOT NULL CHECK (sex IN ('woman', 'man', 'non-binary', 'undisclosed')),
    PRIMARY KEY (application_id, member_id)
);
