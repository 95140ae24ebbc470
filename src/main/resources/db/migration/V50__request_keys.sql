-- Request keys (REQ-2026-000123): one counter row per year. Portable between H2 2.x and PostgreSQL 15.

-- intake.RequestKeySequence takes the next number with
--   UPDATE request_key_counter SET last_number = last_number + 1 WHERE key_year = ?
-- in a transaction of its own: the row lock makes concurrent transactions and nodes sharing the
-- database wait for each other, so no number is handed out twice. The first key of a year inserts
-- the row; a node that loses that race retries the update.
CREATE TABLE request_key_counter (
    key_year    INTEGER NOT NULL,
    last_number BIGINT  NOT NULL,
    CONSTRAINT request_key_counter_pk PRIMARY KEY (key_year)
);
