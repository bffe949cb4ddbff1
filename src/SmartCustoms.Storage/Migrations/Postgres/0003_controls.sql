-- Selectivity on the declaration itself: the lane in force (as assessed, or as an officer re-routed it) and whether
-- a control is open. Kept on the declaration row so that release, re-routing and inspection results are decided
-- under its revision guard, in one transaction with the status they change.
ALTER TABLE declarations ADD COLUMN lane text;
ALTER TABLE declarations ADD COLUMN control_open boolean NOT NULL DEFAULT false;

-- The criteria hit by the assessment made at lodging: what the performance figures count per criterion.
CREATE TABLE risk_hits (
    mrn          text    NOT NULL REFERENCES declarations (mrn),
    criterion_id text    NOT NULL,
    version      integer NOT NULL,
    weight       numeric NOT NULL,
    PRIMARY KEY (mrn, criterion_id)
);
CREATE INDEX ix_risk_hits_criterion ON risk_hits (criterion_id);

-- Every re-routing by an officer, with who, when and why.
CREATE TABLE lane_changes (
    id        bigserial   NOT NULL PRIMARY KEY,
    mrn       text        NOT NULL REFERENCES declarations (mrn),
    from_lane text,
    to_lane   text        NOT NULL,
    reason    text        NOT NULL,
    actor     text        NOT NULL,
    at        timestamptz NOT NULL
);
CREATE INDEX ix_lane_changes_mrn ON lane_changes (mrn, id);

-- Results of controls (a declaration may be controlled again after a re-routing; its latest result counts): the
-- labels that feed criteria and models.
CREATE TABLE inspections (
    id         bigserial   NOT NULL PRIMARY KEY,
    mrn        text        NOT NULL REFERENCES declarations (mrn),
    version    integer     NOT NULL,
    lane       text        NOT NULL,
    findings   boolean     NOT NULL,
    categories jsonb       NOT NULL,
    revenue    numeric     NOT NULL,
    notes      text,
    officer    text        NOT NULL,
    at         timestamptz NOT NULL
);
CREATE INDEX ix_inspections_mrn ON inspections (mrn, id);

-- Photos and documents of an inspection, kept in the database so that a backup of it is a backup of everything.
CREATE TABLE inspection_evidence (
    id            bigserial NOT NULL PRIMARY KEY,
    inspection_id bigint    NOT NULL REFERENCES inspections (id),
    mrn           text      NOT NULL,
    file_name    text      NOT NULL,
    content_type text      NOT NULL,
    sha256       text      NOT NULL,
    size         bigint    NOT NULL,
    content      bytea     NOT NULL
);
CREATE INDEX ix_inspection_evidence_mrn ON inspection_evidence (mrn, id);

-- Customs value per kg of each item lodged, by HS 2022 subheading: the node's reference prices are their medians.
CREATE TABLE risk_prices (
    id           bigserial   NOT NULL PRIMARY KEY,
    hs6          text        NOT NULL,
    value_per_kg numeric     NOT NULL,
    at           timestamptz NOT NULL
);
