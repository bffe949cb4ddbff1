-- Seals affixed or found intact at a control (JSON array of {container, seals}); NULL when the officer named none.
ALTER TABLE inspections ADD COLUMN seals jsonb;

-- Control results received from partners: what the partner's officers found on an export and the seals they
-- affixed, kept whole (payload) with the keys an import is matched by (container, transport document, exporter
-- reference), so that the import's risk assessment can recognise the control or see a broken seal.
CREATE TABLE exchange_control_results (
    sender       text        NOT NULL,
    message_id   text        NOT NULL,
    mrn          text        NOT NULL,
    office       text        NOT NULL,
    findings     boolean     NOT NULL,
    inspected_at timestamptz NOT NULL,
    received_at  timestamptz NOT NULL,
    payload      json        NOT NULL,
    PRIMARY KEY (sender, message_id)
);

CREATE TABLE exchange_control_keys (
    kind       text NOT NULL,
    value      text NOT NULL,
    sender     text NOT NULL,
    message_id text NOT NULL,
    PRIMARY KEY (kind, value, sender, message_id)
);
