-- A city with powiat rights is one JST: recruitment's registry now has it once, under its gmina miejska's seven-digit code
-- (Warszawa 1465011), of kind city-county, and no longer the four-digit powiat row (1465) beside an urban-municipality
-- row (recruitment's migration 0009). New JstRegistered events carry that shape; this brings a read model filled from
-- the earlier events to it. No event says so: a JST leaves the registry by no event, and announcing the re-kinded cities
-- again would still leave the four-digit rows here.

UPDATE jst g SET kind = 'city-county'
FROM jst c
WHERE c.kind = 'city-county' AND length(c.terc) = 4
  AND g.kind = 'urban-municipality' AND length(g.terc) = 7 AND g.terc LIKE c.terc || '%';

-- Recruitment keeps a four-digit row that an application names (applications under that code go on); so does this read
-- model when an application it knows of names it, so that what it shows under that code keeps its name.
DELETE FROM jst c
WHERE c.kind = 'city-county' AND length(c.terc) = 4
  AND NOT EXISTS (SELECT 1 FROM recruitment_applications a WHERE a.jst_terc = c.terc);
