-- Fraud-targeting model versions: the model file itself (a zip), what it says of itself (info, as JSON), and
-- who added it. At most one is active; the single row of model_active names it and is the stamp other
-- servers poll to swap models without a restart.
CREATE TABLE models (
    id         bigserial   NOT NULL PRIMARY KEY,
    source     text        NOT NULL,
    info       json        NOT NULL,
    sha256     text        NOT NULL,
    size       bigint      NOT NULL,
    content    bytea       NOT NULL,
    created_by text        NOT NULL,
    created_at timestamptz NOT NULL
);

CREATE TABLE model_active (
    id           integer     NOT NULL PRIMARY KEY CHECK (id = 1),
    model_id     bigint      REFERENCES models (id),
    activated_by text,
    activated_at timestamptz,
    reason       text,
    stamp        bigint      NOT NULL
);
INSERT INTO model_active (id, model_id, stamp) VALUES (1, NULL, 0);
