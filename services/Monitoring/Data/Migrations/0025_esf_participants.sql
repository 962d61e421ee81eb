-- ESF+ participants (FERS 2021–2027): what the EU monitoring system (SM EFS in CST2021) needs of each person of an
-- accepted task team who started support, and of each JST supported. See Features/EsfParticipants/EsfParticipants.cs
-- for what is collected and why.

-- The people of accepted teams, with the name and address recruitment's events carry: the participant is found by the
-- address of their account, and SM EFS needs the name. Erasure (PersonErased) pseudonymises the row and keeps it.
CREATE TABLE esf_people (
    member_id      uuid PRIMARY KEY,
    application_id uuid NOT NULL,
    jst_terc       text COLLATE "C" NOT NULL,
    full_name      text NOT NULL,
    email          text NOT NULL,
    joined_at      timestamptz NOT NULL,
    erased_at      timestamptz
);
CREATE INDEX esf_people_by_email ON esf_people (lower(email));
CREATE INDEX esf_people_by_jst ON esf_people (jst_terc);

-- The participant's own answers (once, at the start of support) and ORE's part (dates, form of support). Nothing here is
-- special-category data: that is in esf_special_categories, under its own rule.
CREATE TABLE esf_participants (
    member_id                   uuid PRIMARY KEY,
    jst_terc                    text COLLATE "C" NOT NULL,
    sex                         text CHECK (sex IN ('woman', 'man', 'non-binary')),
    age_at_start                integer CHECK (age_at_start BETWEEN 15 AND 100),
    pesel                       text CHECK (pesel ~ '^[0-9]{11}$'),
    no_pesel                    boolean,
    education                   text,
    labour_status               text,
    -- Whether (and when) the special-category answers were given: ORE sees that they are there, never what they say.
    special_categories_given_at timestamptz,
    submitted_at                timestamptz,
    submitted_by                uuid,
    reopened_at                 timestamptz,
    reopened_by                 uuid,
    support_start_on            date,
    support_end_on              date,
    support_form                text NOT NULL DEFAULT 'training',
    support_set_at              timestamptz,
    support_set_by              uuid,
    CHECK (support_end_on IS NULL OR support_start_on IS NULL OR support_end_on >= support_start_on)
);
CREATE INDEX esf_participants_by_jst ON esf_participants (jst_terc);

-- The JST as an institution in SM EFS: what the registry lacks (NIP, address), entered by ORE's ESF+ data staff.
CREATE TABLE esf_institutions (
    jst_terc        text COLLATE "C" PRIMARY KEY,
    nip             text NOT NULL CHECK (nip ~ '^[0-9]{10}$'),
    town            text NOT NULL,
    street          text,
    building_number text NOT NULL,
    postcode        text NOT NULL CHECK (postcode ~ '^[0-9]{2}-[0-9]{3}$'),
    updated_at      timestamptz NOT NULL,
    updated_by      uuid
);

CALL enable_jst_isolation('esf_people', 'esf_participants', 'esf_institutions');

-- Special-category answers (RODO art. 9): each submission adds a row, the latest stands (a form ORE reopened is answered
-- again). Readable and writable only in a transaction of a caller holding the ESF+ data role (BuildingBlocks'
-- SpecialCategoryRowSecurity); the participant may add their own row, never read one. Never updated or deleted by the
-- service: erasure pseudonymises the person elsewhere, and these answers, keyed by a random id, stay as reported.
CREATE TABLE esf_special_categories (
    id                     uuid PRIMARY KEY,
    member_id              uuid NOT NULL,
    disability             text NOT NULL CHECK (disability IN ('yes', 'no', 'refused')),
    foreign_origin         text NOT NULL CHECK (foreign_origin IN ('yes', 'no', 'refused')),
    third_country_national text NOT NULL CHECK (third_country_national IN ('yes', 'no', 'refused')),
    minority               text NOT NULL CHECK (minority IN ('yes', 'no', 'refused')),
    homelessness           text NOT NULL CHECK (homelessness IN ('yes', 'no', 'refused')),
    recorded_at            timestamptz NOT NULL
);
CREATE INDEX esf_special_categories_by_member ON esf_special_categories (member_id, recorded_at DESC);
REVOKE UPDATE, DELETE, TRUNCATE ON esf_special_categories FROM $app_role$;
ALTER TABLE esf_special_categories ENABLE ROW LEVEL SECURITY;
CREATE POLICY special_categories ON esf_special_categories
    USING (current_setting('cro.special_categories', true) = 'on')
    WITH CHECK (current_setting('cro.special_categories', true) = 'on');
CREATE POLICY special_categories_own_answers ON esf_special_categories FOR INSERT
    WITH CHECK (member_id::text = current_setting('cro.special_categories_subject', true));

-- When the session a person first attended took place: the start of their support (training's SessionAttended carries
-- it; rows recorded before this column existed fall back to when the attendance was recorded).
ALTER TABLE training_attendance ADD COLUMN session_starts_at timestamptz;
