-- A recruitment round (nabór): when it accepts applications, how many JST it takes, who may apply,
-- how large a task team is, and the targets by sex the programme reports against.
CREATE TABLE rounds (
    id             uuid PRIMARY KEY,
    name           text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    opens_at       timestamptz NOT NULL,
    closes_at      timestamptz NOT NULL,
    capacity       integer NOT NULL CHECK (capacity > 0),
    eligible_kinds text[] NOT NULL CHECK (cardinality(eligible_kinds) > 0),
    team_min       integer NOT NULL DEFAULT 3,
    team_max       integer NOT NULL DEFAULT 4,
    target_women   integer NOT NULL DEFAULT 0 CHECK (target_women >= 0),
    target_men     integer NOT NULL DEFAULT 0 CHECK (target_men >= 0),
    created_at     timestamptz NOT NULL,
    CHECK (closes_at > opens_at),
    CHECK (team_min >= 1 AND team_max >= team_min)
);
CREATE INDEX rounds_by_opening ON rounds (opens_at DESC, id);

-- Scoring rules are data, versioned with their round; a decision records the version it used, so a
-- later change of the rules never rewrites how an earlier decision was made.
CREATE TABLE scoring_rules (
    round_id   uuid NOT NULL REFERENCES rounds (id),
    version    integer NOT NULL CHECK (version > 0),
    rules      jsonb NOT NULL,
    created_at timestamptz NOT NULL,
    PRIMARY KEY (round_id, version)
);
