-- Modules a participant has completed (attendance and a validated post-test), as last recomputed: a row
-- appears when a module becomes complete (ModuleCompleted) and goes when an attendance correction takes
-- it back below the threshold (ModuleCompletionRevoked).
CREATE TABLE module_completions (
    participant_id uuid NOT NULL REFERENCES participants (id),
    module_code    text COLLATE "C" NOT NULL,
    cohort_id      uuid NOT NULL REFERENCES cohorts (id),
    jst_terc       text COLLATE "C" NOT NULL,
    completed_at   timestamptz NOT NULL,
    PRIMARY KEY (participant_id, module_code)
);

-- Certificates (zaświadczenia) of completed training. number is what people read and the public
-- verification looks up (CRO/2026/000123); show_name is the holder's consent to show their name there.
-- A certificate whose training stops being complete is revoked, never deleted: its number keeps answering.
CREATE SEQUENCE certificate_numbers;
CREATE TABLE certificates (
    id                uuid PRIMARY KEY,
    number            text COLLATE "C" NOT NULL UNIQUE,
    participant_id    uuid NOT NULL REFERENCES participants (id),
    cohort_id         uuid NOT NULL REFERENCES cohorts (id),
    jst_terc          text COLLATE "C" NOT NULL,
    jst_name          text NOT NULL,
    holder_name       text NOT NULL,
    programme_version integer NOT NULL REFERENCES programme_versions (version),
    issued_at         timestamptz NOT NULL,
    show_name         boolean NOT NULL DEFAULT false,
    revoked_at        timestamptz
);
CREATE UNIQUE INDEX certificates_one_valid ON certificates (participant_id) WHERE revoked_at IS NULL;
CREATE INDEX certificates_by_cohort ON certificates (cohort_id);

ALTER TABLE module_completions ENABLE ROW LEVEL SECURITY;
CREATE POLICY jst_isolation ON module_completions
    USING (current_setting('cro.jst_all', true) = 'on' OR jst_terc = ANY (string_to_array(current_setting('cro.jst_tercs', true), ',')))
    WITH CHECK (current_setting('cro.jst_all', true) = 'on' OR jst_terc = ANY (string_to_array(current_setting('cro.jst_tercs', true), ',')));
ALTER TABLE certificates ENABLE ROW LEVEL SECURITY;
CREATE POLICY jst_isolation ON certificates
    USING (current_setting('cro.jst_all', true) = 'on' OR jst_terc = ANY (string_to_array(current_setting('cro.jst_tercs', true), ',')))
    WITH CHECK (current_setting('cro.jst_all', true) = 'on' OR jst_terc = ANY (string_to_array(current_setting('cro.jst_tercs', true), ',')));
