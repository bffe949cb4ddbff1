-- Public trade statistics: one row per goods item of each accepted declaration, written in the lodging's
-- transaction. declarant_id only counts the distinct traders of a cell (minimum cell size); it is never published.
-- value_cents is the customs value in national currency in hundredths, as on SQLite, so both providers sum the
-- same exact integers. NULL when the item has no known value; chapter NULL without an HS code.
CREATE TABLE trade_statistics (
    mrn          text    NOT NULL,
    item         integer NOT NULL,
    month        text    NOT NULL,
    chapter      text,
    origin       text,
    value_cents  bigint,
    declarant_id text    NOT NULL,
    PRIMARY KEY (mrn, item)
);
CREATE INDEX ix_trade_statistics_month ON trade_statistics (month);
