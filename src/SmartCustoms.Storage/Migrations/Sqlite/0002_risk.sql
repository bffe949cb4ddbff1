-- Risk engine: criteria with their versions, lane settings per office, and the assessments made.
-- Every version of a criterion is kept; the highest version of an id is the current one.
CREATE TABLE risk_criteria (
    id         TEXT    NOT NULL,
    version    INTEGER NOT NULL,
    document   TEXT    NOT NULL,
    author     TEXT    NOT NULL,
    created_at TEXT    NOT NULL,
    retired_at TEXT,
    retired_by TEXT,
    PRIMARY KEY (id, version)
) STRICT;

-- One row, incremented by every change to the criteria (inside the same write transaction): servers compare it
-- to know when to recompile.
CREATE TABLE risk_criteria_stamp (
    id    INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    value INTEGER NOT NULL
) STRICT;
INSERT INTO risk_criteria_stamp (id, value) VALUES (1, 0);

CREATE TABLE risk_lane_settings (
    office     TEXT NOT NULL PRIMARY KEY,
    json       TEXT NOT NULL,
    author     TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;

-- score is decimal text (exact); random is 0 or 1.
CREATE TABLE risk_assessments (
    id       INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    mrn      TEXT    NOT NULL,
    version  INTEGER NOT NULL,
    office   TEXT    NOT NULL,
    score    TEXT    NOT NULL,
    lane     TEXT    NOT NULL,
    random   INTEGER NOT NULL,
    decision TEXT    NOT NULL,
    at       TEXT    NOT NULL
) STRICT;
CREATE INDEX ix_risk_assessments_office ON risk_assessments (office, id);
CREATE INDEX ix_risk_assessments_mrn ON risk_assessments (mrn, id);
