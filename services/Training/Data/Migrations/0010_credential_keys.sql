-- The key that signs Open Badges credentials, created on the first start. The public part is published
-- (JWKS); the private part is kept only as ASP.NET Core Data Protection ciphertext, never sent by the API.
-- Retired keys stay, so credentials they signed still verify. At most one key is active.
CREATE TABLE credential_keys (
    kid                   text COLLATE "C" PRIMARY KEY,
    algorithm             text NOT NULL,
    public_key            text NOT NULL,
    protected_private_key text NOT NULL,
    created_at            timestamptz NOT NULL,
    retired_at            timestamptz
);
CREATE UNIQUE INDEX credential_keys_one_active ON credential_keys ((true)) WHERE retired_at IS NULL;

-- The Data Protection key ring of the service, shared by its replicas (XML elements as the framework writes them).
CREATE TABLE data_protection_keys (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    friendly_name text,
    xml          text NOT NULL
);
