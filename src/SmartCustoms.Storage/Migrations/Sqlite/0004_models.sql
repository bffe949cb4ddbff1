-- Fraud-targeting model versions: the model file itself (a zip), what it says of itself (info, as JSON), and
-- who added it. At most one is active; the single row of model_active names it and is the stamp other
-- servers poll to swap models without a restart.
CREATE TABLE models (
    id         INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    source     TEXT    NOT NULL,
    info       TEXT    NOT NULL,
    sha256     TEXT    NOT NULL,
    size       INTEGER NOT NULL,
    content    BLOB    NOT NULL,
    created_by TEXT    NOT NULL,
    created_at TEXT    NOT NULL
) STRICT;

CREATE TABLE model_active (
    id           INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    model_id     INTEGER REFERENCES models (id),
    activated_by TEXT,
    activated_at TEXT,
    reason       TEXT,
    stamp        INTEGER NOT NULL
) STRICT;
INSERT INTO model_active (id, model_id, stamp) VALUES (1, NULL, 0);
