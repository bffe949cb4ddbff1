-- State that used to live in each server's data folder, so that several servers on one database are one node.
-- node_secrets: the exchange signing keys and the portal's data-protection key ring, each secret encrypted by the
-- server (AES-GCM under SmartCustoms:Secrets:Key) before it is written; only names and times are readable here.
CREATE TABLE node_secrets (
    kind       text        NOT NULL,
    name       text        NOT NULL,
    created_at timestamptz NOT NULL,
    retires_at timestamptz,
    secret     text        NOT NULL,
    PRIMARY KEY (kind, name)
);

-- Scheduled jobs run by one server at a time: whoever holds the row until lease_until.
CREATE TABLE job_leases (
    job         text        NOT NULL PRIMARY KEY,
    holder      text        NOT NULL,
    lease_until timestamptz NOT NULL
);

-- The server delivering a claimed outbox message, so that only it renews the claim while it delivers.
ALTER TABLE exchange_outbox ADD COLUMN claimed_by text;
