-- Where a diagnosis stands after its collection: the team's draft of findings and recommendations, submitted to the
-- JST's advisor (or ORE), returned for changes, submitted again, and accepted. round counts the submissions.
ALTER TABLE diagnoses
    ADD COLUMN status       text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'returned', 'accepted')),
    ADD COLUMN round        integer NOT NULL DEFAULT 0,
    ADD COLUMN submitted_at timestamptz,
    ADD COLUMN submitted_by uuid,
    ADD COLUMN accepted_at  timestamptz,
    ADD COLUMN accepted_by  uuid;

-- A school the team excuses from the diagnosis (it cannot answer: closed for renovation, merged …), with the reason;
-- an excused school does not hold back the submission of the diagnosis.
ALTER TABLE questionnaires
    ADD COLUMN excused_reason text,
    ADD COLUMN excused_at     timestamptz,
    ADD COLUMN excused_by     uuid;

-- The director's address the team gave when it issued the link: the link (and reminders) go there by mail.
ALTER TABLE questionnaire_links ADD COLUMN director_email text;

-- The team's findings: what the diagnosis shows, each resting on sections and questions of the pinned instrument
-- version and on figures of the JST picture ('figure:<key>').
CREATE TABLE diagnosis_findings (
    id            uuid PRIMARY KEY,
    diagnosis_id  uuid NOT NULL REFERENCES diagnoses (id),
    jst_terc      text COLLATE "C" NOT NULL,
    title         text NOT NULL,
    text          text NOT NULL,
    priority      text NOT NULL CHECK (priority IN ('high', 'medium', 'low')),
    section_keys  text[] NOT NULL,
    question_keys text[] NOT NULL,
    figure_keys   text[] NOT NULL,
    created_by    uuid,
    created_at    timestamptz NOT NULL,
    updated_by    uuid,
    updated_at    timestamptz NOT NULL
);
CREATE INDEX diagnosis_findings_by_diagnosis ON diagnosis_findings (diagnosis_id, created_at);

-- The team's recommendations, each following from one or more findings (the plan's starting points).
CREATE TABLE diagnosis_recommendations (
    id           uuid PRIMARY KEY,
    diagnosis_id uuid NOT NULL REFERENCES diagnoses (id),
    jst_terc     text COLLATE "C" NOT NULL,
    title        text NOT NULL,
    text         text NOT NULL,
    created_by   uuid,
    created_at   timestamptz NOT NULL,
    updated_by   uuid,
    updated_at   timestamptz NOT NULL
);
CREATE INDEX diagnosis_recommendations_by_diagnosis ON diagnosis_recommendations (diagnosis_id, created_at);

CREATE TABLE diagnosis_recommendation_findings (
    recommendation_id uuid NOT NULL REFERENCES diagnosis_recommendations (id) ON DELETE CASCADE,
    finding_id        uuid NOT NULL REFERENCES diagnosis_findings (id),
    jst_terc          text COLLATE "C" NOT NULL,
    PRIMARY KEY (recommendation_id, finding_id)
);
CREATE INDEX diagnosis_recommendation_findings_by_finding ON diagnosis_recommendation_findings (finding_id);

-- The reviewer's comments (on a finding, or on the whole diagnosis), and how the team addressed each.
CREATE TABLE diagnosis_review_comments (
    id           uuid PRIMARY KEY,
    diagnosis_id uuid NOT NULL REFERENCES diagnoses (id),
    jst_terc     text COLLATE "C" NOT NULL,
    round        integer NOT NULL,
    finding_id   uuid REFERENCES diagnosis_findings (id),
    text         text NOT NULL,
    author       uuid,
    created_at   timestamptz NOT NULL,
    response     text,
    addressed_by uuid,
    addressed_at timestamptz
);
CREATE INDEX diagnosis_review_comments_by_diagnosis ON diagnosis_review_comments (diagnosis_id, created_at);

-- The review's history: every submission, comment, return, addressed comment and acceptance, kept, never changed.
CREATE TABLE diagnosis_review_history (
    id           uuid PRIMARY KEY,
    diagnosis_id uuid NOT NULL REFERENCES diagnoses (id),
    jst_terc     text COLLATE "C" NOT NULL,
    round        integer NOT NULL,
    action       text NOT NULL CHECK (action IN ('submitted', 'commented', 'changes-requested', 'comment-addressed', 'accepted')),
    comment_id   uuid REFERENCES diagnosis_review_comments (id),
    text         text,
    actor        uuid,
    at           timestamptz NOT NULL
);
CREATE INDEX diagnosis_review_history_by_diagnosis ON diagnosis_review_history (diagnosis_id, at, id);
REVOKE UPDATE, DELETE, TRUNCATE ON diagnosis_review_history FROM $app_role$;

-- Reminders the team sent to a school's director: at most one a (Warsaw) day per questionnaire.
CREATE TABLE school_reminders (
    id               uuid PRIMARY KEY,
    questionnaire_id uuid NOT NULL REFERENCES questionnaires (id),
    jst_terc         text COLLATE "C" NOT NULL,
    link_id          uuid NOT NULL REFERENCES questionnaire_links (id),
    day              date NOT NULL,
    sent_by          uuid,
    sent_at          timestamptz NOT NULL,
    UNIQUE (questionnaire_id, day)
);
REVOKE UPDATE, DELETE, TRUNCATE ON school_reminders FROM $app_role$;

CALL enable_jst_isolation('diagnosis_findings', 'diagnosis_recommendations', 'diagnosis_recommendation_findings', 'diagnosis_review_comments',
    'diagnosis_review_history', 'school_reminders');
