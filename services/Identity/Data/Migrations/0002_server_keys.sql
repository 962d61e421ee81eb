-- The token server's keys: one RSA key signs access and identity tokens (its public half is published
-- as JWKS), one AES key encrypts authorization codes and refresh tokens. Kept here so every replica
-- and every restart uses the same keys.
CREATE TABLE server_keys (
    purpose    text PRIMARY KEY CHECK (purpose IN ('signing', 'encryption')),
    material   text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
