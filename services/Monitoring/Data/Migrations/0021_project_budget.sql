-- The project's own budget as the programme's card (Roczny Plan Działania 2023, the project card) states it, and the
-- spending ORE's finance staff enter against it. Amounts are numeric(14,2): złoty to the grosz, summed exactly.

-- The project as a whole: 6 000 000 zł, of which 4 951 200 zł from the EU (82,52 %), the rest national; carried out
-- from May 2023 to December 2026 ("Przewidywany okres realizacji projektu: maj 2023 r. – grudzień 2026 r.").
CREATE TABLE budget_project (
    id boolean PRIMARY KEY DEFAULT true CHECK (id),
    total numeric(14,2) NOT NULL,
    eu numeric(14,2) NOT NULL,
    starts_on date NOT NULL,
    ends_on date NOT NULL
);
INSERT INTO budget_project (total, eu, starts_on, ends_on) VALUES (6000000.00, 4951200.00, '2023-05-01', '2026-12-31');

-- The card's yearly estimate of the project's spending ("Szacowana kwota wydatków w projekcie w podziale na lata").
CREATE TABLE budget_card_years (
    year int PRIMARY KEY,
    amount numeric(14,2) NOT NULL CHECK (amount >= 0)
);
INSERT INTO budget_card_years (year, amount) VALUES (2023, 1500000.00), (2024, 1500000.00), (2025, 1500000.00), (2026, 1500000.00);

-- The card's four tasks: their names, share of the budget and planned period ("Planowany termin i budżet"), the period
-- from the first day of its first quarter to the last day of its last.
CREATE TABLE budget_tasks (
    number int PRIMARY KEY CHECK (number BETWEEN 1 AND 4),
    name_pl text NOT NULL,
    name_en text NOT NULL,
    short_name_pl text NOT NULL,
    short_name_en text NOT NULL,
    share_percent numeric(5,2) NOT NULL CHECK (share_percent > 0 AND share_percent <= 100),
    starts_on date NOT NULL,
    ends_on date NOT NULL,
    CHECK (starts_on < ends_on)
);
INSERT INTO budget_tasks (number, name_pl, name_en, short_name_pl, short_name_en, share_percent, starts_on, ends_on) VALUES
    (1, 'Opracowanie koncepcji szkoleń (w tym programów i materiałów szkoleniowych) i procesu doradztwa (wraz z niezbędnymi materiałami) skierowanych do kadry JST',
        'Developing the concept of the training (with its programmes and materials) and of the advisory process (with the materials it needs) for JST staff',
        'Koncepcja szkoleń i doradztwa', 'Concept of training and advisory', 5.00, '2023-04-01', '2024-06-30'),
    (2, 'Testowanie szkoleń i doradztwa dla kadry JST zgodnie z przyjętą koncepcją',
        'Testing the training and advisory for JST staff as the concept sets out',
        'Testowanie szkoleń i doradztwa', 'Testing training and advisory', 70.00, '2024-04-01', '2025-09-30'),
    (3, 'Monitorowanie procesu wdrożenia w JST przygotowanych lokalnych planów strategicznych',
        'Monitoring how the JST implement the local strategic plans they prepared',
        'Monitorowanie wdrożenia planów', 'Monitoring the plans'' implementation', 10.00, '2025-07-01', '2026-12-31'),
    (4, 'Wymiana doświadczeń między kadrami JST, identyfikowanie najciekawszych rozwiązań i upowszechnienie ich w formie opisów dobrych praktyk samorządowych w zakresie cyfrowego rozwoju oświaty',
        'Exchange of experience between JST staff, finding the most interesting solutions and spreading them as descriptions of good local-government practice in the digital development of education',
        'Wymiana doświadczeń i dobre praktyki', 'Exchange of experience and good practices', 15.00, '2024-04-01', '2026-12-31');

-- The plan per task and year: a task's share of the budget spread evenly over the quarters of its period, so each year
-- holds what the task's quarters in it do (task 4: 11 quarters, the last year takes the grosz of rounding); the EU part
-- is 82,52 % of each amount, rounded to the grosz, the national part the rest. The card's yearly estimate (1 500 000 zł a
-- year) cannot be met together with its task periods — in 2023 only task 1 runs, and its whole share is 300 000 zł — so
-- the plan follows the periods and the shares, and the yearly estimate is kept beside it (budget_card_years).
CREATE TABLE budget_plan (
    task int NOT NULL REFERENCES budget_tasks (number),
    year int NOT NULL CHECK (year BETWEEN 2023 AND 2026),
    amount numeric(14,2) NOT NULL CHECK (amount >= 0),
    eu numeric(14,2) NOT NULL CHECK (eu >= 0),
    national numeric(14,2) NOT NULL CHECK (national >= 0),
    PRIMARY KEY (task, year),
    CHECK (eu + national = amount)
);
INSERT INTO budget_plan (task, year, amount, eu, national) VALUES
    (1, 2023,  180000.00,  148536.00,  31464.00),
    (1, 2024,  120000.00,   99024.00,  20976.00),
    (2, 2024, 2100000.00, 1732920.00, 367080.00),
    (2, 2025, 2100000.00, 1732920.00, 367080.00),
    (3, 2025,  200000.00,  165040.00,  34960.00),
    (3, 2026,  400000.00,  330080.00,  69920.00),
    (4, 2024,  245454.55,  202549.09,  42905.46),
    (4, 2025,  327272.73,  270065.46,  57207.27),
    (4, 2026,  327272.72,  270065.45,  57207.27);

-- A line of spending: what was spent on a task in a month, its EU and national parts, and the accounting document.
-- Corrections overwrite the line and keep its previous state in budget_spending_history.
CREATE TABLE budget_spending (
    id uuid PRIMARY KEY,
    task int NOT NULL REFERENCES budget_tasks (number),
    month date NOT NULL CHECK (extract(day FROM month) = 1),
    amount numeric(14,2) NOT NULL CHECK (amount > 0),
    eu numeric(14,2) NOT NULL CHECK (eu >= 0),
    national numeric(14,2) NOT NULL CHECK (national >= 0),
    document text NOT NULL,
    description text,
    import_id uuid,
    entered_by uuid NOT NULL,
    entered_at timestamptz NOT NULL,
    corrected_by uuid,
    corrected_at timestamptz,
    CHECK (eu + national = amount)
);
CREATE INDEX budget_spending_task_month ON budget_spending (task, month);

CREATE TABLE budget_spending_history (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    spending_id uuid NOT NULL REFERENCES budget_spending (id),
    task int NOT NULL,
    month date NOT NULL,
    amount numeric(14,2) NOT NULL,
    eu numeric(14,2) NOT NULL,
    national numeric(14,2) NOT NULL,
    document text NOT NULL,
    description text,
    -- Who wrote this state and when (the line's entry or its previous correction), and who replaced it.
    written_by uuid NOT NULL,
    written_at timestamptz NOT NULL,
    replaced_by uuid NOT NULL,
    replaced_at timestamptz NOT NULL
);
CREATE INDEX budget_spending_history_line ON budget_spending_history (spending_id);

-- A CSV of spending read but not applied: the preview of its lines (each valid or with its errors) until the finance
-- person confirms it (once) or it expires.
CREATE TABLE budget_imports (
    id uuid PRIMARY KEY,
    file_name text NOT NULL,
    lines jsonb NOT NULL,
    uploaded_by uuid NOT NULL,
    uploaded_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    confirmed_by uuid,
    confirmed_at timestamptz
);
