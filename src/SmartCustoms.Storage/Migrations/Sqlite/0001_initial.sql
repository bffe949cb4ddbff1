-- Timestamps are ISO-8601 UTC text with a fixed width (yyyy-MM-ddTHH:mm:ss.ffffffZ), so text order is time order.
CREATE TABLE declarations (
    mrn          TEXT    NOT NULL PRIMARY KEY,
    declarant_id TEXT    NOT NULL,
    lrn          TEXT    NOT NULL,
    type         TEXT,
    status       TEXT    NOT NULL,
    version      INTEGER NOT NULL,
    content_hash TEXT    NOT NULL,
    accepted_at  TEXT    NOT NULL,
    updated_at   TEXT    NOT NULL,
    revision     INTEGER NOT NULL,
    UNIQUE (declarant_id, lrn)
) STRICT;
CREATE INDEX ix_declarations_accepted ON declarations (accepted_at DESC, mrn);
CREATE INDEX ix_declarations_declarant ON declarations (declarant_id, accepted_at DESC, mrn);
CREATE INDEX ix_declarations_status ON declarations (status, accepted_at DESC, mrn);

CREATE TABLE declaration_versions (
    mrn          TEXT    NOT NULL REFERENCES declarations (mrn),
    version      INTEGER NOT NULL,
    declaration  TEXT    NOT NULL,
    assessment   TEXT,
    warnings     TEXT    NOT NULL,
    content_hash TEXT    NOT NULL,
    created_at   TEXT    NOT NULL,
    PRIMARY KEY (mrn, version)
) STRICT;

-- AUTOINCREMENT: ids are never reused, so a client's cursor stays valid.
CREATE TABLE notifications (
    id         INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    mrn        TEXT    NOT NULL REFERENCES declarations (mrn),
    kind       TEXT    NOT NULL,
    payload    TEXT    NOT NULL,
    created_at TEXT    NOT NULL
) STRICT;
CREATE INDEX ix_notifications_mrn ON notifications (mrn, id);

CREATE TABLE audit (
    id     INTEGER NOT NULL PRIMARY KEY,
    mrn    TEXT    NOT NULL REFERENCES declarations (mrn),
    actor  TEXT    NOT NULL,
    action TEXT    NOT NULL,
    reason TEXT,
    at     TEXT    NOT NULL
) STRICT;
CREATE INDEX ix_audit_mrn ON audit (mrn, id);

CREATE TABLE api_keys (
    id          TEXT NOT NULL PRIMARY KEY,
    role        TEXT NOT NULL,
    party_id    TEXT,
    name        TEXT NOT NULL,
    secret_hash BLOB NOT NULL UNIQUE,
    created_at  TEXT NOT NULL,
    revoked_at  TEXT
) STRICT;

CREATE TABLE tariff_schedules (
    id        INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    name      TEXT    NOT NULL,
    json      TEXT    NOT NULL,
    loaded_by TEXT    NOT NULL,
    loaded_at TEXT    NOT NULL
) STRICT;

-- SQLite has no sequences: the MRN number is a row incremented inside the lodging's write transaction.
CREATE TABLE counters (
    name  TEXT    NOT NULL PRIMARY KEY,
    value INTEGER NOT NULL
) STRICT;
INSERT INTO counters (name, value) VALUES ('mrn', 0);
