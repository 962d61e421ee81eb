-- Transactional outbox: an event row is written in the same transaction as the state change
-- it announces; OutboxRelay publishes it and marks it published.
CREATE TABLE outbox_messages (
    id              uuid        PRIMARY KEY,          -- becomes the MassTransit MessageId
    message_type    text        NOT NULL,             -- "Full.Type.Name, Assembly"
    payload         jsonb       NOT NULL,
    correlation_id  text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    last_error      text,
    published_at    timestamptz
);

CREATE INDEX outbox_messages_pending ON outbox_messages (next_attempt_at, id) WHERE published_at IS NULL;
CREATE INDEX outbox_messages_published ON outbox_messages (published_at) WHERE published_at IS NOT NULL;
