-- Postal and express items' advance data. postal_items is the intake: one row per (operator, item id, message id), the
-- key that makes sending a message again harmless, with its acknowledgement (status and warnings) and what the
-- screening of split shipments sums (recipient key: a SHA-256 of the folded name and address; value: decimal text
-- in the tariff's currency). postal_answers holds customs' answer to each item, written by the screening (today in
-- the intake's transaction; later by a worker behind a queue); its id is the cursor carriers collect answers by.
-- postal_state's row lock orders the batches, so that answers appear in cursor order on PostgreSQL too.
CREATE TABLE postal_items (
    id            INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    operator      TEXT    NOT NULL,
    item_id       TEXT    NOT NULL,
    message_id    TEXT    NOT NULL,
    status        TEXT    NOT NULL,
    warnings      TEXT    NOT NULL,
    recipient_key TEXT    NOT NULL,
    value         TEXT,
    received_at   TEXT    NOT NULL,
    item          TEXT    NOT NULL,
    UNIQUE (operator, item_id, message_id)
) STRICT;
CREATE INDEX ix_postal_items_recipient ON postal_items (recipient_key, received_at);
CREATE INDEX ix_postal_items_item ON postal_items (operator, item_id, id);

CREATE TABLE postal_answers (
    id          INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    operator    TEXT    NOT NULL,
    item_id     TEXT    NOT NULL,
    message_id  TEXT    NOT NULL,
    decision    TEXT    NOT NULL,
    answer      TEXT    NOT NULL,
    answered_at TEXT    NOT NULL,
    UNIQUE (operator, item_id, message_id)
) STRICT;
CREATE INDEX ix_postal_answers_operator ON postal_answers (operator, id);

CREATE TABLE postal_state (
    id      INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    batches INTEGER NOT NULL
) STRICT;
INSERT INTO postal_state (id, batches) VALUES (1, 0);
