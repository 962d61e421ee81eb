-- Security audit trail. It names people by id only (names and e-mail addresses live in the users
-- table, which erasure pseudonymises), so entries can stay as they are forever. The application
-- role may add and read entries, never change or remove them.
CREATE TABLE audit_log (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at timestamptz NOT NULL DEFAULT now(),
    action      text NOT NULL,
    actor_id    uuid,
    actor_client text,
    subject_id  uuid,
    subject     text,
    ip_address  inet,
    detail      jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_occurred_at ON audit_log (occurred_at DESC, id DESC);
CREATE INDEX audit_log_action ON audit_log (action, occurred_at DESC);
CREATE INDEX audit_log_subject ON audit_log (subject_id) WHERE subject_id IS NOT NULL;
CREATE INDEX audit_log_actor ON audit_log (actor_id) WHERE actor_id IS NOT NULL;
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM $app_role$;

-- What a person accepted, which version of the text, and when (RODO art. 7(1): the controller must be
-- able to show consent). Append-only as well: withdrawing is a new row.
CREATE TABLE consents (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id     uuid NOT NULL REFERENCES "AspNetUsers" ("Id"),
    kind        text NOT NULL,
    version     text NOT NULL,
    granted     boolean NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX consents_user ON consents (user_id, kind, recorded_at DESC);
REVOKE UPDATE, DELETE, TRUNCATE ON consents FROM $app_role$;

-- A person's request to erase their data (RODO art. 17), carried out by an operator.
CREATE TABLE erasure_requests (
    id           uuid PRIMARY KEY,
    user_id      uuid NOT NULL REFERENCES "AspNetUsers" ("Id"),
    requested_at timestamptz NOT NULL,
    reason       text,
    executed_at  timestamptz,
    executed_by  uuid
);
-- One open request per person.
CREATE UNIQUE INDEX erasure_requests_open ON erasure_requests (user_id) WHERE executed_at IS NULL;
