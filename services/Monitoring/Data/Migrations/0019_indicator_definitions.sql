-- What each figure the platform reports counts, as data: one name per meaning, the rule the platform applies (in Polish
-- and English, shown beside every figure), where the indicator comes from (the project card's wording) and the ESF+
-- definition applied, and the project's targets by sex. A changed rule is a new version; the figures name the version
-- they were computed by. Kinds: output and result indicators of the project, and figures that are not indicators (shown
-- beside them, and named so that no one reads them as one).
CREATE TABLE indicator_definitions (
    code            text COLLATE "C" NOT NULL,
    version         integer NOT NULL,
    kind            text NOT NULL CHECK (kind IN ('output', 'result', 'figure')),
    unit            text NOT NULL CHECK (unit IN ('people', 'jst', 'practices')),
    name_pl         text NOT NULL,
    name_en         text NOT NULL,
    rule_pl         text NOT NULL,
    rule_en         text NOT NULL,
    seed_wording    text,
    esf_definition  text,
    by_sex          boolean NOT NULL,
    target_total    integer,
    target_women    integer,
    target_men      integer,
    valid_from      date NOT NULL,
    PRIMARY KEY (code, version),
    CHECK (target_women IS NULL OR target_men IS NULL OR target_total IS NULL OR target_women + target_men <= target_total)
);

INSERT INTO indicator_definitions (code, version, kind, unit, name_pl, name_en, rule_pl, rule_en, seed_wording, esf_definition, by_sex,
                                   target_total, target_women, target_men, valid_from)
VALUES
    ('people-supported', 1, 'output', 'people',
     'Liczba przedstawicieli kadr JST objętych wsparciem', 'JST staff supported',
     'Osoba z zespołu zadaniowego przyjętej JST, która była obecna na co najmniej jednych zajęciach szkolenia (obecność, której nie cofnięto). Każdą osobę liczymy raz, według płci z ostatniego zdarzenia; usunięcie danych osoby nie zmienia liczby.',
     'A member of an accepted JST''s task team who attended at least one training session (an attendance not withdrawn). Each person counts once, by the sex of their latest event; erasing the person''s data does not change the count.',
     'Liczba przedstawicieli kadr JST objętych wsparciem (wskaźnik produktu), w tym kobiet i mężczyzn.',
     'Uczestnik projektu EFS+: osoba, która rozpoczęła udział we wsparciu (pierwsza forma wsparcia: pierwsze zajęcia, na których była obecna).',
     true, 150, 105, 45, '2023-04-01'),
    ('competences-raised', 1, 'result', 'people',
     'Liczba przedstawicieli kadr JST, którzy podnieśli kompetencje', 'JST staff who raised their competences',
     'Osoba objęta wsparciem, której post-test co najmniej jednego modułu zaliczono z wynikiem wyższym niż pre-test tego modułu (walidacja kompetencji). Każdą osobę liczymy raz, według płci z ostatniej walidacji.',
     'A supported person whose post-test of at least one module validated with a score higher than that module''s pre-test (competence validation). Each person counts once, by the sex of their latest validation.',
     'Liczba przedstawicieli kadr JST, którzy podnieśli kompetencje w zakresie zarządzania cyfryzacją oświaty (wskaźnik rezultatu).',
     'Uzyskanie kompetencji (EFS+): pozytywny wynik walidacji – porównania wyniku testu po wsparciu z wynikiem przed wsparciem – w zakresie objętym wsparciem.',
     true, 150, 105, 45, '2023-04-01'),
    ('jst-advised', 1, 'result', 'jst',
     'Liczba JST objętych działaniami doradczymi', 'JST covered by advisory',
     'JST, z którą doradca odbył co najmniej jedno spotkanie doradcze (spotkanie zapisane jako odbyte, nieodwołane). Każdą JST liczymy raz.',
     'A JST with which its advisor held at least one advisory meeting (recorded as held, not cancelled). Each JST counts once.',
     'Liczba JST objętych działaniami doradczymi w zakresie cyfrowego rozwoju szkół (wskaźnik rezultatu).',
     NULL,
     false, 50, NULL, NULL, '2023-04-01'),
    ('people-in-accepted-teams', 1, 'figure', 'people',
     'Osoby w zespołach zadaniowych przyjętych JST', 'People in the task teams of accepted JST',
     'Osoby wskazane w zespołach zadaniowych JST przyjętych w naborze (JST, która wycofała się, nie liczy się; liczy się JST przyjęta z listy rezerwowej). To nie jest wskaźnik „objęci wsparciem”: osoba jest objęta wsparciem dopiero od pierwszych zajęć, na których była obecna.',
     'The people named in the task teams of the JST a round accepted (a JST that withdrew no longer counts; one accepted from the reserve list does). Not the indicator "supported": a person is supported only from the first session they attended.',
     NULL, NULL,
     true, NULL, NULL, NULL, '2023-04-01');
