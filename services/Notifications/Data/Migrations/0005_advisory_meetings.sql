-- Advisory meetings as advisory's events announce them (AdvisoryMeetingBooked, AdvisoryMeetingCancelled): the latest
-- state of each, whom it concerns, and the reminders planned for it. Events may arrive out of order, so a row changes
-- only for an event of a higher sequence (the meeting's iCalendar SEQUENCE); an older one is ignored.
CREATE TABLE advisory_meetings (
    meeting_id   uuid        PRIMARY KEY,
    calendar_uid text        NOT NULL,
    sequence     integer     NOT NULL,
    status       text        NOT NULL CHECK (status IN ('booked', 'cancelled')),
    jst_terc     text        NOT NULL,
    jst_name     text        NOT NULL,
    topic        text        NOT NULL,
    stage        text,                                  -- unknown when only the cancellation arrived
    mode         text,
    location     text,
    starts_at    timestamptz NOT NULL,
    ends_at      timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL
);
-- Rows of meetings long over are deleted (see ReminderSender).
CREATE INDEX advisory_meetings_ends ON advisory_meetings (ends_at);

-- Whom the meeting's latest event names: its advisor and the team's members. The address (lower case) is how a
-- signed-in advisor or member is recognised as an attendee.
CREATE TABLE advisory_meeting_attendees (
    meeting_id uuid NOT NULL REFERENCES advisory_meetings (meeting_id) ON DELETE CASCADE,
    email      text NOT NULL CHECK (email = lower(email)),
    member_id  uuid,
    full_name  text NOT NULL,
    role       text NOT NULL,
    PRIMARY KEY (meeting_id, email)
);
CREATE INDEX advisory_meeting_attendees_email ON advisory_meeting_attendees (email);

-- One reminder to one attendee, a lead time before the start of one version (sequence) of a meeting. Its id is made
-- from those, so an event applied twice plans it once; ReminderSender turns it, when due, into an outgoing_mail row
-- whose message_id is this id, in one transaction, so it is queued exactly once.
--   pending    waits for next_attempt_at (its due time, or a retry after a failed hand-over)
--   queued     handed to the mail queue; MailSender delivers it (and retries)
--   sent       the SMTP server took it
--   failed     given up: the hand-over failed max attempts times, or the mail was given up; last_error says why
--   cancelled  not to be sent; cancel_reason says why (moved, meeting-cancelled, past-due, superseded, too-late, recipient-erased)
CREATE TABLE scheduled_reminders (
    id              uuid        PRIMARY KEY,
    meeting_id      uuid        NOT NULL REFERENCES advisory_meetings (meeting_id) ON DELETE CASCADE,
    sequence        integer     NOT NULL,
    recipient       text        NOT NULL,
    member_id       uuid,
    full_name       text        NOT NULL,
    role            text        NOT NULL,
    lead_time       interval    NOT NULL,
    due_at          timestamptz NOT NULL,
    status          text        NOT NULL CHECK (status IN ('pending', 'queued', 'sent', 'failed', 'cancelled')),
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    last_error      text,
    cancel_reason   text,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL
);
CREATE INDEX scheduled_reminders_due ON scheduled_reminders (next_attempt_at, id) WHERE status = 'pending';
CREATE INDEX scheduled_reminders_meeting ON scheduled_reminders (meeting_id, due_at);
CREATE INDEX scheduled_reminders_failed ON scheduled_reminders (due_at, id) WHERE status = 'failed';
