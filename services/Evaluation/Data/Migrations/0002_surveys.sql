-- Surveys after the points of the programme (a module completed, an advisory engagement ended, a conference attended).
--
-- Anonymity by construction. Who was asked and whether they answered lives in survey_invitations; what was answered lives
-- in survey_answers, and nothing joins the two:
--  * survey_answers has no column naming a person, an invitation, a registration or an address, and no foreign key at all;
--  * its id is random (gen_random_uuid, v4), not time-ordered (v7), so ids do not sort answers by when they came;
--  * it has no time at all — not even a date: invitations' reminder times and issue times would otherwise bound when a person
--    could have answered, and a date next to them could single a person out in a small group;
--  * an invitation records only that it was answered (a boolean, never when), so the moment of an answer cannot be matched
--    with the moment an invitation changed;
--  * the answer and the invitation's mark are written in one transaction (so an answer is taken once), which gives both rows the
--    same system column xmin, and the heap keeps answers in the order they came: so answers arrive unsealed and the ballot box
--    (SurveyBallotBox) re-inserts them in batches — at least min_group_size at once, or whatever waits once a day — in random
--    order, with new random ids, by another transaction; after that neither xmin nor the physical order leads to an invitation;
--  * the answers keep only the grouping keys results are shown by (module, cohort, advisor, conference), and results are
--    shown only for groups of at least survey_settings.min_group_size answers (trainer's groups are their cohorts' modules,
--    found through survey_cohort_trainers, so no trainer is stored with an answer either).
-- A test reads this schema (information_schema, pg_constraint) and fails when any of this changes.

-- The rules as data, one row.
CREATE TABLE survey_settings (
    id                  boolean PRIMARY KEY DEFAULT true CHECK (id),
    min_group_size      integer NOT NULL CHECK (min_group_size >= 1),
    -- Days after the survey was issued when a non-respondent is reminded; at most two.
    reminder_after_days integer[] NOT NULL CHECK (cardinality(reminder_after_days) <= 2),
    -- Days after the survey was issued that answers are taken.
    open_days           integer NOT NULL CHECK (open_days >= 1),
    max_text_length     integer NOT NULL CHECK (max_text_length >= 1),
    -- When the ballot box last sealed answers (see above); the time of a batch, never of an answer.
    last_sealed_at      timestamptz
);
INSERT INTO survey_settings (min_group_size, reminder_after_days, open_days, max_text_length) VALUES (5, '{7,14}', 21, 2000);

-- Versioned templates: a new version is a new row; an invitation points at its exact version. Questions: a JSON array of
-- {id, kind: scale|choice|text, text, required, options: [{id, text}] for choice, low/high labels for scale}; question ids are
-- stable across versions, so results of one question are counted across versions.
CREATE TABLE survey_templates (
    id         uuid PRIMARY KEY,
    code       text NOT NULL,
    version    integer NOT NULL CHECK (version >= 1),
    occasion   text NOT NULL CHECK (occasion IN ('module-completed', 'engagement-ended', 'conference-attended')),
    title      text NOT NULL,
    intro      text NOT NULL,
    questions  jsonb NOT NULL,
    created_at timestamptz NOT NULL,
    UNIQUE (code, version)
);

INSERT INTO survey_templates (id, code, version, occasion, title, intro, questions, created_at) VALUES
('0193a000-0000-7000-8000-000000000001', 'modul', 1, 'module-completed', 'Ankieta po module szkolenia',
 'Dziękujemy za udział w module. Twoje odpowiedzi są anonimowe: zapisujemy tylko, że ankieta została wypełniona, a odpowiedzi bez związku z Tobą. Wyniki pokazujemy tylko dla grup co najmniej 5 osób.',
 '[
   {"id": "content-useful", "kind": "scale", "text": "Treści modułu przydadzą mi się w pracy w JST.", "required": true, "low": "zdecydowanie nie", "high": "zdecydowanie tak"},
   {"id": "trainer-clear", "kind": "scale", "text": "Trener przekazywał wiedzę jasno i zrozumiale.", "required": true, "low": "zdecydowanie nie", "high": "zdecydowanie tak"},
   {"id": "materials", "kind": "scale", "text": "Materiały szkoleniowe były pomocne.", "required": true, "low": "zdecydowanie nie", "high": "zdecydowanie tak"},
   {"id": "organisation", "kind": "scale", "text": "Organizacja zajęć (termin, miejsce lub platforma) była dobra.", "required": true, "low": "zdecydowanie nie", "high": "zdecydowanie tak"},
   {"id": "pace", "kind": "choice", "text": "Tempo zajęć było:", "required": true,
    "options": [{"id": "too-slow", "text": "za wolne"}, {"id": "right", "text": "odpowiednie"}, {"id": "too-fast", "text": "za szybkie"}]},
   {"id": "best", "kind": "text", "text": "Co było dla Ciebie najcenniejsze?", "required": false},
   {"id": "improve", "kind": "text", "text": "Co powinniśmy poprawić?", "required": false}
 ]', '2026-12-07T00:00:00Z'),
