-- State that used to live in each server's data folder, so that several servers on one database are one node.
-- node_secrets: the exchange signing keys and the portal's data-protection key ring, each secret encrypted by the
-- server (AES-GCM under SmartCustoms:Secrets:Key) before it is written; only names and times are readable here.
CREATE TABLE node_secrets (
    kind       TEXT NOT NULL,
    name       TEXT NOT NULL,
    created_at TEXT NOT NULL,
    retires_at TEXT,
    secret     TEXT NOT NULL,
    PRIMARY KEY (kind, name)
) STRICT;

-- Scheduled jobs run by one server at a time: whoever holds the row until lease_until.
CREATE TABLE job_leases (
    job         TEXT NOT NULL PRIMARY KEY,
    holder      TEXT NOT NULL,
    lease_until TEXT NOT NULL
) STRICT;

-- The server delivering a claimed outbox message, so that only it renews the claim while it delivers.
ALTER TABLE exchange_outbox ADD COLUMN claimed_by TEXT;
