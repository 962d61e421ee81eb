-- Every decision on an application, in order: who decided (none when automatic, as a promotion from
-- the reserve list), why, and the score and scoring-rules version it relied on.
CREATE TABLE decisions (
    id              uuid PRIMARY KEY,
    application_id  uuid NOT NULL REFERENCES applications (id),
    jst_terc        text COLLATE "C" NOT NULL,
    decision        text NOT NULL CHECK (decision IN ('accepted', 'reserve', 'rejected', 'withdrawn')),
    reason          text,
    score           integer,
    scoring_version integer,
    decided_by      uuid,
    decided_at      timestamptz NOT NULL
);
CREATE INDEX decisions_by_application ON decisions (application_id, decided_at);

ALTER TABLE decisions ENABLE ROW LEVEL SECURITY;
CREATE POLICY jst_isolation ON decisions
    USING (current_setting('cro.jst_all', true) = 'on' OR jst_terc = ANY (string_to_array(current_setting('cro.jst_tercs', true), ',')))
    WITH CHECK (current_setting('cro.jst_all', true) = 'on' OR jst_terc = ANY (string_to_array(current_setting('cro.jst_tercs', true), ',')));
