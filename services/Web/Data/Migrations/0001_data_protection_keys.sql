-- The web's ASP.NET Core Data Protection key ring (sign-in cookies, antiforgery tokens), shared by its
-- replicas: XML elements as the framework writes them.
CREATE TABLE data_protection_keys (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    friendly_name text,
    xml           text NOT NULL
);
