-- The recruitment rules (regulamin) of a round as the operator published them: one PDF per round, kept in
-- the database with the round so it is backed up with it. Replacing it replaces the row; who and when stay.
CREATE TABLE round_rules_documents (
    round_id     uuid PRIMARY KEY REFERENCES rounds (id),
    file_name    text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
    size_bytes   integer NOT NULL CHECK (size_bytes > 0),
    sha256       bytea NOT NULL,
    content      bytea NOT NULL,
    uploaded_by  uuid,
    uploaded_at  timestamptz NOT NULL
);
