-- The diagnosis instrument as data, one row set per version. A version is never changed once written (the
-- application role may add rows, not alter or remove them): a diagnosis pins the version it started with, and a
-- change is published as a new version. Keys (of sections, questions, options and rules) are stable names that
-- answers, exports and later versions refer to.
CREATE TABLE instrument_versions (
    version     integer PRIMARY KEY CHECK (version > 0),
    title       text NOT NULL,
    change_note text,
    created_by  uuid,
    created_at  timestamptz NOT NULL
);

-- Who answers a section: the JST's task team (once per diagnosis, for the whole JST), or at each school its director
-- or its IT administrator (one questionnaire per school, opened by the director's link).
CREATE TABLE instrument_sections (
    version     integer NOT NULL REFERENCES instrument_versions (version),
    key         text COLLATE "C" NOT NULL,
    ordinal     integer NOT NULL,
    respondent  text NOT NULL CHECK (respondent IN ('jst-team', 'school-director', 'school-it-administrator')),
    title       text NOT NULL,
    description text,
    PRIMARY KEY (version, key)
);

-- A question of a section, or (group_key) of each row of a repeat group: numbers with a unit, a range and a number of
-- decimals, single and multiple choice, a 1–5 scale (always with "nie wiem"), text, and repeat groups whose rows have
-- their own questions. A question may be asked only when an earlier choice question has one of some options.
CREATE TABLE instrument_questions (
    version           integer NOT NULL,
    key               text COLLATE "C" NOT NULL,
    section_key       text COLLATE "C" NOT NULL,
    group_key         text COLLATE "C",
    ordinal           integer NOT NULL,
    kind              text NOT NULL CHECK (kind IN ('number', 'single-choice', 'multiple-choice', 'scale', 'text', 'repeat-group')),
    text              text NOT NULL,
    help              text,
    required          boolean NOT NULL,
    unit              text,
    min_value         numeric,
    max_value         numeric,
    decimals          integer CHECK (decimals BETWEEN 0 AND 4),
    dont_know_allowed boolean NOT NULL,
    max_length        integer CHECK (max_length > 0),
    max_rows          integer CHECK (max_rows > 0),
    scale_labels      text[],
    shown_if_question text COLLATE "C",
    shown_if_options  text[],
    PRIMARY KEY (version, key),
    FOREIGN KEY (version, section_key) REFERENCES instrument_sections (version, key),
    FOREIGN KEY (version, group_key) REFERENCES instrument_questions (version, key),
    FOREIGN KEY (version, shown_if_question) REFERENCES instrument_questions (version, key)
);

CREATE TABLE instrument_options (
    version      integer NOT NULL,
    question_key text COLLATE "C" NOT NULL,
    key          text COLLATE "C" NOT NULL,
    ordinal      integer NOT NULL,
    label        text NOT NULL,
    -- Of a multiple choice: chosen only alone ("żadne z powyższych").
    exclusive    boolean NOT NULL,
    PRIMARY KEY (version, question_key, key),
    FOREIGN KEY (version, question_key) REFERENCES instrument_questions (version, key)
);

-- Consistency rules: a comparison between two number questions (both of the section level, or both of one repeat
-- group's rows, compared row by row), checked when a questionnaire is submitted, e.g. devices in use <= devices owned.
CREATE TABLE instrument_rules (
    version        integer NOT NULL REFERENCES instrument_versions (version),
    key            text COLLATE "C" NOT NULL,
    ordinal        integer NOT NULL,
    left_question  text COLLATE "C" NOT NULL,
    comparison     text NOT NULL CHECK (comparison IN ('lt', 'le', 'eq', 'ge', 'gt')),
    right_question text COLLATE "C" NOT NULL,
    message        text,
    PRIMARY KEY (version, key),
    FOREIGN KEY (version, left_question) REFERENCES instrument_questions (version, key),
    FOREIGN KEY (version, right_question) REFERENCES instrument_questions (version, key)
);

REVOKE UPDATE, DELETE, TRUNCATE ON instrument_versions, instrument_sections, instrument_questions, instrument_options, instrument_rules
    FROM $app_role$;
