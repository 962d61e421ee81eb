-- A city with powiat rights (miasto na prawach powiatu) is one JST: a gmina that also carries out the powiat's tasks.
-- The registry now holds it once, under its gmina miejska's seven-digit code (Warszawa 1465011, the code the schools
-- register and the rest of the platform use), of kind city-county, with the four-digit code as its county (see
-- TercRegister). A registry imported before held it twice: a four-digit city-county row (1465) and a seven-digit
-- urban-municipality row (1465011). The start-up import only inserts what is missing, so this brings such a registry to
-- the new shape; on an empty registry it does nothing.

-- A four-digit row an application names stays: the application, its team and decisions, the events already sent and the
-- accounts made for its team carry that code. It is no longer offered (search leaves it out, no application can be
-- started for it) and names the city's JST, which applies from now on.
ALTER TABLE jst ADD COLUMN superseded_by text COLLATE "C" REFERENCES jst (terc);
COMMENT ON COLUMN jst.superseded_by IS
    'Set on a kept four-digit row of a city with powiat rights: the city''s one JST (its gmina''s seven-digit code).';

-- The city's gmina miejska is the city's JST.
UPDATE jst g SET kind = 'city-county'
FROM jst c
WHERE c.kind = 'city-county' AND length(c.terc) = 4
  AND g.kind = 'urban-municipality' AND length(g.terc) = 7 AND g.terc LIKE c.terc || '%';

UPDATE jst c SET superseded_by = g.terc
FROM jst g
WHERE c.kind = 'city-county' AND length(c.terc) = 4
  AND g.kind = 'city-county' AND length(g.terc) = 7 AND g.terc LIKE c.terc || '%'
  AND EXISTS (SELECT 1 FROM applications a WHERE a.jst_terc = c.terc);

-- Applications are the only rows that name a JST by key (team members, decisions, checks and adjustments belong to one).
DELETE FROM jst c
WHERE c.kind = 'city-county' AND length(c.terc) = 4
  AND NOT EXISTS (SELECT 1 FROM applications a WHERE a.jst_terc = c.terc);
