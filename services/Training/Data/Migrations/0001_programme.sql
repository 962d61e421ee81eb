-- The training programme as data, one row set per version. A change by an operator is a new version;
-- earlier versions never change (the application role may add rows, not alter or remove them), so a
-- cohort that started on version n keeps the modules, hours and rules of version n.
CREATE TABLE programme_versions (
    version              integer PRIMARY KEY CHECK (version > 0),
    -- The rules, as data of the version: a module is validated when the post-test score reaches
    -- post_test_threshold (per cent), and complete with attendance of at least attendance_threshold
    -- per cent of its hours.
    post_test_threshold  numeric(5,2) NOT NULL CHECK (post_test_threshold BETWEEN 0 AND 100),
    attendance_threshold numeric(5,2) NOT NULL CHECK (attendance_threshold BETWEEN 0 AND 100),
    change_note          text,
    created_by           uuid,
    created_at           timestamptz NOT NULL
);

CREATE TABLE programme_modules (
    version           integer NOT NULL REFERENCES programme_versions (version),
    -- Stable across versions (M1 … M5): materials, and later question banks, hang on the code.
    code              text COLLATE "C" NOT NULL CHECK (code ~ '^M[0-9]{1,2}$'),
    ordinal           integer NOT NULL,
    title             text NOT NULL,
    description       text NOT NULL,
    hours             numeric(5,1) NOT NULL CHECK (hours > 0),
    form              text NOT NULL CHECK (form IN ('stationary', 'online', 'blended')),
    validation_method text NOT NULL,
    PRIMARY KEY (version, code)
);

-- Learning outcomes (efekty uczenia się) by category: knowledge (wiedza), skills (umiejętności),
-- social competences (kompetencje społeczne). Codes (M1.W1 …) are stable, for results per outcome.
CREATE TABLE learning_outcomes (
    version     integer NOT NULL,
    module_code text COLLATE "C" NOT NULL,
    code        text COLLATE "C" NOT NULL,
    category    text NOT NULL CHECK (category IN ('knowledge', 'skills', 'social')),
    ordinal     integer NOT NULL,
    description text NOT NULL,
    PRIMARY KEY (version, module_code, code),
    FOREIGN KEY (version, module_code) REFERENCES programme_modules (version, code)
);

REVOKE UPDATE, DELETE, TRUNCATE ON programme_versions, programme_modules, learning_outcomes FROM $app_role$;
