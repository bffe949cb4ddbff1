-- Node-to-node exchange. Partners with their node card and agreement (JSON as registered); the outbox, written in
-- the transaction of the business change that causes a message and marked delivered only on the partner's signed
-- receipt; the inbox, one row per (sender, message id) so that a replay is stored once; and the export data
-- received from partners with the keys an import is matched by.
CREATE TABLE exchange_partners (
    node_id       text        NOT NULL PRIMARY KEY,
    country       text        NOT NULL,
    base_url      text        NOT NULL,
    card          json        NOT NULL,
    agreement     json        NOT NULL,
    registered_by text        NOT NULL,
    registered_at timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL
);
CREATE INDEX exchange_partners_country ON exchange_partners (country);

CREATE TABLE exchange_outbox (
    id              text        NOT NULL PRIMARY KEY,
    recipient       text        NOT NULL,
    type            text        NOT NULL,
    envelope        json        NOT NULL,
    created_at      timestamptz NOT NULL,
    status          text        NOT NULL,
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    last_error      text,
    delivered_at    timestamptz,
    receipt         text
);
CREATE INDEX exchange_outbox_due ON exchange_outbox (status, next_attempt_at);

CREATE TABLE exchange_inbox (
    sender      text        NOT NULL,
    id          text        NOT NULL,
    type        text        NOT NULL,
    created_at  timestamptz NOT NULL,
    received_at timestamptz NOT NULL,
    message     text        NOT NULL,
    payload     json        NOT NULL,
    receipt     text        NOT NULL,
    PRIMARY KEY (sender, id)
);
CREATE INDEX exchange_inbox_received ON exchange_inbox (received_at);

CREATE TABLE exchange_export_data (
    sender      text        NOT NULL,
    message_id  text        NOT NULL,
    mrn         text        NOT NULL,
    status      text        NOT NULL,
    accepted_at timestamptz NOT NULL,
    received_at timestamptz NOT NULL,
    declaration json        NOT NULL,
    PRIMARY KEY (sender, message_id)
);

CREATE TABLE exchange_export_keys (
    kind       text NOT NULL,
    value      text NOT NULL,
    sender     text NOT NULL,
    message_id text NOT NULL,
    PRIMARY KEY (kind, value, sender, message_id)
);
