-- Seals affixed or found intact at a control (JSON array of {container, seals}); NULL when the officer named none.
ALTER TABLE inspections ADD COLUMN seals TEXT;

-- Control results received from partners: what the partner's officers found on an export and the seals they
-- affixed, kept whole (payload) with the keys an import is matched by (container, transport document, exporter
-- reference), so that the import's risk assessment can recognise the control or see a broken seal.
CREATE TABLE exchange_control_results (
    sender       TEXT    NOT NULL,
    message_id   TEXT    NOT NULL,
    mrn          TEXT    NOT NULL,
    office       TEXT    NOT NULL,
    findings     INTEGER NOT NULL,
    inspected_at TEXT    NOT NULL,
    received_at  TEXT    NOT NULL,
    payload      TEXT    NOT NULL,
    PRIMARY KEY (sender, message_id)
) STRICT;

CREATE TABLE exchange_control_keys (
    kind       TEXT NOT NULL,
    value      TEXT NOT NULL,
    sender     TEXT NOT NULL,
    message_id TEXT NOT NULL,
    PRIMARY KEY (kind, value, sender, message_id)
) STRICT;
