-- A participant's attempt at a module's pre-test or post-test. questions is the copy of the bank the
-- attempt shows, shuffled once when it starts (questions, and options within each), with the right
-- answers: a resumed attempt shows the same order, and scoring uses what was shown, whatever the bank
-- becomes. closes_at is the time limit's end (none: untimed); answers after it are refused.
-- points / max_points and outcome_points (per learning outcome) are written when it finishes.
CREATE TABLE attempts (
    id             uuid PRIMARY KEY,
    participant_id uuid NOT NULL REFERENCES participants (id),
    jst_terc       text COLLATE "C" NOT NULL,
    cohort_id      uuid NOT NULL REFERENCES cohorts (id),
    module_code    text COLLATE "C" NOT NULL,
    kind           text NOT NULL CHECK (kind IN ('pre', 'post')),
    number         integer NOT NULL CHECK (number BETWEEN 1 AND 2),
    questions      jsonb NOT NULL,
    started_at     timestamptz NOT NULL,
    closes_at      timestamptz,
    finished_at    timestamptz,
    points         integer,
    max_points     integer,
    outcome_points jsonb,
    CHECK (kind = 'post' OR number = 1),
    CHECK ((finished_at IS NULL) = (points IS NULL)),
    UNIQUE (participant_id, module_code, kind, number)
);
CREATE INDEX attempts_by_cohort ON attempts (cohort_id, module_code);
CREATE INDEX attempts_open ON attempts (closes_at) WHERE finished_at IS NULL AND closes_at IS NOT NULL;

-- The answer to one question of an attempt, as last saved (saving again replaces it).
CREATE TABLE attempt_answers (
    attempt_id  uuid NOT NULL REFERENCES attempts (id),
    question_id uuid NOT NULL,
    jst_terc    text COLLATE "C" NOT NULL,
    option_ids  uuid[] NOT NULL,
    answered_at timestamptz NOT NULL,
    PRIMARY KEY (attempt_id, question_id)
);

ALTER TABLE attempts ENABLE ROW LEVEL SECURITY;
CREATE POLICY jst_isolation ON attempts
    USING (current_setting('cro.jst_all', true) = 'on' OR jst_terc = ANY (string_to_array(current_setting('cro.jst_tercs', true), ',')))
    WITH CHECK (current_setting('cro.jst_all', true) = 'on' OR jst_terc = ANY (string_to_array(current_setting('cro.jst_tercs', true), ',')));
ALTER TABLE attempt_answers ENABLE ROW LEVEL SECURITY;
CREATE POLICY jst_isolation ON attempt_answers
    USING (current_setting('cro.jst_all', true) = 'on' OR jst_terc = ANY (string_to_array(current_setting('cro.jst_tercs', true), ',')))
    WITH CHECK (current_setting('cro.jst_all', true) = 'on' OR jst_terc = ANY (string_to_array(current_setting('cro.jst_tercs', true), ',')));
