-- ORE's conclusions on the plans' implementation for a reporting period ('2026', '2026-H2', '2026-Q4'), written for the
-- ministry and exported with the figures. Not any JST's data.
CREATE TABLE plan_conclusions (
    period     text PRIMARY KEY,
    text       text NOT NULL,
    updated_by uuid,
    updated_at timestamptz NOT NULL
);
