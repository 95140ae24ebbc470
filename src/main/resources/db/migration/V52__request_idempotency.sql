-- Idempotency keys of POST /api/requests (intake). Portable between H2 2.x and PostgreSQL 15.
-- A client that sends the same call again (after a timeout, say) with the same Idempotency-Key
-- gets the request the first call opened instead of a second one, and the customer one
-- acknowledgement. Keys belong to the user who sent them.
CREATE TABLE request_idempotency (
    opened_by       VARCHAR(64)  NOT NULL,
    idempotency_key VARCHAR(100) NOT NULL,
    -- SHA-256 of the call's JSON body, hex: the same key with another body is refused
    body_digest     CHAR(64)     NOT NULL,
    request_key     VARCHAR(20)  NOT NULL,
    created_at      TIMESTAMP    NOT NULL,
    CONSTRAINT request_idempotency_pk PRIMARY KEY (opened_by, idempotency_key)
);
