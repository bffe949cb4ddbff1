-- Node-to-node exchange. Partners with their node card and agreement (JSON as registered); the outbox, written in
-- the transaction of the business change that causes a message and marked delivered only on the partner's signed
-- receipt; the inbox, one row per (sender, message id) so that a replay is stored once; and the export data
-- received from partners with the keys an import is matched by.
CREATE TABLE exchange_partners (
    node_id       TEXT NOT NULL PRIMARY KEY,
    country       TEXT NOT NULL,
    base_url      TEXT NOT NULL,
    card          TEXT NOT NULL,
    agreement     TEXT NOT NULL,
    registered_by TEXT NOT NULL,
    registered_at TEXT NOT NULL,
    updated_at    TEXT NOT NULL
) STRICT;
CREATE INDEX exchange_partners_country ON exchange_partners (country);

CREATE TABLE exchange_outbox (
    id              TEXT    NOT NULL PRIMARY KEY,
    recipient       TEXT    NOT NULL,
    type            TEXT    NOT NULL,
    envelope        TEXT    NOT NULL,
    created_at      TEXT    NOT NULL,
    status          TEXT    NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT    NOT NULL,
    last_error      TEXT,
    delivered_at    TEXT,
    receipt         TEXT
) STRICT;
CREATE INDEX exchange_outbox_due ON exchange_outbox (status, next_attempt_at);

CREATE TABLE exchange_inbox (
    sender      TEXT NOT NULL,
    id          TEXT NOT NULL,
    type        TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    received_at TEXT NOT NULL,
    message     TEXT NOT NULL,
    payload     TEXT NOT NULL,
    receipt     TEXT NOT NULL,
    PRIMARY KEY (sender, id)
) STRICT;
CREATE INDEX exchange_inbox_received ON exchange_inbox (received_at);

CREATE TABLE exchange_export_data (
    sender      TEXT NOT NULL,
    message_id  TEXT NOT NULL,
    mrn         TEXT NOT NULL,
    status      TEXT NOT NULL,
    accepted_at TEXT NOT NULL,
    received_at TEXT NOT NULL,
    declaration TEXT NOT NULL,
    PRIMARY KEY (sender, message_id)
) STRICT;

CREATE TABLE exchange_export_keys (
    kind       TEXT NOT NULL,
    value      TEXT NOT NULL,
    sender     TEXT NOT NULL,
    message_id TEXT NOT NULL,
    PRIMARY KEY (kind, value, sender, message_id)
) STRICT;