('0193a000-0000-7000-8000-000000000002', 'doradztwo', 1, 'engagement-ended', 'Ankieta na zakończenie doradztwa',
 'Doradztwo dla Twojej JST dobiegło końca. Twoje odpowiedzi są anonimowe: zapisujemy tylko, że ankieta została wypełniona, a odpowiedzi bez związku z Tobą. Wyniki pokazujemy tylko dla grup co najmniej 5 osób.',
 '[
   {"id": "advisor-helpful", "kind": "scale", "text": "Wsparcie doradcy pomogło nam przygotować diagnozę i plan cyfryzacji szkół.", "required": true, "low": "zdecydowanie nie", "high": "zdecydowanie tak"},
   {"id": "advisor-available", "kind": "scale", "text": "Doradca był dostępny, gdy go potrzebowaliśmy.", "required": true, "low": "zdecydowanie nie", "high": "zdecydowanie tak"},
   {"id": "meetings", "kind": "scale", "text": "Spotkania dialogowe i debaty oświatowe były dobrze przygotowane.", "required": true, "low": "zdecydowanie nie", "high": "zdecydowanie tak"},
   {"id": "hours", "kind": "choice", "text": "Liczba godzin doradztwa była:", "required": true,
    "options": [{"id": "too-few", "text": "za mała"}, {"id": "right", "text": "odpowiednia"}, {"id": "too-many", "text": "za duża"}]},
   {"id": "recommend", "kind": "scale", "text": "Poleciłbym / poleciłabym to doradztwo innej JST.", "required": true, "low": "zdecydowanie nie", "high": "zdecydowanie tak"},
   {"id": "comments", "kind": "text", "text": "Uwagi o doradztwie", "required": false}
 ]', '2026-12-07T00:00:00Z'),
('0193a000-0000-7000-8000-000000000003', 'konferencja', 1, 'conference-attended', 'Ankieta po konferencji',
 'Dziękujemy za udział w konferencji. Ankieta jest anonimowa: zapisujemy tylko, że została wypełniona, a odpowiedzi bez związku z Tobą. Wyniki pokazujemy tylko dla grup co najmniej 5 osób.',
 '[
   {"id": "overall", "kind": "scale", "text": "Jak oceniasz konferencję jako całość?", "required": true, "low": "bardzo źle", "high": "bardzo dobrze"},
   {"id": "practices-useful", "kind": "scale", "text": "Przedstawione dobre praktyki przydadzą się w mojej JST lub instytucji.", "required": true, "low": "zdecydowanie nie", "high": "zdecydowanie tak"},
   {"id": "organisation", "kind": "scale", "text": "Organizacja konferencji (rejestracja, miejsce, przebieg) była dobra.", "required": true, "low": "zdecydowanie nie", "high": "zdecydowanie tak"},
   {"id": "form", "kind": "choice", "text": "W przyszłości wolę konferencje:", "required": false,
    "options": [{"id": "stationary", "text": "stacjonarne"}, {"id": "online", "text": "zdalne"}, {"id": "blended", "text": "hybrydowe"}]},
   {"id": "topics", "kind": "text", "text": "Jakie tematy chcesz poznać na kolejnej konferencji?", "required": false}
 ]', '2026-12-07T00:00:00Z');

