-- Mail waiting to be sent, and mail sent. A consumer inserts the row in the transaction that
-- records its event in the inbox, so an event gives exactly one row; MailSender delivers it over
-- SMTP and retries with back-off. A 'failed' row waits for an operator, who after fixing the cause
-- sends it again with: UPDATE outgoing_mail SET status = 'pending', attempts = 0, next_attempt_at = now() WHERE id = ...
CREATE TABLE outgoing_mail (
    id              uuid        PRIMARY KEY,           -- UUIDv7; the mail's Message-Id is made from it
    message_id      uuid        NOT NULL UNIQUE,       -- the event that asked for this mail
    user_id         uuid        NOT NULL,              -- whose mail it is, so erasure can find it
    recipient       text        NOT NULL,
    subject         text        NOT NULL,
    html            text        NOT NULL,
    text            text        NOT NULL,
    status          text        NOT NULL DEFAULT 'pending'
                    CHECK (status IN ('pending', 'sent', 'failed', 'cancelled')),
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    last_error      text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    sent_at         timestamptz
);

CREATE INDEX outgoing_mail_due ON outgoing_mail (next_attempt_at, id) WHERE status = 'pending';
CREATE INDEX outgoing_mail_sent ON outgoing_mail (sent_at) WHERE status = 'sent';
CREATE INDEX outgoing_mail_by_user ON outgoing_mail (user_id);

-- People whose data was erased. Their events travel on other queues and may arrive after the
-- erasure; nothing more is queued for them.
CREATE TABLE erased_people (
    user_id   uuid        PRIMARY KEY,
    erased_at timestamptz NOT NULL
);
