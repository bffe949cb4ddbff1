CREATE TABLE declarations (
    mrn          text        NOT NULL PRIMARY KEY,
    declarant_id text        NOT NULL,
    lrn          text        NOT NULL,
    type         text,
    status       text        NOT NULL,
    version      integer     NOT NULL,
    content_hash text        NOT NULL,
    accepted_at  timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL,
    revision     bigint      NOT NULL,
    UNIQUE (declarant_id, lrn)
);
CREATE INDEX ix_declarations_accepted ON declarations (accepted_at DESC, mrn);
CREATE INDEX ix_declarations_declarant ON declarations (declarant_id, accepted_at DESC, mrn);
CREATE INDEX ix_declarations_status ON declarations (status, accepted_at DESC, mrn);

CREATE TABLE declaration_versions (
    mrn          text        NOT NULL REFERENCES declarations (mrn),
    version      integer     NOT NULL,
    declaration  jsonb       NOT NULL,
    assessment   jsonb,
    warnings     jsonb       NOT NULL,
    content_hash text        NOT NULL,
    created_at   timestamptz NOT NULL,
    PRIMARY KEY (mrn, version)
);

-- json rather than jsonb: a notification's payload is handed back to the trader exactly as it was written.
CREATE TABLE notifications (
    id         bigserial   NOT NULL PRIMARY KEY,
    mrn        text        NOT NULL REFERENCES declarations (mrn),
    kind       text        NOT NULL,
    payload    json        NOT NULL,
    created_at timestamptz NOT NULL
);
CREATE INDEX ix_notifications_mrn ON notifications (mrn, id);

CREATE TABLE audit (
    id     bigserial   NOT NULL PRIMARY KEY,
    mrn    text        NOT NULL REFERENCES declarations (mrn),
    actor  text        NOT NULL,
    action text        NOT NULL,
    reason text,
    at     timestamptz NOT NULL
);
CREATE INDEX ix_audit_mrn ON audit (mrn, id);

CREATE TABLE api_keys (
    id          text        NOT NULL PRIMARY KEY,
    role        text        NOT NULL,
    party_id    text,
    name        text        NOT NULL,
    secret_hash bytea       NOT NULL UNIQUE,
    created_at  timestamptz NOT NULL,
    revoked_at  timestamptz
);

CREATE TABLE tariff_schedules (
    id        bigserial   NOT NULL PRIMARY KEY,
    name      text        NOT NULL,
    json      jsonb       NOT NULL,
    loaded_by text        NOT NULL,
    loaded_at timestamptz NOT NULL
);

CREATE SEQUENCE mrn_seq;
