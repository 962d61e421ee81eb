-- The JST registry as recruitment announces it (JstRegistered): practices name their JST, and the catalogue's facets
-- are its kind and województwo. Public data, so no row-level security.
CREATE TABLE jst (
    terc             text COLLATE "C" PRIMARY KEY,
    name             text NOT NULL,
    kind             text NOT NULL,
    voivodeship_terc text COLLATE "C" NOT NULL,
    registered_at    timestamptz NOT NULL
);
CREATE INDEX jst_voivodeship ON jst (voivodeship_terc);

-- Search that understands Polish with the diacritics optional: text is folded to ASCII (unaccent) and then reduced to
-- its dictionary forms by the Polish Hunspell dictionary folded the same way ("szkoły", "szkoly", "szkołach" → szkola;
-- "wykluczenia" → wykluczyc, as "wykluczenie"). Words the dictionary does not know are kept as they are (simple); its
-- stop words (i, w, na, …) are dropped. Folding costs a few collisions ("szkolą", they train, reads as "szkoła"), which
-- ranking by the words as typed can order. The dictionary's files are made from Debian's hunspell-pl by
-- deploy/local/prerequisites.sh (cro_polish_ascii.dict, .affix, .stop in PostgreSQL's tsearch_data).
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE TEXT SEARCH DICTIONARY polish_ascii (TEMPLATE = ispell, DictFile = cro_polish_ascii, AffFile = cro_polish_ascii, StopWords = cro_polish_ascii);
CREATE TEXT SEARCH CONFIGURATION polish_ascii (COPY = simple);
ALTER TEXT SEARCH CONFIGURATION polish_ascii
    ALTER MAPPING FOR asciiword, word, hword, hword_part, asciihword, hword_asciipart WITH unaccent, polish_ascii, simple;
