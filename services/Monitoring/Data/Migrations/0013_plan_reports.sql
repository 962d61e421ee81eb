-- Implementation monitoring of the JST's strategic plans: reporting periods counted from the adoption of a plan's first
-- version, one report per period written by the JST's team and reviewed by its advisor (the project's 12 months) or ORE
-- (the 2 years after), and the overdue reports' reminders.

-- The cadence new plans get, as ORE edits it: stretches in order, each of `periods` periods of `months` months, every
-- report due `due_days` days after its period's last day. The programme's: 4 quarters of the project, then 4 half-years.
-- A change applies to plans adopted afterwards; the periods of a plan already adopted are its own rows (ORE moves one's
-- due day there). Not JST data.
CREATE TABLE report_schedule_rules (
    ordinal    integer PRIMARY KEY CHECK (ordinal >= 1),
    phase      text NOT NULL CHECK (phase IN ('project', 'post-project')),
    months     integer NOT NULL CHECK (months BETWEEN 1 AND 24),
    periods    integer NOT NULL CHECK (periods BETWEEN 1 AND 24),
    due_days   integer NOT NULL CHECK (due_days BETWEEN 0 AND 180),
    updated_by uuid,
    updated_at timestamptz NOT NULL
);
INSERT INTO report_schedule_rules (ordinal, phase, months, periods, due_days, updated_at) VALUES
    (1, 'project', 3, 4, 30, now()),
    (2, 'post-project', 6, 4, 30, now());

-- One row per reporting period of a plan: its Warsaw dates and due moment (the end of the due day in Warsaw, so an
-- instant that is 22:00 or 23:00 UTC), and the report the team writes for it. The content (per action: status, progress,
-- money spent, evidence; per goal: the actual value) is one document, written and read whole, so it is jsonb like the
-- plan's. draft → submitted → returned → submitted … → accepted; round counts the submissions, plan_version is the plan's
-- version reported on (the one in force at the period's end), fixed at each submission.
-- overdue_at: when the deadline check found it unsubmitted past its due moment (ReportOverdue, once); reminders_sent and
-- last_reminded_at: the coordinator's mails, the first then and one a week after while it stays unsubmitted.
CREATE TABLE reports (
    id                 uuid PRIMARY KEY,
    plan_id            uuid NOT NULL REFERENCES plans (id),
    jst_terc           text COLLATE "C" NOT NULL,
    number             integer NOT NULL CHECK (number >= 1),
    phase              text NOT NULL CHECK (phase IN ('project', 'post-project')),
    starts_on          date NOT NULL,
    ends_on            date NOT NULL CHECK (ends_on >= starts_on),
    due_on             date NOT NULL CHECK (due_on >= ends_on),
    due_at             timestamptz NOT NULL,
    status             text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'returned', 'accepted')),
    content            jsonb NOT NULL,
    revision           integer NOT NULL DEFAULT 1,
    round              integer NOT NULL DEFAULT 0,
    plan_version       integer,
    updated_by         uuid,
    updated_at         timestamptz,
    first_submitted_at timestamptz,
    submitted_at       timestamptz,
    submitted_by       uuid,
    accepted_at        timestamptz,
    accepted_by        uuid,
    overdue_at         timestamptz,
    reminders_sent     integer NOT NULL DEFAULT 0,
    last_reminded_at   timestamptz,
    created_at         timestamptz NOT NULL,
    UNIQUE (plan_id, number)
);
-- What the deadline check and ORE's overdue list read: reports never submitted, by due moment.
CREATE INDEX reports_unsubmitted_by_due ON reports (due_at, id) WHERE first_submitted_at IS NULL;

-- The report's history: every submission, return (with the reviewer's comment), acceptance and moved due day; kept,
-- never changed.
CREATE TABLE report_history (
    id        uuid PRIMARY KEY,
    report_id uuid NOT NULL REFERENCES reports (id),
    jst_terc  text COLLATE "C" NOT NULL,
    round     integer NOT NULL,
    action    text NOT NULL CHECK (action IN ('submitted', 'returned', 'accepted', 'due-moved')),
    text      text,
    actor     uuid,
    at        timestamptz NOT NULL
);
CREATE INDEX report_history_by_report ON report_history (report_id, at, id);
REVOKE UPDATE, DELETE, TRUNCATE ON report_history FROM $app_role$;

-- Evidence the team uploaded for an action of a report (a photo, a protocol, an invoice): PDF, JPEG or PNG. An action's
-- entry in the report names its files; a link in the entry is evidence as well.
CREATE TABLE report_evidence (
    id           uuid PRIMARY KEY,
    report_id    uuid NOT NULL REFERENCES reports (id),
    jst_terc     text COLLATE "C" NOT NULL,
    action_id    uuid NOT NULL,
    file_name    text NOT NULL,
    content_type text NOT NULL,
    size_bytes   bigint NOT NULL,
    content      bytea NOT NULL,
    uploaded_by  uuid,
    uploaded_at  timestamptz NOT NULL
);
CREATE INDEX report_evidence_by_report ON report_evidence (report_id, uploaded_at);

CALL enable_jst_isolation('reports', 'report_history', 'report_evidence');
