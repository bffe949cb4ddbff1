-- Risk alerts received from partners, each kept with the criterion it proposes. Written in the transaction that
-- stores the alert in the inbox (one per sender and message id, so a replay adds none); a proposal changes no lane
-- until an analyst adopts it, which saves the criterion as an ordinary one and records who adopted it and when.
CREATE TABLE risk_proposals (
    id                text        NOT NULL PRIMARY KEY,
    sender            text        NOT NULL,
    message_id        text        NOT NULL,
    title             text        NOT NULL,
    text              text        NOT NULL,
    targeting         json        NOT NULL,
    criterion         json        NOT NULL,
    created_at        timestamptz NOT NULL,
    received_at       timestamptz NOT NULL,
    status            text        NOT NULL,
    decided_by        text,
    decided_at        timestamptz,
    reason            text,
    criterion_id      text,
    criterion_version integer,
    UNIQUE (sender, message_id)
);
CREATE INDEX risk_proposals_received ON risk_proposals (received_at);
