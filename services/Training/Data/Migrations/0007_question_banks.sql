-- Question banks, one per module code (M1 … M5), like materials: the code is stable across programme
-- versions, so a new version of the programme (a description corrected) keeps its banks, and editing a
-- bank needs no new version. Each question tests one learning outcome (by its stable code, M1.W1 …), for
-- the learning-gain report per outcome. Attempts copy the questions they show (see 0008), so editing or
-- deleting a question never changes an attempt already taken.
CREATE TABLE questions (
    id           uuid PRIMARY KEY,
    module_code  text COLLATE "C" NOT NULL CHECK (module_code ~ '^M[0-9]{1,2}$'),
    outcome_code text COLLATE "C" NOT NULL,
    kind         text NOT NULL CHECK (kind IN ('single', 'multiple')),
    text         text NOT NULL CHECK (length(text) BETWEEN 1 AND 2000),
    explanation  text NOT NULL CHECK (length(explanation) BETWEEN 1 AND 2000),
    created_by   uuid,
    created_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL
);
CREATE INDEX questions_by_module ON questions (module_code, created_at, id);

CREATE TABLE question_options (
    id          uuid PRIMARY KEY,
    question_id uuid NOT NULL REFERENCES questions (id) ON DELETE CASCADE,
    ordinal     integer NOT NULL,
    text        text NOT NULL CHECK (length(text) BETWEEN 1 AND 500),
    is_correct  boolean NOT NULL,
    UNIQUE (question_id, ordinal)
);

-- The optional time limit of a module's pre-test and post-test, in minutes (none: untimed).
CREATE TABLE test_settings (
    module_code           text COLLATE "C" PRIMARY KEY CHECK (module_code ~ '^M[0-9]{1,2}$'),
    pre_test_minutes      integer CHECK (pre_test_minutes BETWEEN 1 AND 600),
    post_test_minutes     integer CHECK (post_test_minutes BETWEEN 1 AND 600),
    updated_by            uuid,
    updated_at            timestamptz NOT NULL
);
