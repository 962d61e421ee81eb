-- The JST registry as recruitment announces it (JstRegistered): consultations invite JST representatives and results
-- are shown per JST kind, without asking recruitment at request time. Public data, so no row-level security.
CREATE TABLE jst (
    terc             text COLLATE "C" PRIMARY KEY,
    name             text NOT NULL,
    kind             text NOT NULL,
    voivodeship_terc text COLLATE "C" NOT NULL,
    registered_at    timestamptz NOT NULL
);
