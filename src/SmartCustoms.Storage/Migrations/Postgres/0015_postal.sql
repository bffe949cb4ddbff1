-- Postal and express items' advance data. postal_items is the intake: one row per (operator, item id, message id), the
-- key that makes sending a message again harmless, with its acknowledgement (status and warnings) and what the
-- screening of split shipments sums (recipient key: a SHA-256 of the folded name and address; value: in the tariff's
-- currency). postal_answers holds customs' answer to each item, written by the screening (today in the intake's
-- transaction; later by a worker behind a queue); its id is the cursor carriers collect answers by.
-- postal_state's row lock orders the batches, so that answers become visible in cursor order.
CREATE TABLE postal_items (
    id            bigserial   NOT NULL PRIMARY KEY,
    operator      text        NOT NULL,
    item_id       text        NOT NULL,
    message_id    text        NOT NULL,
    status        text        NOT NULL,
    warnings      json        NOT NULL,
    recipient_key text        NOT NULL,
    value         numeric,
    received_at   timestamptz NOT NULL,
    item          json        NOT NULL,
    UNIQUE (operator, item_id, message_id)
);
CREATE INDEX ix_postal_items_recipient ON postal_items (recipient_key, received_at);
CREATE INDEX ix_postal_items_item ON postal_items (operator, item_id, id);

CREATE TABLE postal_answers (
    id          bigserial   NOT NULL PRIMARY KEY,
    operator    text        NOT NULL,
    item_id     text        NOT NULL,
    message_id  text        NOT NULL,
    decision    text        NOT NULL,
    answer      json        NOT NULL,
    answered_at timestamptz NOT NULL,
    UNIQUE (operator, item_id, message_id)
);
CREATE INDEX ix_postal_answers_operator ON postal_answers (operator, id);

CREATE TABLE postal_state (
    id      integer NOT NULL PRIMARY KEY CHECK (id = 1),
    batches bigint  NOT NULL
);
INSERT INTO postal_state (id, batches) VALUES (1, 0);
