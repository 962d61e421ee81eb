-- What the fault tests count. probe_items: the publisher's state, each row written with its event in one transaction.
-- probe_applied: a consumer's effect, one row per application of an event, deliberately without a unique key, so an
-- event applied twice shows as two rows (only the inbox prevents it).
CREATE TABLE probe_items (
    id uuid PRIMARY KEY,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE probe_applied (
    item_id uuid NOT NULL,
    message_id uuid NOT NULL,
    process_id integer NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
