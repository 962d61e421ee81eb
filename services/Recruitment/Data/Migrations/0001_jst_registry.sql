-- The registry of local government units (JST), seeded from the official TERC register.
CREATE TABLE jst (
    terc                       text COLLATE "C" PRIMARY KEY
                               CHECK (terc ~ '^[0-9]{2}([0-9]{2}([0-9]{3})?)?$'),
    name                       text NOT NULL,
    kind                       text NOT NULL CHECK (kind IN ('voivodeship', 'county', 'city-county',
                                   'urban-municipality', 'rural-municipality', 'urban-rural-municipality')),
    voivodeship_terc           text COLLATE "C" NOT NULL,
    county_terc                text COLLATE "C",
    -- Lower-case, without Polish diacritics, words separated by one space: what search matches on.
    search_name                text COLLATE "C" NOT NULL,
    at_risk_of_marginalisation boolean NOT NULL DEFAULT false,
    registered_at              timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX jst_by_name ON jst (search_name, terc);
CREATE INDEX jst_by_voivodeship ON jst (voivodeship_terc, kind);
