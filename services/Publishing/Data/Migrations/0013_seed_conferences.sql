-- The seed's two conferences for the exchange of experience between JST staff (task 4, open to any JST), as drafts: ORE
-- sets their dates, place, agenda and capacity and publishes them. Any number more can be added through the API.
INSERT INTO conferences (id, title, description, starts_at, ends_at, place, online_url, capacity, registration_opens_at, registration_closes_at,
                         offer_hold, status, created_at, updated_at)
VALUES
    ('01940000-0000-7000-8000-000000000001', 'Cyfrowy rozwój oświaty w samorządach — konferencja wymiany doświadczeń I',
     'Samorządowcy z JST uczestniczących w programie i z innych JST dzielą się doświadczeniami z cyfryzacji szkół: diagnoza, plan, przeciwdziałanie wykluczeniu cyfrowemu. Prezentacja dobrych praktyk samorządowych.',
     '2027-04-20 08:00+00', '2027-04-21 14:00+00', 'Warszawa (miejsce zostanie podane)', NULL, 300,
     '2027-02-01 08:00+00', '2027-04-13 22:00+00', interval '48 hours', 'draft', now(), now()),
    ('01940000-0000-7000-8000-000000000002', 'Cyfrowy rozwój oświaty w samorządach — konferencja wymiany doświadczeń II',
     'Druga konferencja programu: wdrażanie lokalnych planów cyfryzacji szkół, partycypacja społeczności szkolnej i upowszechnianie dobrych praktyk samorządowych.',
     '2027-10-19 07:00+00', '2027-10-20 13:00+00', 'Warszawa (miejsce zostanie podane)', NULL, 300,
     '2027-08-30 08:00+00', '2027-10-12 22:00+00', interval '48 hours', 'draft', now(), now());