-- Read models from other services' events: who is asked, and the names results are shown by.
CREATE TABLE survey_team_people (
    member_id      uuid PRIMARY KEY,
    application_id uuid NOT NULL,
    jst_terc       text COLLATE "C" NOT NULL,
    full_name      text NOT NULL,
    email          text NOT NULL,
    left_at        timestamptz
);
CREATE INDEX survey_team_people_application ON survey_team_people (application_id);

CREATE TABLE survey_conference_people (
    registration_id uuid PRIMARY KEY,
    conference_id   uuid NOT NULL,
    full_name       text NOT NULL,
    email           text NOT NULL
);

CREATE TABLE survey_conferences (
    id        uuid PRIMARY KEY,
    title     text NOT NULL,
    starts_at timestamptz NOT NULL
);

CREATE TABLE survey_modules (
    code  text PRIMARY KEY,
    title text NOT NULL
);

CREATE TABLE survey_cohorts (
    id   uuid PRIMARY KEY,
    name text NOT NULL
);

CREATE TABLE survey_trainers (
    id        uuid PRIMARY KEY,
    email     text NOT NULL UNIQUE,
    full_name text NOT NULL
);

-- Who trained a cohort's module (from its sessions): a trainer's results are those of these groups.
CREATE TABLE survey_cohort_trainers (
    cohort_id   uuid NOT NULL,
    module_code text NOT NULL,
    trainer_id  uuid NOT NULL REFERENCES survey_trainers (id),
    PRIMARY KEY (cohort_id, module_code, trainer_id)
);

CREATE TABLE survey_advisors (
    id        uuid PRIMARY KEY,
    email     text NOT NULL,
    full_name text NOT NULL
);

-- The standing pre/post-test result of a participant in a module (the latest CompetenceValidated), for the learning gain
-- shown per module and cohort; never joined to answers (which name no one).
CREATE TABLE survey_competence_results (
    participant_id  uuid NOT NULL,
    module_code     text NOT NULL,
    cohort_id       uuid NOT NULL,
    pre_test_taken  boolean NOT NULL,
    pre_test_score  numeric(5,2) NOT NULL,
    post_test_score numeric(5,2) NOT NULL,
    raised          boolean NOT NULL,
    validated_at    timestamptz NOT NULL,
    PRIMARY KEY (participant_id, module_code)
);

-- One invitation per person and occasion (occasion_key), so an event delivered again issues nothing twice. The link's token
-- is derived from the id (LinkTokens) and only its hash is kept.
CREATE TABLE survey_invitations (
    id               uuid PRIMARY KEY,
    template_id      uuid NOT NULL REFERENCES survey_templates (id),
    occasion_key     text NOT NULL UNIQUE,
    token_hash       bytea NOT NULL UNIQUE,
    email            text NOT NULL,
    full_name        text NOT NULL,
    subject          text NOT NULL,
    module_code      text,
    cohort_id        uuid,
    advisor_id       uuid,
    conference_id    uuid,
    issued_at        timestamptz NOT NULL,
    closes_at        timestamptz NOT NULL,
    -- Only whether, never when (see above).
    answered         boolean NOT NULL DEFAULT false,
    reminders_sent   integer NOT NULL DEFAULT 0,
    next_reminder_at timestamptz
);
CREATE INDEX survey_invitations_email ON survey_invitations (lower(email));
CREATE INDEX survey_invitations_due ON survey_invitations (next_reminder_at) WHERE NOT answered AND next_reminder_at IS NOT NULL;

CREATE TABLE survey_answers (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    template_code    text NOT NULL,
    template_version integer NOT NULL,
    occasion         text NOT NULL,
    module_code      text,
    cohort_id        uuid,
    advisor_id       uuid,
    conference_id    uuid,
    -- {question id: 1..5 | option id | text}
    answers          jsonb NOT NULL,
    -- False until the ballot box has re-inserted the answer (see above).
    sealed           boolean NOT NULL DEFAULT false
);
CREATE INDEX survey_answers_unsealed ON survey_answers (id) WHERE NOT sealed;
CREATE INDEX survey_answers_module ON survey_answers (module_code, cohort_id);
