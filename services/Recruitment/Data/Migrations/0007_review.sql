-- The operators' review of an application: formal checks (a checklist, a result and a comment, each
-- check a new row) and manual score adjustments (points and the reason). Both are the record of who
-- did what: the application role may add rows, never change or remove them.
CREATE TABLE formal_checks (
    id             uuid PRIMARY KEY,
    application_id uuid NOT NULL REFERENCES applications (id),
    jst_terc       text COLLATE "C" NOT NULL,
    checklist      jsonb NOT NULL,
    passed         boolean NOT NULL,
    comment        text,
    checked_by     uuid,
    checked_at     timestamptz NOT NULL
);
CREATE INDEX formal_checks_by_application ON formal_checks (application_id, checked_at DESC);

CREATE TABLE score_adjustments (
    id             uuid PRIMARY KEY,
    application_id uuid NOT NULL REFERENCES applications (id),
    jst_terc       text COLLATE "C" NOT NULL,
    points         integer NOT NULL CHECK (points BETWEEN -100 AND 100 AND points <> 0),
    reason         text NOT NULL,
    adjusted_by    uuid,
    adjusted_at    timestamptz NOT NULL
);
CREATE INDEX score_adjustments_by_application ON score_adjustments (application_id);

-- The latest formal check's result, kept on the application for the review list's filter and the bulk decision.
ALTER TABLE applications ADD COLUMN formal_check boolean;

REVOKE UPDATE, DELETE, TRUNCATE ON formal_checks, score_adjustments FROM $app_role$;

ALTER TABLE formal_checks ENABLE ROW LEVEL SECURITY;
CREATE POLICY jst_isolation ON formal_checks
    USING (current_setting('cro.jst_all', true) = 'on' OR jst_terc = ANY (string_to_array(current_setting('cro.jst_tercs', true), ',')))
    WITH CHECK (current_setting('cro.jst_all', true) = 'on' OR jst_terc = ANY (string_to_array(current_setting('cro.jst_tercs', true), ',')));
ALTER TABLE score_adjustments ENABLE ROW LEVEL SECURITY;
CREATE POLICY jst_isolation ON score_adjustments
    USING (current_setting('cro.jst_all', true) = 'on' OR jst_terc = ANY (string_to_array(current_setting('cro.jst_tercs', true), ',')))
    WITH CHECK (current_setting('cro.jst_all', true) = 'on' OR jst_terc = ANY (string_to_array(current_setting('cro.jst_tercs', true), ',')));
