-- Monitoring's own copy of the JST registry, kept from JstRegistered events.
CREATE TABLE jst (
    terc             text COLLATE "C" PRIMARY KEY,
    name             text NOT NULL,
    kind             text NOT NULL,
    voivodeship_terc text COLLATE "C" NOT NULL,
    registered_at    timestamptz NOT NULL
);

CREATE INDEX jst_by_voivodeship ON jst (voivodeship_terc, kind);
