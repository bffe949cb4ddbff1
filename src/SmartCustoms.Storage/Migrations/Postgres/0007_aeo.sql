-- Authorised Economic Operators. This node's register (party ids as used on declarations), a one-row state holding
-- the time of its last change (which orders the aeo-list messages sent, and whose row lock serialises changes), and
-- the lists partners sent: one list in force per sender, replaced only by a newer message, with its entries.
CREATE TABLE aeo_register (
    trader_id   text        NOT NULL PRIMARY KEY,
    name        text        NOT NULL,
    country     text        NOT NULL,
    certificate text,
    valid_from  date        NOT NULL,
    valid_to    date,
    updated_by  text        NOT NULL,
    updated_at  timestamptz NOT NULL
);

CREATE TABLE aeo_register_state (
    id        integer     NOT NULL PRIMARY KEY CHECK (id = 1),
    listed_at timestamptz
);
INSERT INTO aeo_register_state (id, listed_at) VALUES (1, NULL);

CREATE TABLE aeo_partner_lists (
    sender      text        NOT NULL PRIMARY KEY,
    message_id  text        NOT NULL,
    created_at  timestamptz NOT NULL,
    listed_at   timestamptz NOT NULL,
    received_at timestamptz NOT NULL,
    entries     integer     NOT NULL
);

CREATE TABLE aeo_partner_entries (
    sender      text NOT NULL,
    trader_id   text NOT NULL,
    name        text NOT NULL,
    country     text NOT NULL,
    certificate text,
    valid_from  date NOT NULL,
    valid_to    date,
    PRIMARY KEY (sender, trader_id)
);
CREATE INDEX aeo_partner_entries_trader ON aeo_partner_entries (trader_id);
