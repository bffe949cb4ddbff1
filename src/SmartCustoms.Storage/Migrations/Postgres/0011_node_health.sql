-- One row per server, rewritten by every readiness probe: a probe that cannot write this row reports the database
-- as not writable. Keyed by server so that several servers on one database do not contend for one row.
CREATE TABLE node_health (
    server_id text        NOT NULL PRIMARY KEY,
    beat_at   timestamptz NOT NULL
);
