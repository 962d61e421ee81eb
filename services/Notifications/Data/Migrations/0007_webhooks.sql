-- The partner's webhooks (Standard Webhooks). An integration event the catalogue lists becomes one webhook_events row
-- (its body signed as stored, so every attempt and every endpoint gets the same bytes) and one webhook_deliveries row per
-- endpoint that subscribed to its type and may read it, both in the transaction that records the event in the inbox:
-- a delivery exists exactly when its event was handled, and is never lost. WebhookSender delivers and retries them.

-- The partner clients as identity announces them (ApiClientChanged): what each may receive.
CREATE TABLE webhook_clients (
    client_id    text PRIMARY KEY,
    display_name text NOT NULL,
    scopes       text[] NOT NULL,
    jst_tercs    text[] NOT NULL DEFAULT '{}',   -- empty: not limited
    removed      boolean NOT NULL DEFAULT false,
    changed_at   timestamptz NOT NULL             -- the event's, so an older announcement never overwrites a newer one
);

CREATE TABLE webhook_endpoints (
    id              uuid PRIMARY KEY,
    client_id       text NOT NULL,
    url             text NOT NULL,
    description     text NOT NULL DEFAULT '',
    event_types     text[] NOT NULL,
    enabled         boolean NOT NULL DEFAULT true,
    disabled_reason text,                          -- gone (the receiver answered 410), partner, operator
    disabled_at     timestamptz,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL
);
CREATE INDEX webhook_endpoints_by_client ON webhook_endpoints (client_id);

-- Signing secrets (whsec_…): every secret not yet expired signs each attempt, so during a rotation's overlap the receiver
-- verifies with the old or the new one.
CREATE TABLE webhook_secrets (
    id          uuid PRIMARY KEY,
    endpoint_id uuid NOT NULL REFERENCES webhook_endpoints ON DELETE CASCADE,
    secret      text NOT NULL,
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz                         -- null: current
);
CREATE INDEX webhook_secrets_by_endpoint ON webhook_secrets (endpoint_id);

-- The last sequence number given per JST ('' for events of the whole programme): receivers order a JST's events by it.
CREATE TABLE webhook_sequences (
    sequence_key text PRIMARY KEY,
    last_value   bigint NOT NULL
);

CREATE TABLE webhook_events (
    id          uuid PRIMARY KEY,                   -- the webhook-id header: stable across attempts and replays
    message_id  uuid NOT NULL UNIQUE,               -- the integration event's
    type        text NOT NULL,
    jst_terc    text,
    sequence    bigint NOT NULL,
    body        text NOT NULL,                      -- {type, timestamp, sequence, data}, exactly as signed and sent
    occurred_at timestamptz NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX webhook_events_created ON webhook_events (created_at);

CREATE TABLE webhook_deliveries (
    id               uuid PRIMARY KEY,
    endpoint_id      uuid NOT NULL REFERENCES webhook_endpoints ON DELETE CASCADE,
    event_id         uuid NOT NULL REFERENCES webhook_events ON DELETE CASCADE,
    status           text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
    attempts         integer NOT NULL DEFAULT 0,    -- since it was created or last replayed
    next_attempt_at  timestamptz NOT NULL DEFAULT now(),
    last_status_code integer,
    last_error       text,
    created_at       timestamptz NOT NULL DEFAULT now(),
    delivered_at     timestamptz,
    UNIQUE (endpoint_id, event_id)
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at, id) WHERE status = 'pending';
CREATE INDEX webhook_deliveries_by_event ON webhook_deliveries (event_id);

CREATE TABLE webhook_attempts (
    id           uuid PRIMARY KEY,
    delivery_id  uuid NOT NULL REFERENCES webhook_deliveries ON DELETE CASCADE,
    attempted_at timestamptz NOT NULL,
    status_code  integer,                           -- null: no answer (timeout, refused, blocked address)
    error        text,
    duration_ms  integer NOT NULL
);
CREATE INDEX webhook_attempts_by_delivery ON webhook_attempts (delivery_id, attempted_at);

-- When to try again after the n-th failed attempt (Retry-After of a 429 or 503 takes precedence); after the last row the
-- delivery fails for good. About three days in all, each delay spread by ±10 % jitter. Data, so an operator can change it.
CREATE TABLE webhook_retry_schedule (
    attempt     integer PRIMARY KEY CHECK (attempt > 0),
    retry_after interval NOT NULL
);
INSERT INTO webhook_retry_schedule (attempt, retry_after) VALUES
    (1, '5 seconds'), (2, '5 minutes'), (3, '30 minutes'), (4, '2 hours'), (5, '5 hours'),
    (6, '10 hours'), (7, '12 hours'), (8, '16 hours'), (9, '24 hours');
