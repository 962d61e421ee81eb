-- The figures of the exchange of experience (task 4) reported beside the indicators, defined like them (0019): whom the
-- conferences reached, and the good practices published.
INSERT INTO indicator_definitions (code, version, kind, unit, name_pl, name_en, rule_pl, rule_en, seed_wording, esf_definition, by_sex,
                                   target_total, target_women, target_men, valid_from)
VALUES
    ('conference-participants', 1, 'figure', 'people',
     'Uczestnicy konferencji wymiany doświadczeń', 'People at the conferences for the exchange of experience',
     'Osoby odnotowane przy wejściu (kod QR biletu) w co najmniej jednym dniu konferencji. Każdą osobę liczymy raz, choćby była na kilku konferencjach (po kluczu z adresu e-mail, którego nie da się odwrócić), według płci podanej przy zgłoszeniu.',
     'People checked in at the door (the ticket''s QR code) on at least one day of a conference. Each person counts once across conferences (by a key from their address that cannot be turned back into it), by the sex given when registering.',
     NULL, NULL, true, NULL, NULL, NULL, '2023-04-01'),
    ('conference-jst-reached', 1, 'figure', 'jst',
     'JST, do których dotarły konferencje', 'JST the conferences reached',
     'JST, z której co najmniej jedna osoba została odnotowana na konferencji; według rodzaju JST i z podziałem na JST uczestniczące w programie (przyjęte w naborze i niewycofane) i pozostałe — konferencje są otwarte dla każdej JST.',
     'A JST with at least one person checked in at a conference; by kind of JST, split into JST taking part in the programme (accepted in a round, not withdrawn) and the others — the conferences are open to every JST.',
     NULL, NULL, false, NULL, NULL, NULL, '2023-04-01'),
    ('practices-published', 1, 'figure', 'practices',
     'Opublikowane dobre praktyki', 'Good practices published',
     'Dobre praktyki opublikowane teraz w katalogu (wycofane się nie liczą): razem, według tematu (praktyka liczy się w każdym ze swoich tematów), według rodzaju JST i JST.',
     'Good practices in the catalogue now (withdrawn ones do not count): in total, by topic (a practice counts under each of its topics), by kind of JST and by JST.',
     NULL, NULL, false, NULL, NULL, NULL, '2023-04-01');
