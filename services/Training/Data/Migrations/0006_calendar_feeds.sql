-- One calendar feed per person: a secret token in the URL lets a calendar app subscribe without a
-- bearer token. Only its SHA-256 is kept; issuing a new one replaces the old.
CREATE TABLE calendar_feeds (
    user_id    uuid PRIMARY KEY,
    email      text NOT NULL,
    token_hash bytea NOT NULL UNIQUE,
    created_at timestamptz NOT NULL
);
