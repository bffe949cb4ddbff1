-- Public trade statistics: one row per goods item of each accepted declaration, written in the lodging's
-- transaction. declarant_id only counts the distinct traders of a cell (minimum cell size); it is never published.
-- value_cents is the customs value in national currency in hundredths: an integer sums exactly here, where SQLite
-- would sum decimal text as floating point. NULL when the item has no known value; chapter NULL without an HS code.
CREATE TABLE trade_statistics (
    mrn          TEXT    NOT NULL,
    item         INTEGER NOT NULL,
    month        TEXT    NOT NULL,
    chapter      TEXT,
    origin       TEXT,
    value_cents  INTEGER,
    declarant_id TEXT    NOT NULL,
    PRIMARY KEY (mrn, item)
) STRICT;
CREATE INDEX ix_trade_statistics_month ON trade_statistics (month);
