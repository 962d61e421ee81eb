-- Inbox: one row per (message, consumer), inserted in the consumer's own transaction,
-- so a redelivered message is recognised and applied once.
CREATE TABLE inbox_messages (
    message_id   uuid        NOT NULL,
    consumer     text        NOT NULL,
    processed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (message_id, consumer)
);
