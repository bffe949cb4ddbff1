-- Selectivity on the declaration itself: the lane in force (as assessed, or as an officer re-routed it) and whether
-- a control is open. Kept on the declaration row so that release, re-routing and inspection results are decided
-- under its revision guard, in one transaction with the status they change.
ALTER TABLE declarations ADD COLUMN lane TEXT;
ALTER TABLE declarations ADD COLUMN control_open INTEGER NOT NULL DEFAULT 0;

-- The criteria hit by the assessment made at lodging: what the performance figures count per criterion.
CREATE TABLE risk_hits (
    mrn          TEXT    NOT NULL REFERENCES declarations (mrn),
    criterion_id TEXT    NOT NULL,
    version      INTEGER NOT NULL,
    weight       TEXT    NOT NULL,
    PRIMARY KEY (mrn, criterion_id)
) STRICT;
CREATE INDEX ix_risk_hits_criterion ON risk_hits (criterion_id);

-- Every re-routing by an officer, with who, when and why.
CREATE TABLE lane_changes (
    id        INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    mrn       TEXT    NOT NULL REFERENCES declarations (mrn),
    from_lane TEXT,
    to_lane   TEXT    NOT NULL,
    reason    TEXT    NOT NULL,
    actor     TEXT    NOT NULL,
    at        TEXT    NOT NULL
) STRICT;
CREATE INDEX ix_lane_changes_mrn ON lane_changes (mrn, id);

-- Results of controls (a declaration may be controlled again after a re-routing; its latest result counts): the
-- labels that feed criteria and models.
-- categories is a JSON array of finding categories; revenue is decimal text (exact).
CREATE TABLE inspections (
    id         INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    mrn        TEXT    NOT NULL REFERENCES declarations (mrn),
    version    INTEGER NOT NULL,
    lane       TEXT    NOT NULL,
    findings   INTEGER NOT NULL,
    categories TEXT    NOT NULL,
    revenue    TEXT    NOT NULL,
    notes      TEXT,
    officer    TEXT    NOT NULL,
    at         TEXT    NOT NULL
) STRICT;
CREATE INDEX ix_inspections_mrn ON inspections (mrn, id);

-- Photos and documents of an inspection, kept in the database so that a backup of it is a backup of everything.
CREATE TABLE inspection_evidence (
    id            INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    inspection_id INTEGER NOT NULL REFERENCES inspections (id),
    mrn           TEXT    NOT NULL,
    file_name    TEXT    NOT NULL,
    content_type TEXT    NOT NULL,
    sha256       TEXT    NOT NULL,
    size         INTEGER NOT NULL,
    content      BLOB    NOT NULL
) STRICT;
CREATE INDEX ix_inspection_evidence_mrn ON inspection_evidence (mrn, id);

-- Customs value per kg of each item lodged, by HS 2022 subheading: the node's reference prices are their medians.
CREATE TABLE risk_prices (
    id           INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    hs6          TEXT    NOT NULL,
    value_per_kg TEXT    NOT NULL,
    at           TEXT    NOT NULL
) STRICT;
