-- Idempotency-Key of partner writes (IdempotencyKeys.cs): the first answer to a client's key, replayed for a repeat with
-- the same request. status_code is null while the first request is still being answered.
CREATE TABLE idempotency_keys (
    client_id    text        NOT NULL,
    key          text        NOT NULL,
    request_hash bytea       NOT NULL,
    status_code  integer,
    content_type text,
    location     text,
    body         bytea,
    created_at   timestamptz NOT NULL,
    PRIMARY KEY (client_id, key)
);
-- Keys live 24 hours; expired ones are deleted by age.
CREATE INDEX idempotency_keys_by_age ON idempotency_keys (created_at);
