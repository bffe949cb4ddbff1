-- Risk engine: criteria with their versions, lane settings per office, and the assessments made.
-- Every version of a criterion is kept; the highest version of an id is the current one.
CREATE TABLE risk_criteria (
    id         text        NOT NULL,
    version    integer     NOT NULL,
    document   jsonb       NOT NULL,
    author     text        NOT NULL,
    created_at timestamptz NOT NULL,
    retired_at timestamptz,
    retired_by text,
    PRIMARY KEY (id, version)
);

-- One row, incremented by every change to the criteria (inside the same write transaction): servers compare it
-- to know when to recompile. Its row lock also serialises concurrent changes to the criteria.
CREATE TABLE risk_criteria_stamp (
    id    integer NOT NULL PRIMARY KEY CHECK (id = 1),
    value bigint  NOT NULL
);
INSERT INTO risk_criteria_stamp (id, value) VALUES (1, 0);

CREATE TABLE risk_lane_settings (
    office     text        NOT NULL PRIMARY KEY,
    json       jsonb       NOT NULL,
    author     text        NOT NULL,
    updated_at timestamptz NOT NULL
);

-- json rather than jsonb: the explanation is handed back exactly as it was written.
CREATE TABLE risk_assessments (
    id       bigserial   NOT NULL PRIMARY KEY,
    mrn      text        NOT NULL,
    version  integer     NOT NULL,
    office   text        NOT NULL,
    score    numeric     NOT NULL,
    lane     text        NOT NULL,
    random   boolean     NOT NULL,
    decision json        NOT NULL,
    at       timestamptz NOT NULL
);
CREATE INDEX ix_risk_assessments_office ON risk_assessments (office, id);
CREATE INDEX ix_risk_assessments_mrn ON risk_assessments (mrn, id);
