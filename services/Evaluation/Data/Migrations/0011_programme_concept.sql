-- The programme's concept as its first published version, so the public page has something true to show from the start
-- and the first consultation has a text to revise. Fixed id: the web links to it by its slug, tests by either.
INSERT INTO documents (id, slug, kind, title, created_at)
VALUES ('01938c00-0000-7000-8000-000000000001', 'koncepcja', 'concept', 'Koncepcja programu Cyfrowy Rozwój Oświaty', now());

INSERT INTO document_versions (id, document_id, number, markdown, status, change_summary, created_at, updated_at, published_at)
VALUES ('01938c00-0000-7000-8000-000000000002', '01938c00-0000-7000-8000-000000000001', 1, '
Program Cyfrowy Rozwój Oświaty (CRO) prowadzi Ośrodek Rozwoju Edukacji razem ze stowarzyszeniem jednostek samorządu terytorialnego, w ramach programu Fundusze Europejskie dla Rozwoju Społecznego 2021–2027 (Działanie 01.04).

## Cel programu

Samorząd, który prowadzi szkoły, sam rozpoznaje stan ich cyfryzacji, pisze lokalny plan strategiczny cyfryzacji szkół i realizuje go razem ze społecznością szkolną. Program daje mu do tego wiedzę, wsparcie doradcy i kontakt z innymi samorządami. Nie kupuje sprzętu i nie pisze planu za samorząd.

## Dla kogo

Dla zespołów zadaniowych JST — od trzech do czterech osób, które reprezentują gminę, powiat lub województwo we wszystkich działaniach programu. Pośrednio dla dyrektorów szkół, nauczycieli, rodziców i uczniów, którzy biorą udział w diagnozie i konsultacjach planu.

## Szkolenie: pięć modułów

- **M1** — przygotowanie diagnozy stanu cyfryzacji szkół,
- **M2** — wykluczenie cyfrowe dzieci i uczniów,
- **M3** — kompetencje cyfrowe kadr JST,
- **M4** — przygotowanie lokalnego planu strategicznego,
- **M5** — partycypacyjne wdrażanie planu.

Każdy moduł ma opisane efekty uczenia się; uczestnicy rozwiązują test przed szkoleniem i po nim, a wynik pokazuje, czy kompetencje wzrosły.

## Doradztwo

Każda JST ma przez 12 miesięcy swojego doradcę. Doradca spotyka się z zespołem, pomaga w diagnozie i planie, prowadzi z nim spotkania dialogowe i debaty oświatowe ze społecznością szkolną.

## Diagnoza

Zespół zbiera dane o każdej szkole: sprzęt, sieć, obsługa informatyczna, kompetencje cyfrowe, wykluczenie cyfrowe uczniów. Dyrektorzy szkół wypełniają kwestionariusz przez własne łącze, bez zakładania konta. Diagnoza jest podstawą planu.

## Plan strategiczny

Na podstawie diagnozy zespół pisze lokalny plan cyfryzacji szkół: priorytety, cele, działania z harmonogramem i budżetem. Projekt planu konsultuje ze społecznością szkolną i odpowiada na każdą uwagę. Przez 12 miesięcy, a potem przez dwa lata, składa sprawozdania z realizacji.

## Wymiana doświadczeń

Samorządy opisują swoje dobre praktyki, które po recenzji trafiają do publicznego katalogu. Konferencje programu są otwarte dla wszystkich zainteresowanych.

## Jak zmienia się ta koncepcja

Koncepcja, programy szkoleń i materiały mają kolejne wersje. Projekt nowej wersji ORE poddaje konsultacjom z przedstawicielami JST i stowarzyszeniem partnerskim, rozstrzyga każdą uwagę i rekomendację, a przy opublikowanej wersji pokazuje rejestr zmian: co się zmieniło, dlaczego i na podstawie czego.
', 'published', 'Pierwsza wersja koncepcji programu.', now(), now(), now());
