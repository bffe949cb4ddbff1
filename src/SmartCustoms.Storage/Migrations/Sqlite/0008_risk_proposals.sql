-- Risk alerts received from partners, each kept with the criterion it proposes. Written in the transaction that
-- stores the alert in the inbox (one per sender and message id, so a replay adds none); a proposal changes no lane
-- until an analyst adopts it, which saves the criterion as an ordinary one and records who adopted it and when.
CREATE TABLE risk_proposals (
    id                TEXT    NOT NULL PRIMARY KEY,
    sender            TEXT    NOT NULL,
    message_id        TEXT    NOT NULL,
    title             TEXT    NOT NULL,
    text              TEXT    NOT NULL,
    targeting         TEXT    NOT NULL,
    criterion         TEXT    NOT NULL,
    created_at        TEXT    NOT NULL,
    received_at       TEXT    NOT NULL,
    status            TEXT    NOT NULL,
    decided_by        TEXT,
    decided_at        TEXT,
    reason            TEXT,
    criterion_id      TEXT,
    criterion_version INTEGER,
    UNIQUE (sender, message_id)
) STRICT;
CREATE INDEX risk_proposals_received ON risk_proposals (received_at);
