-- What servers keep in memory (the tariff, criteria, lane settings, the active model, partners, AEO holdings) has one
-- version per kind here. Every write of a kind adds one to its version in the same transaction, so a server reads all
-- versions in one query of six rows and reloads a snapshot only when its version moved.
CREATE TABLE snapshot_versions (
    kind    text   PRIMARY KEY,
    version bigint NOT NULL
);

INSERT INTO snapshot_versions (kind, version) VALUES
    ('tariff', 0), ('criteria', 0), ('lanes', 0), ('models', 0), ('partners', 0), ('aeo', 0);

-- risk_criteria_stamp is no longer written (the 'criteria' row replaces it, and its lock orders concurrent saves); it
-- stays so that servers of the previous release keep working during a rolling upgrade.
