-- Authorised Economic Operators. This node's register (party ids as used on declarations), a one-row state holding
-- the time of its last change (which orders the aeo-list messages sent, and whose row lock serialises changes), and
-- the lists partners sent: one list in force per sender, replaced only by a newer message, with its entries.
CREATE TABLE aeo_register (
    trader_id   TEXT NOT NULL PRIMARY KEY,
    name        TEXT NOT NULL,
    country     TEXT NOT NULL,
    certificate TEXT,
    valid_from  TEXT NOT NULL,
    valid_to    TEXT,
    updated_by  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) STRICT;

CREATE TABLE aeo_register_state (
    id        INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    listed_at TEXT
) STRICT;
INSERT INTO aeo_register_state (id, listed_at) VALUES (1, NULL);

CREATE TABLE aeo_partner_lists (
    sender      TEXT    NOT NULL PRIMARY KEY,
    message_id  TEXT    NOT NULL,
    created_at  TEXT    NOT NULL,
    listed_at   TEXT    NOT NULL,
    received_at TEXT    NOT NULL,
    entries     INTEGER NOT NULL
) STRICT;

CREATE TABLE aeo_partner_entries (
    sender      TEXT NOT NULL,
    trader_id   TEXT NOT NULL,
    name        TEXT NOT NULL,
    country     TEXT NOT NULL,
    certificate TEXT,
    valid_from  TEXT NOT NULL,
    valid_to    TEXT,
    PRIMARY KEY (sender, trader_id)
) STRICT;
CREATE INDEX aeo_partner_entries_trader ON aeo_partner_entries (trader_id);
